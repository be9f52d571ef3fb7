/** MultiStepLR: multiplies the lr by `gamma` at each milestone epoch (PyTorch 1.13 `MultiStepLR`). */
import { ArgumentError } from '../../tensor/errors.js';
import { LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';
import { bisectRight } from './bisect.js';
import { readNumber, readNumbers, type SchedulerStateDict } from './state.js';
import type { SchedulableOptimizer } from './types.js';
import { requireFinite, requireInteger } from './validate.js';

/** Options of {@link MultiStepLR}. */
export interface MultiStepLROptions extends LRSchedulerOptions {
  /** Epoch indices (integers); a milestone listed k times multiplies by γ^k there, as PyTorch's Counter does. */
  milestones: readonly number[];
  /** Multiplicative factor of the decay; default 0.1. */
  gamma?: number;
}

/**
 * Decays each group's lr by `gamma` once the epoch reaches each milestone. Chainable form:
 * `lr ← lr·γ^count(lastEpoch)` where `count` is how often `lastEpoch` is listed; closed form
 * `base·γ^bisect_right(sorted milestones, lastEpoch)`.
 */
export class MultiStepLR extends LRScheduler {
  /** The milestones, sorted, repeats kept. */
  milestones: number[];
  gamma: number;

  constructor(optimizer: SchedulableOptimizer, options: MultiStepLROptions) {
    if (!Array.isArray(options.milestones)) {
      throw new ArgumentError('milestones must be an array of epoch indices', 'milestones', options.milestones);
    }
    const milestones = options.milestones.map((m, i) => requireInteger(`milestones[${i}]`, m)).sort((a, b) => a - b);
    const gamma = requireFinite('gamma', options.gamma ?? 0.1);
    super(optimizer, options);
    this.milestones = milestones;
    this.gamma = gamma;
    this.initialStep();
  }

  protected getLr(): number[] {
    const count = this.milestones.filter((m) => m === this.lastEpoch).length;
    const current = this.currentValues();
    if (count === 0) return current;
    return current.map((lr) => lr * this.gamma ** count);
  }

  protected override closedFormLr(): number[] {
    const passed = bisectRight(this.milestones, this.lastEpoch);
    return this.baseLrs.map((base) => base * this.gamma ** passed);
  }

  protected override optionState(): SchedulerStateDict {
    return { milestones: [...this.milestones], gamma: this.gamma };
  }

  protected override loadOptionState(state: SchedulerStateDict): void {
    const milestones = readNumbers(state, 'milestones');
    const gamma = readNumber(state, 'gamma');
    this.milestones = milestones.sort((a, b) => a - b);
    this.gamma = gamma;
  }
}
