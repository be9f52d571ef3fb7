/** OneCycleLR: the 1cycle policy with momentum cycling (PyTorch 1.13 `OneCycleLR`). */
import { ArgumentError } from '../../tensor/errors.js';
import { SchedulerStateError, SchedulerStepError } from './errors.js';
import { LRScheduler } from './lr-scheduler.js';
import { annealCos, annealLinear, oneCyclePhases, type AnnealStrategy, type OneCyclePhase } from './one-cycle-phases.js';
import { readBoolean, readNumber, readString, type SchedulerStateDict } from './state.js';
import type { SchedulableOptimizer, SchedulableParamGroup } from './types.js';
import { perGroup, requireFinite, requireInInterval, requireInteger, requireOneOf, requirePositive, requirePositiveInteger } from './validate.js';

/** Options of {@link OneCycleLR} (PyTorch's names in camelCase). */
export interface OneCycleLROptions {
  /** Peak lr, one for all groups or one per group. */
  maxLr: number | readonly number[];
  /** Steps in the cycle; or give `epochs` and `stepsPerEpoch` (total = their product). */
  totalSteps?: number;
  epochs?: number;
  stepsPerEpoch?: number;
  /** Fraction of the cycle spent warming up, in [0, 1]; default 0.3. */
  pctStart?: number;
  /** 'cos' (default) or 'linear'. */
  annealStrategy?: AnnealStrategy;
  /** Cycle momentum (SGD's `momentum` or Adam-like `betas[0]`) inversely to the lr; default true. */
  cycleMomentum?: boolean;
  /** Momentum at the lr's peak, one or one per group; default 0.85. */
  baseMomentum?: number | readonly number[];
  /** Momentum at the cycle's ends, one or one per group; default 0.95. */
  maxMomentum?: number | readonly number[];
  /** initialLr = maxLr / divFactor; default 25. */
  divFactor?: number;
  /** minLr = initialLr / finalDivFactor; default 1e4. */
  finalDivFactor?: number;
  /** Use the paper's three phases instead of fastai's two; default false. */
  threePhase?: boolean;
  /** The index of the last batch when resuming; default −1. */
  lastEpoch?: number;
}

function hasDefault(defaults: object, key: 'momentum' | 'betas'): boolean {
  return key in defaults && Reflect.get(defaults, key) !== undefined;
}

/**
 * Anneals each group's lr from `maxLr/divFactor` up to `maxLr` and down to `maxLr/divFactor/finalDivFactor`
 * over `totalSteps` steps (call `step()` after every batch), along a cosine or a line; with
 * `cycleMomentum` the momentum (or β₁) goes the opposite way between `maxMomentum` and `baseMomentum`.
 * In phase [s, e] at step t, `pct = (t − s)/(e − s)` and the value is `anneal(start, end, pct)`.
 * Like PyTorch, it stores `initialLr`, `maxLr`, `minLr`, `maxMomentum`, `baseMomentum` in each group
 * (overwriting `initialLr`) and throws when stepped beyond `totalSteps`. It drives the lr only.
 */
export class OneCycleLR extends LRScheduler {
  totalSteps: number;
  pctStart: number;
  threePhase: boolean;
  annealStrategy: AnnealStrategy;
  cycleMomentum: boolean;
  /** Whether momentum lives in `betas[0]` (the optimizer's defaults have `betas`) rather than `momentum`. */
  useBeta1: boolean;
  private phases: OneCyclePhase[];

  constructor(optimizer: SchedulableOptimizer, options: OneCycleLROptions) {
    const groups = optimizer.paramGroups;
    const totalSteps = OneCycleLR.totalStepsOf(options);
    const pctStart = requireInInterval('pctStart', options.pctStart ?? 0.3, 0, 1);
    const threePhase = options.threePhase ?? false;
    const annealStrategy = requireOneOf('annealStrategy', options.annealStrategy ?? 'cos', ['cos', 'linear']);
    const divFactor = requirePositive('divFactor', options.divFactor ?? 25);
    const finalDivFactor = requirePositive('finalDivFactor', options.finalDivFactor ?? 1e4);
    const lastEpoch = requireInteger('lastEpoch', options.lastEpoch ?? -1);
    const maxLrs = perGroup('maxLr', options.maxLr, groups.length).map((v, i) => requireFinite(`maxLr[${i}]`, v));
    const cycleMomentum = options.cycleMomentum ?? true;
    let useBeta1 = false;
    let maxMomentums: number[] = [];
    let baseMomentums: number[] = [];
    if (cycleMomentum) {
      if (!hasDefault(optimizer.defaults, 'momentum') && !hasDefault(optimizer.defaults, 'betas')) {
        throw new ArgumentError('optimizer must support momentum (momentum or betas in its defaults) with cycleMomentum enabled', 'cycleMomentum', true);
      }
      useBeta1 = hasDefault(optimizer.defaults, 'betas');
      maxMomentums = perGroup('maxMomentum', options.maxMomentum ?? 0.95, groups.length).map((v, i) => requireFinite(`maxMomentum[${i}]`, v));
      baseMomentums = perGroup('baseMomentum', options.baseMomentum ?? 0.85, groups.length).map((v, i) => requireFinite(`baseMomentum[${i}]`, v));
      if (useBeta1 && lastEpoch === -1) {
        groups.forEach((group, i) => {
          if (group.betas === undefined) throw new SchedulerStateError(`paramGroups[${i}] has no betas to cycle`, 'betas', i);
        });
      }
    }
    if (lastEpoch === -1) {
      groups.forEach((group, i) => {
        const initialLr = maxLrs[i]! / divFactor;
        group.initialLr = initialLr;
        group.maxLr = maxLrs[i]!;
        group.minLr = initialLr / finalDivFactor;
        if (cycleMomentum) {
          const maxMomentum = maxMomentums[i]!;
          if (useBeta1 && group.betas !== undefined) group.betas = [maxMomentum, group.betas[1]];
          else if (!useBeta1) group.momentum = maxMomentum;
          group.maxMomentum = maxMomentum;
          group.baseMomentum = baseMomentums[i]!;
        }
      });
    }
    super(optimizer, { lastEpoch });
    this.totalSteps = totalSteps;
    this.pctStart = pctStart;
    this.threePhase = threePhase;
    this.annealStrategy = annealStrategy;
    this.cycleMomentum = cycleMomentum;
    this.useBeta1 = useBeta1;
    this.phases = oneCyclePhases(totalSteps, pctStart, threePhase);
    this.initialStep();
  }

