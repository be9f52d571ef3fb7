/** ReduceLROnPlateau: lowers the lr when a metric stops improving (PyTorch 1.13 `ReduceLROnPlateau`). */
import { SchedulerStateError } from './errors.js';
import { readNumber, readNumbers, readString, type SchedulerStateDict } from './state.js';
import type { Metric, SchedulableOptimizer, SchedulableParamGroup, ScheduleTarget } from './types.js';
import {
  perGroup,
  requireFinite,
  requireInInterval,
  requireNonNegative,
  requireNonNegativeInteger,
  requireOneOf,
} from './validate.js';

/** Options of {@link ReduceLROnPlateau} (PyTorch's names in camelCase). */
export interface ReduceLROnPlateauOptions {
  /** 'min' (default): the metric should decrease; 'max': it should increase. */
  mode?: 'min' | 'max';
  /** new lr = lr·factor, in [0, 1); default 0.1. */
  factor?: number;
  /** Epochs without improvement tolerated before reducing; default 10. */
  patience?: number;
  /** How much better counts as better; default 1e-4. */
  threshold?: number;
  /** 'rel' (default): better than best·(1 ∓ threshold); 'abs': better than best ∓ threshold. */
  thresholdMode?: 'rel' | 'abs';
  /** Epochs to wait after a reduction before counting bad epochs again; default 0. */
  cooldown?: number;
  /** Lower bound of the lr, one for all groups or one per group; default 0. */
  minLr?: number | readonly number[];
  /** Reductions smaller than eps are skipped; default 1e-8. */
  eps?: number;
  /** The group value to reduce: 'lr' (default) or 'weightDecay'. */
  target?: ScheduleTarget;
}

/**
 * Reduces each group's lr by `factor` (not below `minLr`, and only when the change exceeds `eps`) once the
 * metric has not improved for more than `patience` epochs, then waits `cooldown` epochs. "Improved" means
 * `a < best·(1 − threshold)` (min, rel), `a < best − threshold` (min, abs), `a > best·(1 + threshold)`
 * (max, rel) or `a > best + threshold` (max, abs). A NaN metric never improves. Not an LRScheduler: its
 * `step` takes the metric.
 */
export class ReduceLROnPlateau {
  readonly optimizer: SchedulableOptimizer;
  readonly target: ScheduleTarget;
  mode: 'min' | 'max';
  factor: number;
  patience: number;
  threshold: number;
  thresholdMode: 'rel' | 'abs';
  cooldown: number;
  minLrs: number[];
  eps: number;
  /** The best metric so far (±Infinity before the first step). */
  best: number;
  numBadEpochs = 0;
  cooldownCounter = 0;
  lastEpoch = 0;
  private lastLr: number[];

  constructor(optimizer: SchedulableOptimizer, options: ReduceLROnPlateauOptions = {}) {
    this.factor = requireInInterval('factor', options.factor ?? 0.1, 0, 1, { openHigh: true });
    this.optimizer = optimizer;
    this.target = requireOneOf('target', options.target ?? 'lr', ['lr', 'weightDecay']);
    this.minLrs = perGroup('minLr', options.minLr ?? 0, optimizer.paramGroups.length).map((v, i) => requireNonNegative(`minLr[${i}]`, v));
    this.patience = requireNonNegativeInteger('patience', options.patience ?? 10);
    this.cooldown = requireNonNegativeInteger('cooldown', options.cooldown ?? 0);
    this.mode = requireOneOf('mode', options.mode ?? 'min', ['min', 'max']);
    this.threshold = requireFinite('threshold', options.threshold ?? 1e-4);
    this.thresholdMode = requireOneOf('thresholdMode', options.thresholdMode ?? 'rel', ['rel', 'abs']);
    this.eps = requireNonNegative('eps', options.eps ?? 1e-8);
    this.best = this.modeWorse;
    this.lastLr = this.currentValues();
  }

  /** The worst value for the mode: +Infinity for 'min', −Infinity for 'max'. */
  get modeWorse(): number {
    return this.mode === 'min' ? Infinity : -Infinity;
  }

  /** Whether a reduction happened within the last `cooldown` epochs. */
  get inCooldown(): boolean {
    return this.cooldownCounter > 0;
  }

