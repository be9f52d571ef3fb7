/**
 * The demo's runs: the article's experiment (reference model, `manualSeed(seed)`, the article's data,
 * MSE, 1000 full-batch iterations, every parameter's `_grad` and `_data` histograms and the `loss`
 * scalar logged each iteration), once per weight decay.
 */
import type { PlannedRun } from '../batch/plan.js';
import { articleConfig, optimizerConfig } from '../config/defaults.js';
import { type DecayMode, type OptimizerName, decayModeOf } from '../config/names.js';
import { ConfigError } from '../errors.js';
import { configHparams } from '../run/config-hparams.js';

/** What the demo's flags control. */
export interface DemoOptions {
  readonly weightDecays: readonly number[];
  readonly optimizer: OptimizerName;
  /** The decay mode (the optimizer's own default when undefined: `l2`, `decoupled` for AdamW). */
  readonly decay?: DecayMode | undefined;
  readonly lr: number;
  readonly iterations: number;
  readonly seed: number;
  readonly logEvery: number;
  readonly bins: 'compact' | 'tensorflow' | number;
}

/** The article's settings: Adam, lr 0.01, weight decay 0.01 and 0.1, 1000 iterations, seed 0, every step logged. */
export const DEMO_DEFAULTS: DemoOptions = { weightDecays: [0.01, 0.1], optimizer: 'adam', lr: 0.01, iterations: 1000, seed: 0, logEvery: 1, bins: 'compact' };

/** The run name of one weight decay: `wd=0.1`. */
export function demoRunName(weightDecay: number): string {
  return `wd=${weightDecay}`;
}

/** The column label of one weight decay: `λ=0.1`. */
export function demoLabel(weightDecay: number): string {
  return `\u03bb=${weightDecay}`;
}

/**
 * The demo's planned runs, each with its hyperparameters ({@link configHparams}: optimizer, lr,
 * weightDecay, decay, iterations, seed) for run.json and TensorBoard's HParams tab. Flag values
 * that make no valid config are a {@link ConfigError} naming the flag. The configs are built
 * complete (config/defaults.ts) rather than validated, so the CLI does not load the schema library
 * for the demo; a test checks they equal their validated form.
 */
export function demoPlan(o: DemoOptions): PlannedRun[] {
  if (o.weightDecays.length === 0) throw new ConfigError([{ path: '--weight-decay', message: 'give at least one value' }], 'flags');
  const dup = o.weightDecays.find((v, i) => o.weightDecays.indexOf(v) !== i);
  if (dup !== undefined) throw new ConfigError([{ path: '--weight-decay', message: `${dup} is given twice` }], 'flags');
  return o.weightDecays.map((weightDecay) => {
    if (!(weightDecay >= 0 && Number.isFinite(weightDecay))) throw new ConfigError([{ path: '--weight-decay', message: `${weightDecay} is not a number >= 0` }], 'flags');
    if (!(o.lr > 0 && Number.isFinite(o.lr))) throw new ConfigError([{ path: '--lr', message: `${o.lr} is not a number > 0` }], 'flags');
    for (const [flag, v] of [['--iterations', o.iterations], ['--log-every', o.logEvery]] as const) {
      if (!(Number.isSafeInteger(v) && v >= 1)) throw new ConfigError([{ path: flag, message: `${v} is not an integer >= 1` }], 'flags');
    }
    if (!(Number.isSafeInteger(o.seed) && o.seed >= 0)) throw new ConfigError([{ path: '--seed', message: `${o.seed} is not an integer >= 0` }], 'flags');
    const config = articleConfig({
      name: `demo-${demoRunName(weightDecay)}`,
      seed: o.seed,
      optimizer: optimizerConfig(o.optimizer, o.lr, weightDecay, o.decay),
      iterations: o.iterations,
      logging: { every: o.logEvery, histograms: true, gradients: true, bins: o.bins },
    });
    return { name: demoRunName(weightDecay), config, hparams: configHparams(config), group: demoRunName(weightDecay) };
  });
}

/** One line describing the demo's settings. */
export function demoDescription(o: DemoOptions): string {
  const decay = decayModeOf({ name: o.optimizer, decay: o.decay });
  return `the article's experiment: reference model, seed ${o.seed}, ${o.optimizer} lr ${o.lr}, ${decay} decay λ ∈ {${o.weightDecays.join(', ')}}, ${o.iterations} iterations, histograms every ${o.logEvery === 1 ? 'iteration' : `${o.logEvery} iterations`}`;
}
