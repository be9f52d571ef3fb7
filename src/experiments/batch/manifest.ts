/**
 * `experiment.json`: what a batch folder holds — its kind (demo, run, sweep, study), name and
 * planned runs with their configs. A batch started again in the same folder must plan the same
 * runs with the same configs; anything else would mix two experiments, so it is refused.
 */
import { join } from 'node:path';
import type { ExperimentConfig } from '../config/experiment-schema.js';
import { RunFolderError } from '../errors.js';
import { writeJsonAtomic } from '../run/atomic.js';
import type { HParamValue } from '../run/run-record.js';
import type { PlannedRun } from './plan.js';

/** File name of the manifest inside a batch folder. */
export const MANIFEST_FILE = 'experiment.json';

/** The kinds of batch. */
export const BATCH_KINDS = ['demo', 'run', 'sweep', 'study'] as const;
/** One kind of batch. */
export type BatchKind = (typeof BATCH_KINDS)[number];

/** One planned run as experiment.json records it. */
export interface ManifestRun {
  name: string;
  group: string;
  hparams: Record<string, HParamValue>;
  config: ExperimentConfig;
}

/** The contents of experiment.json. Reading it back (validated) is in manifest-read.ts. */
export interface Manifest {
  format: 'decaylab.experiment/1';
  kind: BatchKind;
  name: string;
  /** ISO time stamp. */
  createdAt: string;
  /** How the batch was made (the grid, the study options, the demo's settings). */
  meta: Record<string, unknown>;
  runs: ManifestRun[];
}

/** The manifest for a plan. */
export function manifestOf(kind: Manifest['kind'], name: string, plan: readonly PlannedRun[], meta: Record<string, unknown> = {}): Manifest {
  return {
    format: 'decaylab.experiment/1',
    kind,
    name,
    createdAt: new Date().toISOString(),
    meta,
    runs: plan.map((r) => ({ name: r.name, group: r.group, hparams: { ...r.hparams }, config: r.config })),
  };
}

/** Writes `<dir>/experiment.json` atomically. */
export function writeManifest(dir: string, manifest: Manifest): void {
  writeJsonAtomic(join(dir, MANIFEST_FILE), manifest);
}

/** Canonical JSON (object keys sorted) for comparing configs. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/**
 * Checks that an existing manifest describes the same batch as `next` (kind, run names, configs);
 * a {@link RunFolderError} names the first difference.
 */
export function checkSameBatch(dir: string, existing: Manifest, next: Manifest): void {
  const path = join(dir, MANIFEST_FILE);
  if (existing.kind !== next.kind) throw new RunFolderError(`holds a ${existing.kind}, not a ${next.kind}; choose another --logdir`, path);
  const before = new Map(existing.runs.map((r) => [r.name, r]));
  const after = new Set(next.runs.map((r) => r.name));
  for (const run of next.runs) {
    const old = before.get(run.name);
    if (old === undefined) throw new RunFolderError(`holds a different ${next.kind}: run "${run.name}" is new (was the grid or the seed count changed?); choose another --logdir`, path);
    if (canonicalJson(old.config) !== canonicalJson(run.config)) throw new RunFolderError(`holds a different ${next.kind}: the config of run "${run.name}" changed; choose another --logdir`, path);
  }
  for (const name of before.keys()) {
    if (!after.has(name)) throw new RunFolderError(`holds a different ${next.kind}: run "${name}" is not in this one; choose another --logdir`, path);
  }
}
