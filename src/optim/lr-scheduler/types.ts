/**
 * The structural contract between schedulers and optimizers. A scheduler needs only an optimizer's
 * `paramGroups` (plain mutable objects it reads and writes, as PyTorch's schedulers write
 * `param_group['lr']`) and `defaults` (OneCycleLR looks for `momentum` or `betas` there), so any
 * optimizer with that shape can be scheduled; nothing here depends on the optimizer classes.
 */

/**
 * The group value a scheduler drives: the learning rate (PyTorch's only choice) or the weight decay λ,
 * so the same schedule classes can give λ a schedule of its own.
 */
export type ScheduleTarget = 'lr' | 'weightDecay';

/**
 * What a scheduler reads and writes in one parameter group. `initialLr` is PyTorch's `initial_lr`
 * (the base value a schedule starts from, stored once per group); `initialWeightDecay` is its analogue
 * for schedules of λ. `maxLr`, `minLr`, `maxMomentum` and `baseMomentum` are the per-group values
 * OneCycleLR stores as PyTorch's `max_lr`, `min_lr`, `max_momentum` and `base_momentum`.
 */
export interface SchedulableParamGroup {
  lr: number;
  weightDecay: number;
  initialLr?: number;
  initialWeightDecay?: number;
  momentum?: number;
  betas?: [number, number];
  maxLr?: number;
  minLr?: number;
  maxMomentum?: number;
  baseMomentum?: number;
}

/** An optimizer as schedulers see it: its parameter groups and its defaults. */
export interface SchedulableOptimizer {
  readonly paramGroups: SchedulableParamGroup[];
  readonly defaults: object;
}

/** The group key holding a target's base value: `initialLr` (PyTorch's `initial_lr`) or `initialWeightDecay`. */
export type InitialKey = 'initialLr' | 'initialWeightDecay';

/** Maps a schedule target to the group key of its base value. */
export function initialKeyOf(target: ScheduleTarget): InitialKey {
  return target === 'lr' ? 'initialLr' : 'initialWeightDecay';
}

/** A metric ReduceLROnPlateau accepts: a number or anything with `item()` (a one-element Tensor). */
export type Metric = number | { item(): number };
