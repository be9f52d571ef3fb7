/** Reading a batch folder back: its manifest and, for each planned run, run.json and trace.json. */
import { join } from 'node:path';
import { RunFolderError } from '../errors.js';
import type { RunRecord } from '../run/run-record.js';
import { readRunRecord } from '../run/run-record-read.js';
import type { Trace } from '../run/trace.js';
import { readTrace } from '../run/trace-read.js';
import { type Manifest, MANIFEST_FILE } from './manifest.js';
import { readManifest } from './manifest-read.js';

/** One run of a loaded batch. */
export interface LoadedRun {
  readonly name: string;
  readonly group: string;
  readonly hparams: Manifest['runs'][number]['hparams'];
  readonly dir: string;
  /** null when the run never started. */
  readonly record: RunRecord | null;
  readonly trace: Trace | null;
}

/** A loaded batch folder. */
export interface LoadedBatch {
  readonly dir: string;
  readonly manifest: Manifest;
  readonly runs: readonly LoadedRun[];
}

/** Loads `dir` (a folder with experiment.json); a {@link RunFolderError} when it is not one. */
export function loadBatch(dir: string): LoadedBatch {
  const manifest = readManifest(dir);
  if (manifest === null) throw new RunFolderError(`holds no ${MANIFEST_FILE}: not a decaylab experiment folder (demo, run, sweep or study)`, dir);
  const runs = manifest.runs.map((r) => {
    const runDir = join(dir, r.name);
    return { name: r.name, group: r.group, hparams: r.hparams, dir: runDir, record: readRunRecord(runDir), trace: readTrace(runDir) };
  });
  return { dir, manifest, runs };
}

export { forComparison, comparisonOf } from './compare.js';
