/** SequentialLR: hands the schedule from one scheduler to the next at milestones (PyTorch 1.13 `SequentialLR`). */
import { ArgumentError } from '../../tensor/errors.js';
import { bisectRight } from './bisect.js';
import { SchedulerStateError } from './errors.js';
import type { LRScheduler } from './lr-scheduler.js';
import { readNumber, readNumbers, readStateDicts, type SchedulerStateDict } from './state.js';
import { initialKeyOf, type SchedulableOptimizer, type ScheduleTarget } from './types.js';
import { requireInteger } from './validate.js';

/** Options of {@link SequentialLR}. */
export interface SequentialLROptions {
  /** The schedulers, in order, all built on the same optimizer and target. */
  schedulers: readonly LRScheduler[];
  /** Epochs at which the next scheduler takes over (one fewer than schedulers, non-decreasing integers). */
  milestones: readonly number[];
  /** The index of the last epoch; default −1. */
  lastEpoch?: number;
}

/**
 * Runs `schedulers[i]` for epochs in [milestones[i−1], milestones[i]). Construction resets every group's lr
 * to its `initialLr`, undoes the initial step each child made (`lastEpoch −= 1`) and redoes the initial step
 * of the first child only. `step()` steps the scheduler owning the epoch; at a milestone the new scheduler
 * is stepped with `step(0)` (its closed form at epoch 0, where it has one), exactly as PyTorch 1.13 does,
 * so each later scheduler starts from its own base lr.
 */
export class SequentialLR {
  readonly optimizer: SchedulableOptimizer;
  readonly target: ScheduleTarget;
  lastEpoch: number;
  private readonly schedulers: readonly LRScheduler[];
  private readonly milestones: readonly number[];
  private lastLr: number[];

  constructor(optimizer: SchedulableOptimizer, options: SequentialLROptions) {
    const { schedulers, milestones } = options;
    const first = schedulers[0];
    if (first === undefined) throw new ArgumentError('schedulers must hold at least one scheduler for SequentialLR', 'schedulers', schedulers);
    schedulers.forEach((scheduler, i) => {
      if (scheduler.optimizer !== optimizer) {
        throw new ArgumentError(`SequentialLR expects all schedulers to belong to the same optimizer, but schedulers[${i}] belongs to another`, 'schedulers', i);
      }
      if (scheduler.target !== first.target) {
        throw new ArgumentError(`SequentialLR expects all schedulers to drive the same target, but schedulers[${i}] drives ${scheduler.target}, not ${first.target}`, 'schedulers', i);
      }
    });
    if (milestones.length !== schedulers.length - 1) {
      throw new ArgumentError(
        `SequentialLR expects one milestone fewer than schedulers, got ${schedulers.length} schedulers and ${milestones.length} milestones`,
        'milestones',
        milestones,
      );
    }
    milestones.forEach((m, i) => {
      requireInteger(`milestones[${i}]`, m);
      if (i > 0 && m < milestones[i - 1]!) throw new ArgumentError(`milestones must be non-decreasing, got ${milestones.join(', ')}`, 'milestones', milestones);
    });
    const lastEpoch = requireInteger('lastEpoch', options.lastEpoch ?? -1);
    const key = initialKeyOf(first.target);
    optimizer.paramGroups.forEach((group, i) => {
      if (group[key] === undefined) throw new SchedulerStateError(`paramGroups[${i}] has no ${key}`, key, i);
    });

    this.optimizer = optimizer;
    this.target = first.target;
    this.schedulers = [...schedulers];
    this.milestones = [...milestones];
    this.lastEpoch = lastEpoch + 1;
    for (const group of optimizer.paramGroups) group[this.target] = group[key] ?? group[this.target];
    for (const scheduler of this.schedulers) scheduler.lastEpoch -= 1;
    first.initialStep();
    this.lastLr = first.getLastLr();
  }

  /** Advances one epoch through the scheduler that owns it. */
  step(): void {
    this.lastEpoch += 1;
    const idx = bisectRight(this.milestones, this.lastEpoch);
    const scheduler = this.schedulers[idx]!;
    if (idx > 0 && this.milestones[idx - 1] === this.lastEpoch) scheduler.step(0);
    else scheduler.step();
    this.lastLr = scheduler.getLastLr();
  }

  /** The values the last step wrote, as reported by the scheduler that wrote them. */
  getLastLr(): number[] {
    return [...this.lastLr];
  }

  /** Own counters plus every child's state dict under `schedulers`. */
  stateDict(): SchedulerStateDict {
    return {
      lastEpoch: this.lastEpoch,
      milestones: [...this.milestones],
      lastLr: [...this.lastLr],
      schedulers: this.schedulers.map((s) => s.stateDict()),
    };
  }

  /** Restores a `stateDict()`, children included; checks the shape before assigning anything. */
  loadStateDict(state: SchedulerStateDict): void {
    const lastEpoch = readNumber(state, 'lastEpoch');
    const milestones = readNumbers(state, 'milestones', this.milestones.length);
    if (milestones.some((m, i) => m !== this.milestones[i])) {
      throw new SchedulerStateError(`state 'milestones' (${milestones.join(', ')}) differ from this SequentialLR's (${this.milestones.join(', ')})`, 'milestones');
    }
    const lastLr = readNumbers(state, 'lastLr');
    const children = readStateDicts(state, 'schedulers', this.schedulers.length);
    this.schedulers.forEach((s, i) => s.loadStateDict(children[i]!));
    this.lastEpoch = lastEpoch;
    this.lastLr = lastLr;
  }
}
