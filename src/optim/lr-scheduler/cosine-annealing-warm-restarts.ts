/** CosineAnnealingWarmRestarts: SGDR with restarts every T_i epochs (PyTorch 1.13). */
import { ArgumentError } from '../../tensor/errors.js';
import { LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';
import { readNumber, type SchedulerStateDict } from './state.js';
import type { SchedulableOptimizer } from './types.js';
import { requireFinite, requirePositiveInteger } from './validate.js';

/** Options of {@link CosineAnnealingWarmRestarts}. */
export interface CosineAnnealingWarmRestartsOptions extends LRSchedulerOptions {
  /** Epochs until the first restart (positive integer). */
  t0: number;
  /** Factor by which T_i grows after each restart (integer ≥ 1); default 1. */
  tMult?: number;
  /** Minimum lr η_min; default 0. */
  etaMin?: number;
}

/**
 * Sets each group's lr to `η_min + (η_max − η_min)·(1 + cos(π·T_cur/T_i))/2`, where T_cur counts epochs
 * since the last restart and T_i is the current period (T_0, then ·T_mult after each restart).
 * `step()` adds one epoch; `step(epoch)` accepts fractional epochs (e.g. `epoch + batch/batches`) and finds
 * the period containing it: with T_mult > 1, `n = ⌊log_{T_mult}(epoch/T_0·(T_mult − 1) + 1)⌋`,
 * `T_cur = epoch − T_0·(T_mult^n − 1)/(T_mult − 1)`, `T_i = T_0·T_mult^n`.
 */
export class CosineAnnealingWarmRestarts extends LRScheduler {
  t0: number;
  tMult: number;
  etaMin: number;
  /** The current period T_i. */
  tI: number;
  /** Epochs since the last restart, T_cur (fractional after `step(epoch)` with a fractional epoch). */
  tCur: number;

  constructor(optimizer: SchedulableOptimizer, options: CosineAnnealingWarmRestartsOptions) {
    const t0 = requirePositiveInteger('t0', options.t0);
    const tMult = requirePositiveInteger('tMult', options.tMult ?? 1);
    const etaMin = requireFinite('etaMin', options.etaMin ?? 0);
    super(optimizer, options);
    this.t0 = t0;
    this.tI = t0;
    this.tMult = tMult;
    this.etaMin = etaMin;
    this.tCur = this.lastEpoch;
    this.initialStep();
  }

  protected getLr(): number[] {
    return this.baseLrs.map((base) => this.etaMin + ((base - this.etaMin) * (1 + Math.cos((Math.PI * this.tCur) / this.tI))) / 2);
  }

  /** Advances one epoch, or jumps to `epoch` (≥ 0, may be fractional); see the class comment. */
  override step(epoch?: number): void {
    let at = epoch;
    if (at === undefined && this.lastEpoch < 0) at = 0;
    if (at === undefined) {
      at = this.lastEpoch + 1;
      this.tCur = this.tCur + 1;
      if (this.tCur >= this.tI) {
        this.tCur = this.tCur - this.tI;
        this.tI = this.tI * this.tMult;
      }
    } else {
      requireFinite('epoch', at);
      if (at < 0) throw new ArgumentError(`epoch must be non-negative, got ${at}`, 'epoch', at);
      if (at >= this.t0) {
        if (this.tMult === 1) {
          this.tCur = at % this.t0;
        } else {
          const n = Math.trunc(Math.log((at / this.t0) * (this.tMult - 1) + 1) / Math.log(this.tMult));
          this.tCur = at - (this.t0 * (this.tMult ** n - 1)) / (this.tMult - 1);
          this.tI = this.t0 * this.tMult ** n;
        }
      } else {
        this.tI = this.t0;
        this.tCur = at;
      }
    }
    this.lastEpoch = Math.floor(at);
    this.apply(this.getLr());
  }

  protected override optionState(): SchedulerStateDict {
    return { t0: this.t0, tI: this.tI, tMult: this.tMult, etaMin: this.etaMin, tCur: this.tCur };
  }

  protected override loadOptionState(state: SchedulerStateDict): void {
    const t0 = readNumber(state, 't0');
    const tI = readNumber(state, 'tI');
    const tMult = readNumber(state, 'tMult');
    const etaMin = readNumber(state, 'etaMin');
    const tCur = readNumber(state, 'tCur');
    this.t0 = t0;
    this.tI = tI;
    this.tMult = tMult;
    this.etaMin = etaMin;
    this.tCur = tCur;
  }
}
