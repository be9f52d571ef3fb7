/**
 * A schedule of its own for the weight decay λ, given as a function of the step. (Any lr scheduler can
 * also drive λ with `target: 'weightDecay'`, e.g. `new CosineAnnealingLR(opt, { tMax, target: 'weightDecay' })`;
 * this class is for schedules that are easier to write down directly.)
 */
import { ArgumentError } from '../../tensor/errors.js';
import { LRScheduler } from '../lr-scheduler/lr-scheduler.js';
import type { SchedulableOptimizer } from '../lr-scheduler/types.js';

/** λ for a step: given the step index, the group's initial λ (`initialWeightDecay`) and the group's index. */
export type WeightDecaySchedule = (step: number, initialWeightDecay: number, groupIndex: number) => number;

/** Options of {@link WeightDecayScheduler}. */
export interface WeightDecaySchedulerOptions {
  /** The λ of every step; must return a finite number ≥ 0. */
  schedule: WeightDecaySchedule;
  /** The index of the last step when resuming; default −1. */
  lastEpoch?: number;
}

/**
 * Sets each group's `weightDecay` to `schedule(t, λ₀, i)` at every step t (t = 0 on construction, like the
 * lr schedulers), keeping λ₀ in the group's `initialWeightDecay`. With decoupled decay the weight then
 * shrinks by lr_t·λ_t per step. `step(t)` jumps to step t. State dicts, `getLastLr()` (the last λ values)
 * and resuming work as for the lr schedulers; the function itself is not saved.
 */
export class WeightDecayScheduler extends LRScheduler {
  readonly schedule: WeightDecaySchedule;

  constructor(optimizer: SchedulableOptimizer, options: WeightDecaySchedulerOptions) {
    if (typeof options.schedule !== 'function') {
      throw new ArgumentError(`schedule must be a function of the step, got ${typeof options.schedule}`, 'schedule', options.schedule);
    }
    super(optimizer, { target: 'weightDecay', ...(options.lastEpoch === undefined ? {} : { lastEpoch: options.lastEpoch }) });
    this.schedule = options.schedule;
    this.initialStep();
  }

  protected getLr(): number[] {
    return this.baseLrs.map((initial, i) => {
      const value = this.schedule(this.lastEpoch, initial, i);
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new ArgumentError(`schedule returned ${String(value)} for step ${this.lastEpoch}, group ${i}; weight decay must be a finite number >= 0`, 'schedule', value);
      }
      return value;
    });
  }
}
