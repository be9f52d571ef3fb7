/**
 * Scheduler state dicts: plain objects of numbers, strings, booleans, nulls and arrays, as PyTorch's
 * `state_dict()` holds a scheduler's `__dict__` without the optimizer. The readers below check each
 * entry's kind before a scheduler assigns anything, so a malformed dict never leaves a scheduler
 * half-loaded; they throw `SchedulerStateError` naming the key.
 */
import { SchedulerStateError } from './errors.js';

/** A value in a scheduler state dict. Numbers may be ±Infinity (ReduceLROnPlateau's initial `best`). */
export type StateValue = number | string | boolean | null | readonly StateValue[] | { readonly [key: string]: StateValue };

/** A scheduler's state: what `stateDict()` returns and `loadStateDict()` accepts. */
export interface SchedulerStateDict {
  readonly [key: string]: StateValue;
}

function entry(state: SchedulerStateDict, key: string): StateValue {
  const value = state[key];
  if (value === undefined) throw new SchedulerStateError(`scheduler state dict has no '${key}'`, key);
  return value;
}

function isStateArray(value: StateValue): value is readonly StateValue[] {
  return Array.isArray(value);
}

function kindOf(value: StateValue): string {
  if (value === null) return 'null';
  if (isStateArray(value)) return 'array';
  return typeof value;
}

/** A number entry (NaN and ±Infinity allowed). */
export function readNumber(state: SchedulerStateDict, key: string): number {
  const value = entry(state, key);
  if (typeof value !== 'number') throw new SchedulerStateError(`state '${key}' must be a number, got ${kindOf(value)}`, key);
  return value;
}

/** A string entry. */
export function readString(state: SchedulerStateDict, key: string): string {
  const value = entry(state, key);
  if (typeof value !== 'string') throw new SchedulerStateError(`state '${key}' must be a string, got ${kindOf(value)}`, key);
  return value;
}

/** A boolean entry. */
export function readBoolean(state: SchedulerStateDict, key: string): boolean {
  const value = entry(state, key);
  if (typeof value !== 'boolean') throw new SchedulerStateError(`state '${key}' must be a boolean, got ${kindOf(value)}`, key);
  return value;
}

/** An array of numbers, optionally of a required length (one per parameter group). */
export function readNumbers(state: SchedulerStateDict, key: string, length?: number): number[] {
  const value = entry(state, key);
  if (!isStateArray(value)) throw new SchedulerStateError(`state '${key}' must be an array of numbers, got ${kindOf(value)}`, key);
  const out: number[] = [];
  for (const item of value) {
    if (typeof item !== 'number') throw new SchedulerStateError(`state '${key}' must hold only numbers, found ${kindOf(item)}`, key);
    out.push(item);
  }
  if (length !== undefined && out.length !== length) {
    throw new SchedulerStateError(`state '${key}' must have ${length} entries (one per parameter group), got ${out.length}`, key);
  }
  return out;
}

/** An array of nested state dicts (SequentialLR's and ChainedScheduler's children), of a required length. */
export function readStateDicts(state: SchedulerStateDict, key: string, length: number): SchedulerStateDict[] {
  const value = entry(state, key);
  if (!isStateArray(value)) throw new SchedulerStateError(`state '${key}' must be an array of state dicts, got ${kindOf(value)}`, key);
  const out: SchedulerStateDict[] = [];
  for (const item of value) {
    if (item === null || typeof item !== 'object' || isStateArray(item)) {
      throw new SchedulerStateError(`state '${key}' must hold only state dicts, found ${kindOf(item)}`, key);
    }
    out.push(item);
  }
  if (out.length !== length) throw new SchedulerStateError(`state '${key}' must have ${length} entries, got ${out.length}`, key);
  return out;
}
