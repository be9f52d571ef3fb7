/**
 * Weight-decay schedules. By default decoupled decay follows the lr (PyTorch's lr·λ, see
 * {@link decoupledDecayRate}); λ can get a schedule of its own ({@link WeightDecayScheduler}, or any
 * lr scheduler with `target: 'weightDecay'`); {@link normalizedWeightDecay} gives Loshchilov & Hutter's
 * λ = λ_norm·sqrt(b/(B·T)).
 */
export { normalizedWeightDecay, lrScaledWeightDecay, type NormalizedWeightDecayOptions } from './normalized-weight-decay.js';
export { decoupledDecayRate, decoupledDecayFactor, type DecayStepValues } from './decoupled-decay.js';
export { WeightDecayScheduler, type WeightDecaySchedule, type WeightDecaySchedulerOptions } from './weight-decay-scheduler.js';
