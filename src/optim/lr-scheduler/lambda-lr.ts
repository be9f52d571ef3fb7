/** LambdaLR and MultiplicativeLR: schedules given as functions of the epoch (PyTorch 1.13). */
import { ArgumentError } from '../../tensor/errors.js';
import { LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';
import type { SchedulableOptimizer } from './types.js';
import { perGroup } from './validate.js';

/** A factor as a function of the epoch index. */
export type LrLambda = (epoch: number) => number;

/** Options of {@link LambdaLR} and {@link MultiplicativeLR}. */
export interface LambdaLROptions extends LRSchedulerOptions {
  /** One function for every group, or one per group. */
  lrLambda: LrLambda | readonly LrLambda[];
}

function lambdasFor(optimizer: SchedulableOptimizer, lrLambda: LrLambda | readonly LrLambda[]): LrLambda[] {
  const lambdas = perGroup('lrLambda', lrLambda, optimizer.paramGroups.length);
  lambdas.forEach((fn, i) => {
    if (typeof fn !== 'function') throw new ArgumentError(`lrLambda[${i}] must be a function of the epoch, got ${typeof fn}`, 'lrLambda', fn);
  });
  return lambdas;
}

/**
 * Sets each group's lr to `base·λ(lastEpoch)` (no closed form needed: this is one). The functions are not
 * part of `stateDict()` (PyTorch saves only callable objects' attributes; plain functions never).
 */
export class LambdaLR extends LRScheduler {
  readonly lrLambdas: LrLambda[];

  constructor(optimizer: SchedulableOptimizer, options: LambdaLROptions) {
    const lambdas = lambdasFor(optimizer, options.lrLambda);
    super(optimizer, options);
    this.lrLambdas = lambdas;
    this.initialStep();
  }

  protected getLr(): number[] {
    return this.baseLrs.map((base, i) => base * this.lrLambdas[i]!(this.lastEpoch));
  }
}

/**
 * Multiplies each group's lr by `λ(lastEpoch)` every epoch after the first (`lr ← lr·λ(t)` for t > 0;
 * unchanged at t = 0). PyTorch has no closed form for it.
 */
export class MultiplicativeLR extends LRScheduler {
  readonly lrLambdas: LrLambda[];

  constructor(optimizer: SchedulableOptimizer, options: LambdaLROptions) {
    const lambdas = lambdasFor(optimizer, options.lrLambda);
    super(optimizer, options);
    this.lrLambdas = lambdas;
    this.initialStep();
  }

  protected getLr(): number[] {
    const current = this.currentValues();
    if (this.lastEpoch <= 0) return current;
    return current.map((lr, i) => lr * this.lrLambdas[i]!(this.lastEpoch));
  }
}
