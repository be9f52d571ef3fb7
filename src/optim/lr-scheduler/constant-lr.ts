/** ConstantLR: scales the lr by a constant factor until `totalIters` (PyTorch 1.13 `ConstantLR`). */
import { LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';
import { readNumber, type SchedulerStateDict } from './state.js';
import type { SchedulableOptimizer } from './types.js';
import { requireInInterval, requireNonNegativeInteger } from './validate.js';

/** Options of {@link ConstantLR}. */
export interface ConstantLROptions extends LRSchedulerOptions {
  /** The factor applied until `totalIters`, in (0, 1]; default 1/3. */
  factor?: number;
  /** The epoch at which the factor is removed; default 5. */
  totalIters?: number;
}

/**
 * Multiplies each group's lr by `factor` from epoch 0 and divides it back out at `totalIters`. Chainable
 * form: `lr·factor` at epoch 0, `lr·(1/factor)` at `totalIters`, unchanged otherwise; closed form
 * `base·(factor + [lastEpoch ≥ totalIters]·(1 − factor))`. PyTorch accepts factor 0 and then divides by it
 * at `totalIters`; here 0 is rejected up front.
 */
export class ConstantLR extends LRScheduler {
  factor: number;
  totalIters: number;

  constructor(optimizer: SchedulableOptimizer, options: ConstantLROptions = {}) {
    const factor = requireInInterval('factor', options.factor ?? 1.0 / 3, 0, 1, { openLow: true });
    const totalIters = requireNonNegativeInteger('totalIters', options.totalIters ?? 5);
    super(optimizer, options);
    this.factor = factor;
    this.totalIters = totalIters;
    this.initialStep();
  }

  protected getLr(): number[] {
    const current = this.currentValues();
    if (this.lastEpoch === 0) return current.map((lr) => lr * this.factor);
    if (this.lastEpoch !== this.totalIters) return current;
    return current.map((lr) => lr * (1.0 / this.factor));
  }

  protected override closedFormLr(): number[] {
    const reached = this.lastEpoch >= this.totalIters ? 1 : 0;
    return this.baseLrs.map((base) => base * (this.factor + reached * (1 - this.factor)));
  }

  protected override optionState(): SchedulerStateDict {
    return { factor: this.factor, totalIters: this.totalIters };
  }

  protected override loadOptionState(state: SchedulerStateDict): void {
    const factor = readNumber(state, 'factor');
    const totalIters = readNumber(state, 'totalIters');
    this.factor = factor;
    this.totalIters = totalIters;
  }
}
