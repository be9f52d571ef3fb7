/**
 * Option checks shared by the schedulers. Each throws `ArgumentError` whose `argument` is the option's
 * camelCase name and whose `value` is what was passed.
 */
import { ArgumentError } from '../../tensor/errors.js';

/** A finite number. */
export function requireFinite(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ArgumentError(`${name} must be a finite number, got ${String(value)}`, name, value);
  }
  return value;
}

/** An integer (any sign). */
export function requireInteger(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ArgumentError(`${name} must be an integer, got ${String(value)}`, name, value);
  }
  return value;
}

/** An integer ≥ 1. */
export function requirePositiveInteger(name: string, value: number): number {
  requireInteger(name, value);
  if (value < 1) throw new ArgumentError(`${name} must be a positive integer, got ${value}`, name, value);
  return value;
}

/** An integer ≥ 0. */
export function requireNonNegativeInteger(name: string, value: number): number {
  requireInteger(name, value);
  if (value < 0) throw new ArgumentError(`${name} must be a non-negative integer, got ${value}`, name, value);
  return value;
}

/** A finite number > 0. */
export function requirePositive(name: string, value: number): number {
  requireFinite(name, value);
  if (!(value > 0)) throw new ArgumentError(`${name} must be > 0, got ${value}`, name, value);
  return value;
}

/** A finite number ≥ 0. */
export function requireNonNegative(name: string, value: number): number {
  requireFinite(name, value);
  if (!(value >= 0)) throw new ArgumentError(`${name} must be >= 0, got ${value}`, name, value);
  return value;
}

/**
 * A finite number in an interval; `low`/`high` are included unless `openLow`/`openHigh`.
 * The message states the interval in the usual bracket notation.
 */
export function requireInInterval(
  name: string,
  value: number,
  low: number,
  high: number,
  bounds: { openLow?: boolean; openHigh?: boolean } = {},
): number {
  requireFinite(name, value);
  const aboveLow = bounds.openLow === true ? value > low : value >= low;
  const belowHigh = bounds.openHigh === true ? value < high : value <= high;
  if (!aboveLow || !belowHigh) {
    const interval = `${bounds.openLow === true ? '(' : '['}${low}, ${high}${bounds.openHigh === true ? ')' : ']'}`;
    throw new ArgumentError(`${name} must be in ${interval}, got ${value}`, name, value);
  }
  return value;
}

/** One of a fixed set of strings. */
export function requireOneOf<T extends string>(name: string, value: T, choices: readonly T[]): T {
  if (!choices.includes(value)) {
    throw new ArgumentError(`${name} must be one of ${choices.map((c) => `'${c}'`).join(', ')}, got '${String(value)}'`, name, value);
  }
  return value;
}

/**
 * PyTorch's `_format_param`: a single value is repeated for every parameter group; a list must have one
 * entry per group.
 */
export function perGroup<T>(name: string, value: T | readonly T[], groupCount: number): T[] {
  if (!isList(value)) return Array.from({ length: groupCount }, () => value);
  if (value.length !== groupCount) {
    throw new ArgumentError(
      `${name} must have one value per parameter group: expected ${groupCount}, got ${value.length}`,
      name,
      value,
    );
  }
  return [...value];
}

function isList<T>(value: T | readonly T[]): value is readonly T[] {
  return Array.isArray(value);
}
