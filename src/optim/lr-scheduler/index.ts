/**
 * `optim.lrScheduler`: PyTorch 1.13's torch.optim.lr_scheduler in TypeScript — the same classes, options
 * in camelCase, the same chainable step rules and the same numbers. Every epoch-driven scheduler can also
 * drive a group's weight decay instead of its lr (`target: 'weightDecay'`).
 */
export { LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';
export { StepLR, type StepLROptions } from './step-lr.js';
export { MultiStepLR, type MultiStepLROptions } from './multi-step-lr.js';
export { ConstantLR, type ConstantLROptions } from './constant-lr.js';
export { LinearLR, type LinearLROptions } from './linear-lr.js';
export { ExponentialLR, type ExponentialLROptions } from './exponential-lr.js';
export { PolynomialLR, type PolynomialLROptions } from './polynomial-lr.js';
export { CosineAnnealingLR, type CosineAnnealingLROptions } from './cosine-annealing-lr.js';
export { CosineAnnealingWarmRestarts, type CosineAnnealingWarmRestartsOptions } from './cosine-annealing-warm-restarts.js';
export { LambdaLR, MultiplicativeLR, type LambdaLROptions, type LrLambda } from './lambda-lr.js';
export { OneCycleLR, type OneCycleLROptions } from './one-cycle-lr.js';
export { annealCos, annealLinear, type AnnealStrategy } from './one-cycle-phases.js';
export { ReduceLROnPlateau, type ReduceLROnPlateauOptions } from './reduce-lr-on-plateau.js';
export { SequentialLR, type SequentialLROptions } from './sequential-lr.js';
export { ChainedScheduler, type ChainableScheduler } from './chained-scheduler.js';
export { SchedulerStateError, SchedulerStepError } from './errors.js';
export type { SchedulerStateDict, StateValue } from './state.js';
export { initialKeyOf, type Metric, type SchedulableOptimizer, type SchedulableParamGroup, type ScheduleTarget, type InitialKey } from './types.js';
