/**
 * Reading a study's loaded runs: grid values from the manifest's hparams, the result of finished
 * runs, and grouping in first-seen order. A value missing from a run's hparams is a
 * {@link RunFolderError} naming the run and the key (the folder was not made by this study).
 */
import type { LoadedRun } from '../../batch/load.js';
import { RunFolderError } from '../../errors.js';
import type { RunResult } from '../../run/run-record.js';

/** The result of a run that finished (`done` or `diverged`), else null. */
export function resultOf(run: LoadedRun): RunResult | null {
  return run.record?.result ?? null;
}

/** Whether the run stopped at a non-finite loss. */
export function isDiverged(run: LoadedRun): boolean {
  return run.record?.status === 'diverged';
}

/** A numeric grid value of the run (its manifest hparams). */
export function numberParam(run: LoadedRun, key: string): number {
  const v = run.hparams[key];
  if (typeof v !== 'number') throw new RunFolderError(`run "${run.name}" has no numeric hparam "${key}" (got ${JSON.stringify(v)}): not made by this study`, run.dir);
  return v;
}

/** A text grid value of the run (its manifest hparams). */
export function stringParam(run: LoadedRun, key: string): string {
  const v = run.hparams[key];
  if (typeof v !== 'string') throw new RunFolderError(`run "${run.name}" has no text hparam "${key}" (got ${JSON.stringify(v)}): not made by this study`, run.dir);
  return v;
}

/** A text grid value of the run that must be one of `allowed` (e.g. an optimizer of the study). */
export function choiceParam<T extends string>(run: LoadedRun, key: string, allowed: readonly T[]): T {
  const v = stringParam(run, key);
  const found = allowed.find((a) => a === v);
  if (found === undefined) throw new RunFolderError(`run "${run.name}" has ${key} "${v}", not one of ${allowed.join(', ')}: not made by this study`, run.dir);
  return found;
}

/** Items grouped by `key`, groups in the order they first appear. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list === undefined) out.set(k, [item]);
    else list.push(item);
  }
  return out;
}

/** The distinct values in ascending order. */
export function sortedUnique(values: Iterable<number>): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/** The mean of the finite values, NaN when there are none. */
export function finiteMean(values: readonly number[]): number {
  const f = values.filter((v) => Number.isFinite(v));
  return f.length === 0 ? Number.NaN : f.reduce((a, b) => a + b, 0) / f.length;
}
