/**
 * Default values shared by the schema and by code that builds configs without validating them
 * (the demo builds its configs from flags commander already checked, so the CLI's main thread
 * never loads the schema library for it). The schema takes its defaults from here; a test checks
 * that a config built here equals the same config validated.
 */
import type { ExperimentConfig, LoggingConfig } from './experiment-schema.js';
import type { DecayMode, OptimizerName } from './names.js';
import type { OptimizerConfig } from './optimizer-schema.js';

/** Each optimizer's own options with PyTorch's defaults (camelCase). */
export const OPTIMIZER_DEFAULTS = {
  sgd: { momentum: 0, dampening: 0, nesterov: false },
  adam: { betas: [0.9, 0.999] as [number, number], eps: 1e-8, amsgrad: false },
  adamw: { betas: [0.9, 0.999] as [number, number], eps: 1e-8, amsgrad: false },
  rmsprop: { alpha: 0.99, eps: 1e-8, momentum: 0, centered: false },
  adagrad: { lrDecay: 0, initialAccumulatorValue: 0, eps: 1e-10 },
  adamax: { betas: [0.9, 0.999] as [number, number], eps: 1e-8 },
  nadam: { betas: [0.9, 0.999] as [number, number], eps: 1e-8, momentumDecay: 4e-3 },
  radam: { betas: [0.9, 0.999] as [number, number], eps: 1e-8 },
  adadelta: { rho: 0.9, eps: 1e-6 },
} satisfies Record<OptimizerName, object>;

/** The logging section's defaults: everything, every step, compact histograms. */
export const LOGGING_DEFAULTS: LoggingConfig = { every: 1, histograms: true, gradients: true, bins: 'compact' };

/** A complete optimizer section: `name` with its defaults, no parameter groups. */
export function optimizerConfig(name: OptimizerName, lr: number, weightDecay: number, decay?: DecayMode): OptimizerConfig {
  const common = { lr, weightDecay, groups: [], ...(decay === undefined ? {} : { decay }) };
  const copyBetas = <T extends { betas: [number, number] }>(d: T): T => ({ ...d, betas: [d.betas[0], d.betas[1]] });
  switch (name) {
    case 'sgd':
      return { name, ...common, ...OPTIMIZER_DEFAULTS.sgd };
    case 'adam':
      return { name, ...common, ...copyBetas(OPTIMIZER_DEFAULTS.adam) };
    case 'adamw':
      return { name, ...common, ...copyBetas(OPTIMIZER_DEFAULTS.adamw) };
    case 'rmsprop':
      return { name, ...common, ...OPTIMIZER_DEFAULTS.rmsprop };
    case 'adagrad':
      return { name, ...common, ...OPTIMIZER_DEFAULTS.adagrad };
    case 'adamax':
      return { name, ...common, ...copyBetas(OPTIMIZER_DEFAULTS.adamax) };
    case 'nadam':
      return { name, ...common, ...copyBetas(OPTIMIZER_DEFAULTS.nadam) };
    case 'radam':
      return { name, ...common, ...copyBetas(OPTIMIZER_DEFAULTS.radam) };
    case 'adadelta':
      return { name, ...common, ...OPTIMIZER_DEFAULTS.adadelta };
  }
}

/** The article's experiment as a complete config (what the schema would make of it). */
export function articleConfig(o: {
  name: string;
  seed: number;
  optimizer: OptimizerConfig;
  iterations: number;
  logging: LoggingConfig;
}): ExperimentConfig {
  return {
    name: o.name,
    seed: o.seed,
    model: { kind: 'article' },
    dataset: { name: 'article' },
    optimizer: o.optimizer,
    schedule: {},
    training: { iterations: o.iterations, shuffle: true, evalEvery: 0 },
    logging: o.logging,
  };
}
