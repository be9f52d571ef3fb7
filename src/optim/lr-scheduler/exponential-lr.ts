/** ExponentialLR: multiplies the lr by `gamma` every epoch (PyTorch 1.13 `ExponentialLR`). */
import { LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';
import { readNumber, type SchedulerStateDict } from './state.js';
import type { SchedulableOptimizer } from './types.js';
import { requireFinite } from './validate.js';

/** Options of {@link ExponentialLR}. */
export interface ExponentialLROptions extends LRSchedulerOptions {
  /** Multiplicative factor per epoch. */
  gamma: number;
}

/** Decays each group's lr by `gamma` every epoch: chainable `lr ← lr·γ` (t > 0); closed form `base·γ^t`. */
export class ExponentialLR extends LRScheduler {
  gamma: number;

  constructor(optimizer: SchedulableOptimizer, options: ExponentialLROptions) {
    const gamma = requireFinite('gamma', options.gamma);
    super(optimizer, options);
    this.gamma = gamma;
    this.initialStep();
  }

  protected getLr(): number[] {
    const current = this.currentValues();
    if (this.lastEpoch === 0) return current;
    return current.map((lr) => lr * this.gamma);
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((base) => base * this.gamma ** this.lastEpoch);
  }

  protected override optionState(): SchedulerStateDict {
    return { gamma: this.gamma };
  }

  protected override loadOptionState(state: SchedulerStateDict): void {
    this.gamma = readNumber(state, 'gamma');
  }
}