  private get groups(): SchedulableParamGroup[] {
    return this.optimizer.paramGroups;
  }

  private currentValues(): number[] {
    return this.groups.map((group) => group[this.target]);
  }

  /** Whether `a` improves on `best` under the mode and threshold (see the class comment). */
  isBetter(a: number, best: number): boolean {
    if (this.mode === 'min' && this.thresholdMode === 'rel') return a < best * (1 - this.threshold);
    if (this.mode === 'min') return a < best - this.threshold;
    if (this.thresholdMode === 'rel') return a > best * (this.threshold + 1);
    return a > best + this.threshold;
  }

  /** Records this epoch's metric (a number or a one-element tensor) and reduces the lr if it has plateaued. */
  step(metric: Metric, epoch?: number): void {
    const current = typeof metric === 'number' ? metric : metric.item();
    this.lastEpoch = epoch === undefined ? this.lastEpoch + 1 : requireFinite('epoch', epoch);
    if (this.isBetter(current, this.best)) {
      this.best = current;
      this.numBadEpochs = 0;
    } else {
      this.numBadEpochs += 1;
    }
    if (this.inCooldown) {
      this.cooldownCounter -= 1;
      this.numBadEpochs = 0;
    }
    if (this.numBadEpochs > this.patience) {
      this.reduce();
      this.cooldownCounter = this.cooldown;
      this.numBadEpochs = 0;
    }
    this.lastLr = this.currentValues();
  }

  private reduce(): void {
    this.groups.forEach((group, i) => {
      const oldLr = group[this.target];
      const newLr = Math.max(oldLr * this.factor, this.minLrs[i]!);
      if (oldLr - newLr > this.eps) group[this.target] = newLr;
    });
  }

  /** Each group's value after the last step (before any step: the current values). */
  getLastLr(): number[] {
    return [...this.lastLr];
  }

  /** The scheduler's options and counters. */
  stateDict(): SchedulerStateDict {
    return {
      mode: this.mode,
      factor: this.factor,
      patience: this.patience,
      threshold: this.threshold,
      thresholdMode: this.thresholdMode,
      cooldown: this.cooldown,
      minLrs: [...this.minLrs],
      eps: this.eps,
      best: this.best,
      numBadEpochs: this.numBadEpochs,
      cooldownCounter: this.cooldownCounter,
      lastEpoch: this.lastEpoch,
      lastLr: [...this.lastLr],
    };
  }

  /** Restores a `stateDict()`; checks every entry before assigning any. */
  loadStateDict(state: SchedulerStateDict): void {
    const n = this.groups.length;
    const mode = readString(state, 'mode');
    const thresholdMode = readString(state, 'thresholdMode');
    if (mode !== 'min' && mode !== 'max') throw new SchedulerStateError(`state 'mode' must be 'min' or 'max', got '${mode}'`, 'mode');
    if (thresholdMode !== 'rel' && thresholdMode !== 'abs') {
      throw new SchedulerStateError(`state 'thresholdMode' must be 'rel' or 'abs', got '${thresholdMode}'`, 'thresholdMode');
    }
    const loaded = {
      factor: readNumber(state, 'factor'),
      patience: readNumber(state, 'patience'),
      threshold: readNumber(state, 'threshold'),
      cooldown: readNumber(state, 'cooldown'),
      minLrs: readNumbers(state, 'minLrs', n),
      eps: readNumber(state, 'eps'),
      best: readNumber(state, 'best'),
      numBadEpochs: readNumber(state, 'numBadEpochs'),
      cooldownCounter: readNumber(state, 'cooldownCounter'),
      lastEpoch: readNumber(state, 'lastEpoch'),
      lastLr: readNumbers(state, 'lastLr', n),
    };
    this.mode = mode;
    this.thresholdMode = thresholdMode;
    this.factor = loaded.factor;
    this.patience = loaded.patience;
    this.threshold = loaded.threshold;
    this.cooldown = loaded.cooldown;
    this.minLrs = loaded.minLrs;
    this.eps = loaded.eps;
    this.best = loaded.best;
    this.numBadEpochs = loaded.numBadEpochs;
    this.cooldownCounter = loaded.cooldownCounter;
    this.lastEpoch = loaded.lastEpoch;
    this.lastLr = loaded.lastLr;
  }
}
