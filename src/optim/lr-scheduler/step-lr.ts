/** StepLR: multiplies the lr by `gamma` every `stepSize` epochs (PyTorch 1.13 `StepLR`). */
import { LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';
import type { SchedulerStateDict } from './state.js';
import { readNumber } from './state.js';
import type { SchedulableOptimizer } from './types.js';
import { requireFinite, requirePositiveInteger } from './validate.js';

/** Options of {@link StepLR}. */
export interface StepLROptions extends LRSchedulerOptions {
  /** Period of the decay in epochs (positive integer). */
  stepSize: number;
  /** Multiplicative factor of the decay; default 0.1. */
  gamma?: number;
}

/**
 * Decays each group's lr by `gamma` every `stepSize` epochs. Chainable form: `lr ← lr·γ` when
 * `lastEpoch > 0` and `lastEpoch % stepSize = 0`, else unchanged; closed form
 * `base·γ^⌊lastEpoch / stepSize⌋`.
 */
export class StepLR extends LRScheduler {
  stepSize: number;
  gamma: number;

  constructor(optimizer: SchedulableOptimizer, options: StepLROptions) {
    const stepSize = requirePositiveInteger('stepSize', options.stepSize);
    const gamma = requireFinite('gamma', options.gamma ?? 0.1);
    super(optimizer, options);
    this.stepSize = stepSize;
    this.gamma = gamma;
    this.initialStep();
  }

  protected getLr(): number[] {
    const current = this.currentValues();
    if (this.lastEpoch === 0 || this.lastEpoch % this.stepSize !== 0) return current;
    return current.map((lr) => lr * this.gamma);
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((base) => base * this.gamma ** Math.floor(this.lastEpoch / this.stepSize));
  }

  protected override optionState(): SchedulerStateDict {
    return { stepSize: this.stepSize, gamma: this.gamma };
  }

  protected override loadOptionState(state: SchedulerStateDict): void {
    const stepSize = readNumber(state, 'stepSize');
    const gamma = readNumber(state, 'gamma');
    this.stepSize = stepSize;
    this.gamma = gamma;
  }
}
