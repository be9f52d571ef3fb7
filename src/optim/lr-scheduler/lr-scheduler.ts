/**
 * The base of the epoch-driven schedulers, PyTorch 1.13's `_LRScheduler`:
 *
 * - construction with `lastEpoch = -1` stores each group's current value as its base (`initialLr`, PyTorch's
 *   `initial_lr`, set only if absent); resuming with `lastEpoch ≥ 0` requires that base to be there;
 * - every concrete scheduler ends its constructor with the initial step (`lastEpoch` −1 → 0), which writes
 *   the schedule's first value;
 * - `step()` advances `lastEpoch` and applies the chainable (recursive) `getLr()`, which computes each new
 *   value from the group's current one, so schedules compose with other changes to the lr;
 *   `step(epoch)` jumps to `epoch` and applies the closed form where PyTorch has one (`getLr()` otherwise);
 * - `getLastLr()` returns the values the last step wrote; `stateDict()`/`loadStateDict()` save and restore
 *   everything but the optimizer.
 *
 * With `target: 'weightDecay'` the same schedule drives each group's weight decay λ instead of its lr
 * (base value in `initialWeightDecay`); everything named "lr" then reads as "λ".
 */
import { SchedulerStateError } from './errors.js';
import { readNumber, readNumbers, type SchedulerStateDict } from './state.js';
import { initialKeyOf, type SchedulableOptimizer, type SchedulableParamGroup, type ScheduleTarget } from './types.js';
import { requireFinite, requireInteger, requireOneOf } from './validate.js';

/** Options every epoch-driven scheduler accepts. */
export interface LRSchedulerOptions {
  /** PyTorch's `last_epoch`: the index of the last epoch; −1 (the default) starts the schedule. */
  lastEpoch?: number;
  /** The group value to schedule: `'lr'` (default, as PyTorch) or `'weightDecay'`. */
  target?: ScheduleTarget;
}

/** The epoch-driven scheduler base class (PyTorch's `_LRScheduler`); see the file comment. */
export abstract class LRScheduler {
  /** The optimizer whose parameter groups this scheduler writes. */
  readonly optimizer: SchedulableOptimizer;
  /** The group value this scheduler drives. */
  readonly target: ScheduleTarget;
  /** Each group's base value (`initialLr` or `initialWeightDecay`), PyTorch's `base_lrs`. */
  baseLrs: number[];
  /** The index of the last epoch, PyTorch's `last_epoch`. */
  lastEpoch: number;
  /** Calls of `step()` since the initial step began, PyTorch's `_step_count` (CosineAnnealingLR reads it). */
  protected stepCount = 0;
  /** The values the last step wrote, PyTorch's `_last_lr`. */
  protected lastLr: number[] = [];

  protected constructor(optimizer: SchedulableOptimizer, options: LRSchedulerOptions = {}) {
    this.optimizer = optimizer;
    this.target = requireOneOf('target', options.target ?? 'lr', ['lr', 'weightDecay']);
    const lastEpoch = requireInteger('lastEpoch', options.lastEpoch ?? -1);
    const key = initialKeyOf(this.target);
    const baseLrs: number[] = [];
    optimizer.paramGroups.forEach((group, i) => {
      let base = group[key];
      if (base === undefined) {
        if (lastEpoch !== -1) {
          throw new SchedulerStateError(
            `param '${key}' is not specified in paramGroups[${i}] when resuming (lastEpoch ${lastEpoch})`,
            key,
            i,
          );
        }
        base = group[this.target];
        group[key] = base;
      }
      baseLrs.push(base);
    });
    this.baseLrs = baseLrs;
    this.lastEpoch = lastEpoch;
  }

  /** The parameter groups this scheduler writes. */
  protected get groups(): SchedulableParamGroup[] {
    return this.optimizer.paramGroups;
  }

  /** Each group's current value of the target (`group['lr']` for group in param_groups). */
  protected currentValues(): number[] {
    return this.groups.map((group) => group[this.target]);
  }

  /** The chainable form: the values for `lastEpoch`, computed from the current ones (PyTorch's `get_lr`). */
  protected abstract getLr(): number[];

  /** The closed form for `lastEpoch` (PyTorch's `_get_closed_form_lr`), or null where PyTorch has none. */
  protected closedFormLr(): number[] | null {
    return null;
  }

  /** PyTorch's `_initial_step`: resets the step count and steps once. SequentialLR calls it on its first child. */
  initialStep(): void {
    this.stepCount = 0;
    this.step();
  }

  /**
   * Advances the schedule one epoch (chainable form), or, given `epoch`, jumps to it and applies the closed
   * form (PyTorch's deprecated `step(epoch)`). Call after `optimizer.step()`.
   */
  step(epoch?: number): void {
    this.stepCount += 1;
    let values: number[];
    if (epoch === undefined) {
      this.lastEpoch += 1;
      values = this.getLr();
    } else {
      this.lastEpoch = requireFinite('epoch', epoch);
      values = this.closedFormLr() ?? this.getLr();
    }
    this.apply(values);
  }

  /** Writes one value per group into the target and records them as the last values. */
  protected apply(values: readonly number[]): void {
    this.groups.forEach((group, i) => {
      const value = values[i];
      if (value !== undefined) group[this.target] = value;
    });
    this.lastLr = this.currentValues();
  }

  /** The values the last step wrote, one per group (PyTorch's `get_last_lr()`). */
  getLastLr(): number[] {
    return [...this.lastLr];
  }

  /** The scheduler's state: its options and counters, everything but the optimizer. */
  stateDict(): SchedulerStateDict {
    return {
      ...this.optionState(),
      baseLrs: [...this.baseLrs],
      lastEpoch: this.lastEpoch,
      stepCount: this.stepCount,
      lastLr: [...this.lastLr],
    };
  }

  /**
   * Restores a state from `stateDict()` (PyTorch's `load_state_dict`: options and counters; the optimizer's
   * groups are restored by the optimizer's own state dict). Checks every entry before assigning any.
   */
  loadStateDict(state: SchedulerStateDict): void {
    const groupCount = this.groups.length;
    const baseLrs = readNumbers(state, 'baseLrs', groupCount);
    const lastEpoch = readNumber(state, 'lastEpoch');
    const stepCount = readNumber(state, 'stepCount');
    const lastLr = readNumbers(state, 'lastLr');
    if (lastLr.length !== 0 && lastLr.length !== groupCount) {
      throw new SchedulerStateError(`state 'lastLr' must have ${groupCount} entries, got ${lastLr.length}`, 'lastLr');
    }
    this.loadOptionState(state);
    this.baseLrs = baseLrs;
    this.lastEpoch = lastEpoch;
    this.stepCount = stepCount;
    this.lastLr = lastLr;
  }

  /** The subclass's options and extra counters for `stateDict()`. */
  protected optionState(): SchedulerStateDict {
    return {};
  }

  /** Restores what `optionState()` saved; must check every entry before assigning any. */
  protected loadOptionState(state: SchedulerStateDict): void {
    void state;
  }
}
