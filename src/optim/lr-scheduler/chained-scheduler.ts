/** ChainedScheduler: steps several chainable schedulers together (PyTorch 1.13 `ChainedScheduler`). */
import { ArgumentError } from '../../tensor/errors.js';
import { readNumbers, readStateDicts, type SchedulerStateDict } from './state.js';
import type { SchedulableOptimizer, ScheduleTarget } from './types.js';

/** A scheduler stepped without arguments: any LRScheduler, a SequentialLR or another ChainedScheduler. */
export interface ChainableScheduler {
  readonly optimizer: SchedulableOptimizer;
  readonly target: ScheduleTarget;
  step(): void;
  getLastLr(): number[];
  stateDict(): SchedulerStateDict;
  loadStateDict(state: SchedulerStateDict): void;
}

/**
 * Calls `step()` on every scheduler in order on each step, so their chainable forms compose: each one
 * multiplies the lr the previous one left (e.g. ConstantLR warm-up × ExponentialLR decay). Construction
 * steps nothing (each child already made its initial step).
 */
export class ChainedScheduler {
  readonly optimizer: SchedulableOptimizer;
  readonly target: ScheduleTarget;
  private readonly schedulers: readonly ChainableScheduler[];
  private lastLr: number[];

  constructor(schedulers: readonly ChainableScheduler[]) {
    const first = schedulers[0];
    if (first === undefined) throw new ArgumentError('schedulers must hold at least one scheduler for ChainedScheduler', 'schedulers', schedulers);
    schedulers.forEach((scheduler, i) => {
      if (scheduler.optimizer !== first.optimizer) {
        throw new ArgumentError(`ChainedScheduler expects all schedulers to belong to the same optimizer, but schedulers[0] and schedulers[${i}] differ`, 'schedulers', i);
      }
      if (scheduler.target !== first.target) {
        throw new ArgumentError(`ChainedScheduler expects all schedulers to drive the same target, but schedulers[${i}] drives ${scheduler.target}, not ${first.target}`, 'schedulers', i);
      }
    });
    this.schedulers = [...schedulers];
    this.optimizer = first.optimizer;
    this.target = first.target;
    this.lastLr = this.currentValues();
  }

  private currentValues(): number[] {
    return this.optimizer.paramGroups.map((group) => group[this.target]);
  }

  /** Steps every scheduler once, in order. */
  step(): void {
    for (const scheduler of this.schedulers) scheduler.step();
    this.lastLr = this.currentValues();
  }

  /** The groups' values after the last step. */
  getLastLr(): number[] {
    return [...this.lastLr];
  }

  /** Own last values plus every child's state dict under `schedulers`. */
  stateDict(): SchedulerStateDict {
    return { lastLr: [...this.lastLr], schedulers: this.schedulers.map((s) => s.stateDict()) };
  }

  /** Restores a `stateDict()`, children included. */
  loadStateDict(state: SchedulerStateDict): void {
    const lastLr = readNumbers(state, 'lastLr', this.optimizer.paramGroups.length);
    const children = readStateDicts(state, 'schedulers', this.schedulers.length);
    this.schedulers.forEach((s, i) => s.loadStateDict(children[i]!));
    this.lastLr = lastLr;
  }
}
