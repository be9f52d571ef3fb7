/**
 * Everything a run needs, built from a validated config and a loaded dataset in a fixed order:
 * `manualSeed(config.seed)`, then the model (its initialisation draws from the default generator,
 * as PyTorch's does after `torch.manual_seed`), then the optimizer and schedulers. Batch order
 * draws from a separate generator seeded with the same seed, so it never shifts the initialisation.
 */
import { Generator, manualSeed } from '../../tensor/random/generator.js';
import type { Optimizer } from '../../optim/optimizer.js';
import { lossFunction, type LossFn } from '../build/loss.js';
import { type BuiltModel, buildModel } from '../build/model.js';
import { buildOptimizer } from '../build/optimizer.js';
import { type BuiltSchedules, buildSchedules } from '../build/schedules.js';
import type { ExperimentConfig } from '../config/experiment-schema.js';
import { lossOf } from '../config/names.js';
import type { Dataset } from '../datasets/types.js';
import { splitSize } from '../datasets/types.js';
import { BatchSchedule } from './batches.js';

/** A run ready to train. */
export interface RunSetup {
  readonly config: ExperimentConfig;
  readonly dataset: Dataset;
  readonly model: BuiltModel;
  readonly optimizer: Optimizer;
  readonly schedules: BuiltSchedules;
  readonly loss: LossFn;
  readonly batches: BatchSchedule;
  /** Optimizer steps the run will take. */
  readonly totalSteps: number;
}

/** Builds model, optimizer, schedules, loss and batch order for `config` on `dataset`. */
export function setupRun(config: ExperimentConfig, dataset: Dataset): RunSetup {
  manualSeed(config.seed);
  const model = buildModel(config.model, dataset.inputSize, dataset.outputSize);
  const optimizer = buildOptimizer(config.optimizer, model.parameters);
  const batches = new BatchSchedule(splitSize(dataset.train), config.training.batchSize ?? null, config.training.shuffle, new Generator(config.seed));
  const epochs = config.training.epochs ?? 0;
  const totalSteps = config.training.iterations ?? epochs * batches.stepsPerEpoch;
  const schedules = buildSchedules(config.schedule, optimizer, totalSteps, epochs);
  return { config, dataset, model, optimizer, schedules, loss: lossFunction(lossOf(config)), batches, totalSteps };
}
