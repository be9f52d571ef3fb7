/** CosineAnnealingLR: SGDR's cosine annealing without restarts (PyTorch 1.13 `CosineAnnealingLR`). */
import { LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';
import { readNumber, type SchedulerStateDict } from './state.js';
import type { SchedulableOptimizer } from './types.js';
import { requireFinite, requirePositive } from './validate.js';

/** Options of {@link CosineAnnealingLR}. */
export interface CosineAnnealingLROptions extends LRSchedulerOptions {
  /** Half-period T_max of the cosine in epochs (> 0). */
  tMax: number;
  /** Minimum lr η_min; default 0. */
  etaMin?: number;
}

/**
 * Anneals each group's lr along a cosine from its base η_max to η_min over T_max epochs:
 * closed form `η_min + (η_max − η_min)·(1 + cos(π·t/T_max))/2`. The chainable form PyTorch steps with
 * (and this class reproduces operation for operation) is
 * `η_t = (1 + cos(π·t/T_max)) / (1 + cos(π·(t−1)/T_max))·(η_{t−1} − η_min) + η_min`, except
 * `η_t = η_{t−1} + (η_max − η_min)·(1 − cos(π/T_max))/2` when (t − 1 − T_max) mod 2T_max = 0 (the
 * trough, where the ratio is 0/0), and the closed form on the first step of a resumed schedule.
 * Past T_max the lr rises again (the cosine continues); it does not restart.
 */
export class CosineAnnealingLR extends LRScheduler {
  tMax: number;
  etaMin: number;

  constructor(optimizer: SchedulableOptimizer, options: CosineAnnealingLROptions) {
    const tMax = requirePositive('tMax', options.tMax);
    const etaMin = requireFinite('etaMin', options.etaMin ?? 0);
    super(optimizer, options);
    this.tMax = tMax;
    this.etaMin = etaMin;
    this.initialStep();
  }

  protected getLr(): number[] {
    const { tMax, etaMin, lastEpoch: t } = this;
    if (t === 0) return this.currentValues();
    if (this.stepCount === 1 && t > 0) {
      return this.baseLrs.map((base) => etaMin + ((base - etaMin) * (1 + Math.cos((t * Math.PI) / tMax))) / 2);
    }
    if ((t - 1 - tMax) % (2 * tMax) === 0) {
      return this.groups.map((group, i) => group[this.target] + ((this.baseLrs[i]! - etaMin) * (1 - Math.cos(Math.PI / tMax))) / 2);
    }
    return this.currentValues().map(
      (lr) => ((1 + Math.cos((Math.PI * t) / tMax)) / (1 + Math.cos((Math.PI * (t - 1)) / tMax))) * (lr - etaMin) + etaMin,
    );
  }

  protected override closedFormLr(): number[] {
    const { tMax, etaMin, lastEpoch: t } = this;
    return this.baseLrs.map((base) => etaMin + ((base - etaMin) * (1 + Math.cos((Math.PI * t) / tMax))) / 2);
  }

  protected override optionState(): SchedulerStateDict {
    return { tMax: this.tMax, etaMin: this.etaMin };
  }

  protected override loadOptionState(state: SchedulerStateDict): void {
    const tMax = readNumber(state, 'tMax');
    const etaMin = readNumber(state, 'etaMin');
    this.tMax = tMax;
    this.etaMin = etaMin;
  }
}
