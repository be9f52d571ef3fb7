/** LinearLR: moves the lr's factor linearly from `startFactor` to `endFactor` (PyTorch 1.13 `LinearLR`). */
import { LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';
import { readNumber, type SchedulerStateDict } from './state.js';
import type { SchedulableOptimizer } from './types.js';
import { requireInInterval, requirePositiveInteger } from './validate.js';

/** Options of {@link LinearLR}. */
export interface LinearLROptions extends LRSchedulerOptions {
  /** Factor at epoch 0, in (0, 1]; default 1/3. */
  startFactor?: number;
  /** Factor from `totalIters` on, in [0, 1]; default 1. */
  endFactor?: number;
  /** Epochs over which the factor changes (positive integer); default 5. */
  totalIters?: number;
}

/**
 * Scales each group's lr by a factor going linearly from `startFactor` (epoch 0) to `endFactor`
 * (epoch `totalIters`). Chainable form with s, e, n = startFactor, endFactor, totalIters:
 * `lr·s` at epoch 0; `lr·(1 + (e − s) / (n·s + (t − 1)·(e − s)))` for 0 < t ≤ n; unchanged after;
 * closed form `base·(s + (e − s)·min(n, t) / n)`. PyTorch 1.13 accepts s = 0 and then divides by zero at
 * epoch 1; here s must be > 0 (as in later PyTorch).
 */
export class LinearLR extends LRScheduler {
  startFactor: number;
  endFactor: number;
  totalIters: number;

  constructor(optimizer: SchedulableOptimizer, options: LinearLROptions = {}) {
    const startFactor = requireInInterval('startFactor', options.startFactor ?? 1.0 / 3, 0, 1, { openLow: true });
    const endFactor = requireInInterval('endFactor', options.endFactor ?? 1.0, 0, 1);
    const totalIters = requirePositiveInteger('totalIters', options.totalIters ?? 5);
    super(optimizer, options);
    this.startFactor = startFactor;
    this.endFactor = endFactor;
    this.totalIters = totalIters;
    this.initialStep();
  }

  protected getLr(): number[] {
    const current = this.currentValues();
    const { startFactor: s, endFactor: e, totalIters: n } = this;
    if (this.lastEpoch === 0) return current.map((lr) => lr * s);
    if (this.lastEpoch > n) return current;
    return current.map((lr) => lr * (1 + (e - s) / (n * s + (this.lastEpoch - 1) * (e - s))));
  }

  protected override closedFormLr(): number[] {
    const { startFactor: s, endFactor: e, totalIters: n } = this;
    return this.baseLrs.map((base) => base * (s + ((e - s) * Math.min(n, this.lastEpoch)) / n));
  }

  protected override optionState(): SchedulerStateDict {
    return { startFactor: this.startFactor, endFactor: this.endFactor, totalIters: this.totalIters };
  }

  protected override loadOptionState(state: SchedulerStateDict): void {
    const startFactor = readNumber(state, 'startFactor');
    const endFactor = readNumber(state, 'endFactor');
    const totalIters = readNumber(state, 'totalIters');
    this.startFactor = startFactor;
    this.endFactor = endFactor;
    this.totalIters = totalIters;
  }
}
