/** The optim layer: optimizers as composable gradient transforms, PyTorch-shaped classes, clipping. */
export * from './errors.js';
export * from './types.js';
export * from './transform.js';
export { Chain, chain, BLOCK_SIZE } from './chain.js';
export * from './transforms/decay.js';
export * from './transforms/scale.js';
export { Optimizer, type OptimizerSpec } from './optimizer.js';
export { checkCommonOptions, checkNonNegative, checkBetas, checkBoolean, checkUnitInterval } from './options.js';
export type { OptimizerStateDict, SerializedParamState, SerializedParamGroup, SerializedBuffer, JsonValue } from './state-dict.js';
export * from './optimizers/sgd.js';
export * from './optimizers/adam.js';
export * from './optimizers/rmsprop.js';
export * from './optimizers/adagrad.js';
export * from './optimizers/adadelta.js';
export * from './optimizers/adamax.js';
export * from './optimizers/nadam.js';
export * from './optimizers/radam.js';
export * from './clip-grad.js';
export * from './decay-groups.js';

// ---- schedulers: `optim.lrScheduler.StepLR`, ... (as torch.optim.lr_scheduler), and weight-decay schedules ----
export * as lrScheduler from './lr-scheduler/index.js';
export * from './schedules/index.js';
