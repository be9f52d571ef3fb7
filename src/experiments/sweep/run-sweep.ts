/**
 * `decaylab sweep` without the terminal: expands the grid × seeds, runs (or resumes) the batch in
 * `dir`, aggregates the results and writes `results.csv`, `results.json` and `report.html`.
 * Starting the same sweep again in the same folder skips the finished runs.
 */
import { join } from 'node:path';
import { passedToBatch, runBatch, type RunnerOptions } from '../batch/run-batch.js';
import type { RunFailedError } from '../errors.js';
import { writeFileAtomic, writeJsonAtomic } from '../run/atomic.js';
import type { RunRecord } from '../run/run-record.js';
import { readTrace } from '../run/trace-read.js';
import { expandGrid, type GridAxis } from './grid.js';
import { resultsCsv, type SweepRow, sweepResults } from './results.js';
import { writeSweepReport } from './sweep-report.js';

/** Options of {@link runSweep}. */
export interface RunSweepOptions extends RunnerOptions {
  /** The base config as read from the file (not yet validated). */
  readonly base: unknown;
  readonly grid: readonly GridAxis[];
  readonly seeds: number;
  readonly dir: string;
  readonly name: string;
  readonly jobs: number;
  readonly dataDir?: string | undefined;
}

/** What a sweep produced. */
export interface SweepOutcome {
  readonly dir: string;
  readonly rows: readonly SweepRow[];
  readonly gridKeys: readonly string[];
  readonly records: readonly (RunRecord | null)[];
  readonly skipped: readonly string[];
  readonly failures: readonly RunFailedError[];
  readonly reportPath: string | null;
}

/** Runs or resumes a sweep (see the module comment). */
export async function runSweep(o: RunSweepOptions): Promise<SweepOutcome> {
  const plan = expandGrid(o.base, o.grid, o.seeds);
  const gridKeys = o.grid.map((a) => a.key);
  const batch = await runBatch(plan, {
    dir: o.dir,
    kind: 'sweep',
    name: o.name,
    meta: { grid: o.grid.map((a) => ({ key: a.key, values: a.values })), seeds: o.seeds },
    jobs: o.jobs,
    resume: true,
    dataDir: o.dataDir,
    ...passedToBatch(o),
  });
  const rows = sweepResults(plan, batch.records);
  writeFileAtomic(join(o.dir, 'results.csv'), resultsCsv(rows, gridKeys));
  writeJsonAtomic(join(o.dir, 'results.json'), { grid: gridKeys, seeds: o.seeds, rows });
  const reportPath = o.report === false ? null : writeSweepReport(o.dir, o.name, plan, batch.records, rows, gridKeys, batch.traces.map((t, i) => t ?? (batch.records[i] === null ? null : readTrace(join(o.dir, plan[i]!.name)))));
  return { dir: o.dir, rows, gridKeys, records: batch.records, skipped: batch.skipped, failures: batch.failures, reportPath };
}
