/**
 * Parsers of option values. A bad value throws commander's InvalidArgumentError, which commander
 * reports as `error: option '--flag <value>' argument 'x' is invalid. <why>` — naming the flag,
 * the value and what is allowed.
 */
import { availableParallelism } from 'node:os';
import { InvalidArgumentError } from 'commander';

/** The default `--jobs` of sweeps and studies: the cores, at least 1 and at most 4. */
export function defaultJobs(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** A number ≥ 0 (`0.1`, `1e-4`). */
export function nonNegativeNumber(text: string): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || v < 0) throw new InvalidArgumentError('expected a number >= 0.');
  return v;
}

/** A number > 0. */
export function positiveNumber(text: string): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || v <= 0) throw new InvalidArgumentError('expected a number > 0.');
  return v;
}

/** An integer ≥ 1. */
export function positiveInt(text: string): number {
  const v = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(v) || v < 1) throw new InvalidArgumentError('expected an integer >= 1.');
  return v;
}

/** An integer ≥ 0. */
export function nonNegativeInt(text: string): number {
  const v = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(v)) throw new InvalidArgumentError('expected an integer >= 0.');
  return v;
}

/** A comma-separated list of numbers ≥ 0 (`0.01,0.1`). */
export function numberList(text: string): number[] {
  const parts = text.split(',');
  return parts.map((p) => {
    const v = Number(p);
    if (p.trim() === '' || !Number.isFinite(v) || v < 0) throw new InvalidArgumentError(`"${p}" is not a number >= 0; expected a comma-separated list such as 0.01,0.1.`);
    return v;
  });
}

/** Histogram bins: `compact`, `tensorflow` or a bucket count (1..10000). */
export function bins(text: string): 'compact' | 'tensorflow' | number {
  if (text === 'compact' || text === 'tensorflow') return text;
  const v = Number(text);
  if (!/^\d+$/.test(text) || v < 1 || v > 10000) throw new InvalidArgumentError('expected compact, tensorflow or a number of buckets from 1 to 10000.');
  return v;
}

/** Repeatable option: collects every occurrence in order. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
