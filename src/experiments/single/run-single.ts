/**
 * `decaylab run` without the terminal: one experiment from a config, in a new folder
 * `<logdir>/<name>-<date>-<time>` holding experiment.json and the run's folder `seed=<seed>`, then
 * its report (final parameters, curves, ridgelines).
 */
import { join } from 'node:path';
import { compareRuns } from '../analysis/comparison.js';
import { verdict } from '../analysis/verdict.js';
import { forComparison } from '../batch/compare.js';
import { newBatchDir } from '../batch/new-dir.js';
import type { PlannedRun } from '../batch/plan.js';
import { type BatchOptions, runBatch } from '../batch/run-batch.js';
import type { ExperimentConfig } from '../config/experiment-schema.js';
import { writeFileAtomic } from '../run/atomic.js';
import type { RunRecord } from '../run/run-record.js';
import type { Trace } from '../run/trace.js';
import { buildReport } from '../report/build-report.js';
import { colorOf } from '../report/svg.js';

/** Options of {@link runSingle}. */
export interface RunSingleOptions {
  readonly logdir: string;
  /** Folder name prefix (default: the config's name, else `run`). */
  readonly name?: string | undefined;
  readonly dataDir?: string | undefined;
  readonly report?: boolean | undefined;
  readonly inProcess?: boolean | undefined;
  readonly onStart?: BatchOptions['onStart'];
  readonly onProgress?: BatchOptions['onProgress'];
  readonly onDone?: BatchOptions['onDone'];
}

/** What `run` produced. */
export interface SingleOutcome {
  readonly dir: string;
  readonly record: RunRecord;
  readonly reportPath: string | null;
}

/** Writes `<dir>/report.html` for one finished run (with its trace, null: tables only) and returns its path. */
export function writeSingleReport(dir: string, record: RunRecord, trace: Trace | null, ridgelineParams?: readonly string[]): string {
  const table = compareRuns([forComparison(record.name, record)]);
  const html = buildReport({
    title: `Run ${record.config.name ?? record.name}`,
    subtitle: `${record.dataset?.description ?? record.config.dataset.name}; ${record.config.optimizer.name} lr ${record.config.optimizer.lr}, weight decay ${record.config.optimizer.weightDecay}`,
    runs: [{ name: record.name, label: record.name, color: colorOf(0), record, trace }],
    comparison: table,
    verdict: verdict(table),
    ridgelineParams,
  });
  const path = join(dir, 'report.html');
  writeFileAtomic(path, html);
  return path;
}

/** Runs one config (see the module comment); a failed run is thrown as a RunFailedError. */
export async function runSingle(config: ExperimentConfig, o: RunSingleOptions): Promise<SingleOutcome> {
  const name = o.name ?? config.name ?? 'run';
  const dir = newBatchDir(o.logdir, name);
  const plan: PlannedRun[] = [{ name: `seed=${config.seed}`, config, hparams: { seed: config.seed }, group: `seed=${config.seed}` }];
  const batch = await runBatch(plan, {
    dir,
    kind: 'run',
    name,
    jobs: 1,
    resume: false,
    dataDir: o.dataDir,
    inProcess: o.inProcess,
    onStart: o.onStart,
    onProgress: o.onProgress,
    onDone: o.onDone,
  });
  const failure = batch.failures[0];
  if (failure !== undefined) throw failure;
  const record = batch.records[0]!;
  return { dir, record, reportPath: o.report === false ? null : writeSingleReport(dir, record, batch.traces[0] ?? null) };
}
