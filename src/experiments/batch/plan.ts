/**
 * A planned run of a batch (a demo, a sweep, a study): its folder name inside the batch folder, its
 * validated config, the hyperparameters that distinguish it, and the group it belongs to (runs that
 * differ only by seed share a group, which tables aggregate over).
 */
import type { ExperimentConfig } from '../config/experiment-schema.js';
import { ConfigError } from '../errors.js';
import type { HParamValue } from '../run/run-experiment.js';

/** One run of a batch. */
export interface PlannedRun {
  /** Folder name inside the batch folder; unique; letters, digits and `._=,+-`. */
  readonly name: string;
  readonly config: ExperimentConfig;
  /** What distinguishes this run (grid values, seed), logged with addHparams. */
  readonly hparams: Readonly<Record<string, HParamValue>>;
  /** Aggregation group: runs differing only in seed share it. */
  readonly group: string;
}

const SAFE = /^[A-Za-z0-9._=,+-]+$/;

/** A folder-safe form of a value: `0.1` → `0.1`, `l1-proximal` → `l1-proximal`, `[20,20]` → `20x20`. */
export function slug(value: HParamValue | readonly unknown[]): string {
  const text = Array.isArray(value) ? value.map(String).join('x') : String(value);
  return text.replace(/[^A-Za-z0-9._+-]+/g, '_');
}

/** Checks that names are folder-safe and unique; a {@link ConfigError} names the first bad one. */
export function checkPlan(plan: readonly PlannedRun[]): void {
  const seen = new Set<string>();
  for (const run of plan) {
    if (!SAFE.test(run.name) || run.name === '.' || run.name === '..') throw new ConfigError([{ path: 'runs', message: `run name ${JSON.stringify(run.name)} is not a safe folder name` }]);
    if (seen.has(run.name)) throw new ConfigError([{ path: 'runs', message: `two runs are named ${JSON.stringify(run.name)}` }]);
    seen.add(run.name);
  }
}