  private static totalStepsOf(options: OneCycleLROptions): number {
    if (options.totalSteps !== undefined) return requirePositiveInteger('totalSteps', options.totalSteps);
    if (options.epochs === undefined && options.stepsPerEpoch === undefined) {
      throw new ArgumentError('OneCycleLR needs totalSteps, or epochs and stepsPerEpoch', 'totalSteps', undefined);
    }
    if (options.epochs === undefined) throw new ArgumentError('OneCycleLR needs epochs with stepsPerEpoch', 'epochs', undefined);
    if (options.stepsPerEpoch === undefined) throw new ArgumentError('OneCycleLR needs stepsPerEpoch with epochs', 'stepsPerEpoch', undefined);
    return requirePositiveInteger('epochs', options.epochs) * requirePositiveInteger('stepsPerEpoch', options.stepsPerEpoch);
  }

  private anneal(start: number, end: number, pct: number): number {
    return this.annealStrategy === 'cos' ? annealCos(start, end, pct) : annealLinear(start, end, pct);
  }

  private groupValue(group: SchedulableParamGroup, key: 'initialLr' | 'maxLr' | 'minLr' | 'maxMomentum' | 'baseMomentum', i: number): number {
    const value = group[key];
    if (value === undefined) throw new SchedulerStateError(`paramGroups[${i}] has no ${key} (OneCycleLR resumed on a group it never set up)`, key, i);
    return value;
  }

  protected getLr(): number[] {
    const stepNum = this.lastEpoch;
    if (stepNum > this.totalSteps) {
      throw new SchedulerStepError(`Tried to step ${stepNum + 1} times. The specified number of total steps is ${this.totalSteps}`, stepNum);
    }
    return this.groups.map((group, i) => {
      let startStep = 0;
      for (let p = 0; p < this.phases.length; p++) {
        const phase = this.phases[p]!;
        const endStep = phase.endStep;
        if (stepNum <= endStep || p === this.phases.length - 1) {
          if (endStep === startStep) {
            throw new SchedulerStepError(`OneCycleLR phase ${p} has zero length (steps ${startStep}..${endStep}); raise totalSteps or change pctStart`, stepNum);
          }
          const pct = (stepNum - startStep) / (endStep - startStep);
          const lr = this.anneal(this.groupValue(group, phase.startLr, i), this.groupValue(group, phase.endLr, i), pct);
          if (this.cycleMomentum) {
            const momentum = this.anneal(this.groupValue(group, phase.startMomentum, i), this.groupValue(group, phase.endMomentum, i), pct);
            this.writeMomentum(group, momentum, i);
          }
          return lr;
        }
        startStep = endStep;
      }
      throw new SchedulerStepError('OneCycleLR has no phases', stepNum);
    });
  }

  private writeMomentum(group: SchedulableParamGroup, momentum: number, i: number): void {
    if (!this.useBeta1) {
      group.momentum = momentum;
      return;
    }
    if (group.betas === undefined) throw new SchedulerStateError(`paramGroups[${i}] has no betas to cycle`, 'betas', i);
    group.betas = [momentum, group.betas[1]];
  }

  protected override optionState(): SchedulerStateDict {
    return {
      totalSteps: this.totalSteps,
      pctStart: this.pctStart,
      threePhase: this.threePhase,
      annealStrategy: this.annealStrategy,
      cycleMomentum: this.cycleMomentum,
      useBeta1: this.useBeta1,
    };
  }

  protected override loadOptionState(state: SchedulerStateDict): void {
    const totalSteps = readNumber(state, 'totalSteps');
    const pctStart = readNumber(state, 'pctStart');
    const threePhase = readBoolean(state, 'threePhase');
    const annealStrategy = readString(state, 'annealStrategy');
    if (annealStrategy !== 'cos' && annealStrategy !== 'linear') {
      throw new SchedulerStateError(`state 'annealStrategy' must be 'cos' or 'linear', got '${annealStrategy}'`, 'annealStrategy');
    }
    const cycleMomentum = readBoolean(state, 'cycleMomentum');
    const useBeta1 = readBoolean(state, 'useBeta1');
    this.totalSteps = totalSteps;
    this.pctStart = pctStart;
    this.threePhase = threePhase;
    this.annealStrategy = annealStrategy;
    this.cycleMomentum = cycleMomentum;
    this.useBeta1 = useBeta1;
    this.phases = oneCyclePhases(totalSteps, pctStart, threePhase);
  }
}
