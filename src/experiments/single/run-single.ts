/**
 * `decaylab run` without the terminal: one experiment from a config, in a new folder
 * `<logdir>/<name>-<date>-<time>` holding experiment.json and the run's folder `seed=<seed>` (with
 * its hyperparameters, {@link configHparams}, in run.json and an hparams sub-run), then its report
 * (final parameters, curves, ridgelines).
 */
import { verdict } from '../analysis/verdict.js';
import { comparisonOf } from '../batch/compare.js';
import { runFreshBatch } from '../batch/fresh-batch.js';
import type { PlannedRun } from '../batch/plan.js';
import { passedToBatch, type RunnerOptions } from '../batch/run-batch.js';
import type { ExperimentConfig } from '../config/experiment-schema.js';
import { configHparams } from '../run/config-hparams.js';
import type { RunRecord } from '../run/run-record.js';
import type { Trace } from '../run/trace.js';
import { colorOf } from '../report/svg.js';
import { writeReport } from '../report/write-report.js';

/** Options of {@link runSingle}. */
export interface RunSingleOptions extends RunnerOptions {
  readonly logdir: string;
  /** Folder name prefix (default: the config's name, else `run`). */
  readonly name?: string | undefined;
  readonly dataDir?: string | undefined;
}

/** What `run` produced. */
export interface SingleOutcome {
  readonly dir: string;
  readonly record: RunRecord;
  readonly reportPath: string | null;
}

/** Writes `<dir>/report.html` for one finished run (with its trace, null: tables only) and returns its path. */
export function writeSingleReport(dir: string, record: RunRecord, trace: Trace | null, ridgelineParams?: readonly string[]): string {
  const table = comparisonOf([{ label: record.name, record }]);
  return writeReport(dir, {
    title: `Run ${record.config.name ?? record.name}`,
    subtitle: `${record.dataset?.description ?? record.config.dataset.name}; ${record.config.optimizer.name} lr ${record.config.optimizer.lr}, weight decay ${record.config.optimizer.weightDecay}`,
    runs: [{ name: record.name, label: record.name, color: colorOf(0), record, trace }],
    comparison: table,
    verdict: verdict(table),
    ridgelineParams,
  });
}

/** Runs one config (see the module comment); a failed run is thrown as a RunFailedError. */
export async function runSingle(config: ExperimentConfig, o: RunSingleOptions): Promise<SingleOutcome> {
  const name = o.name ?? config.name ?? 'run';
  const plan: PlannedRun[] = [{ name: `seed=${config.seed}`, config, hparams: configHparams(config), group: `seed=${config.seed}` }];
  const { dir, records, traces } = await runFreshBatch(plan, o.logdir, { kind: 'run', name, jobs: 1, dataDir: o.dataDir, ...passedToBatch(o) });
  const record = records[0]!;
  return { dir, record, reportPath: o.report === false ? null : writeSingleReport(dir, record, traces[0] ?? null) };
}
