/**
 * The hyperparameters of a run read off its config — what the HParams views (TensorBoard's
 * HParams tab, the dashboard's Runs/HParams table) show for a demo or single run: optimizer,
 * learning rate, weight decay, decay mode, the training length and the seed. Keys follow the
 * studies' names (`weightDecay`, `decay`, `seed`), so runs of every kind line up in one table.
 */
import type { ExperimentConfig } from '../config/experiment-schema.js';
import { decayModeOf } from '../config/names.js';
import type { HParamValue } from './run-record.js';

/**
 * `{optimizer, lr, weightDecay, decay, iterations | epochs (+ batchSize), seed}` of `config`;
 * `decay` is the effective mode (`l2`, or `decoupled` for AdamW when not given), as the optimizer
 * applies it.
 */
export function configHparams(config: ExperimentConfig): Record<string, HParamValue> {
  const { optimizer, training } = config;
  const length: Record<string, HParamValue> = {};
  if (training.iterations !== undefined) length['iterations'] = training.iterations;
  if (training.epochs !== undefined) length['epochs'] = training.epochs;
  if (training.batchSize !== undefined) length['batchSize'] = training.batchSize;
  return { optimizer: optimizer.name, lr: optimizer.lr, weightDecay: optimizer.weightDecay, decay: decayModeOf(optimizer), ...length, seed: config.seed };
}
