/** PolynomialLR: decays the lr polynomially to zero over `totalIters` (PyTorch 1.13 `PolynomialLR`). */
import { LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';
import { readNumber, type SchedulerStateDict } from './state.js';
import type { SchedulableOptimizer } from './types.js';
import { requireFinite, requirePositiveInteger } from './validate.js';

/** Options of {@link PolynomialLR}. */
export interface PolynomialLROptions extends LRSchedulerOptions {
  /** Epochs until the lr reaches 0 (positive integer); default 5. */
  totalIters?: number;
  /** The polynomial's power; default 1. */
  power?: number;
}

/**
 * Decays each group's lr as `base·(1 − min(t, n)/n)^p` (closed form, n = totalIters, p = power). Chainable
 * form for 0 < t ≤ n: `lr ← lr·((1 − t/n) / (1 − (t − 1)/n))^p`; unchanged at t = 0 and after n.
 */
export class PolynomialLR extends LRScheduler {
  totalIters: number;
  power: number;

  constructor(optimizer: SchedulableOptimizer, options: PolynomialLROptions = {}) {
    const totalIters = requirePositiveInteger('totalIters', options.totalIters ?? 5);
    const power = requireFinite('power', options.power ?? 1.0);
    super(optimizer, options);
    this.totalIters = totalIters;
    this.power = power;
    this.initialStep();
  }

  protected getLr(): number[] {
    const current = this.currentValues();
    const t = this.lastEpoch;
    const n = this.totalIters;
    if (t === 0 || t > n) return current;
    const decay = ((1.0 - t / n) / (1.0 - (t - 1) / n)) ** this.power;
    return current.map((lr) => lr * decay);
  }

  protected override closedFormLr(): number[] {
    const n = this.totalIters;
    return this.baseLrs.map((base) => base * (1.0 - Math.min(n, this.lastEpoch) / n) ** this.power);
  }

  protected override optionState(): SchedulerStateDict {
    return { totalIters: this.totalIters, power: this.power };
  }

  protected override loadOptionState(state: SchedulerStateDict): void {
    const totalIters = readNumber(state, 'totalIters');
    const power = readNumber(state, 'power');
    this.totalIters = totalIters;
    this.power = power;
  }
}
