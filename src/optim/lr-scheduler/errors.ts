/**
 * Errors of the schedulers beyond bad options (those throw `ArgumentError` naming the option):
 * state that is missing or malformed, and steps a schedule cannot take.
 */
import { DecaylabError } from '../../tensor/errors.js';

/**
 * A parameter group or state dict lacks a value a scheduler needs, or holds one of the wrong kind
 * (PyTorch's KeyError "param 'initial_lr' is not specified in param_groups[i] when resuming").
 * `key` names the missing or malformed entry; `groupIndex` the parameter group when there is one.
 */
export class SchedulerStateError extends DecaylabError {
  constructor(
    message: string,
    readonly key: string,
    readonly groupIndex: number | null = null,
  ) {
    super(message);
  }
}

/**
 * A step the schedule cannot take: OneCycleLR stepped past `totalSteps`, or a OneCycleLR phase of zero
 * length reached (where PyTorch raises ValueError and ZeroDivisionError). `step` is the step number.
 */
export class SchedulerStepError extends DecaylabError {
  constructor(
    message: string,
    readonly step: number,
  ) {
    super(message);
  }
}
