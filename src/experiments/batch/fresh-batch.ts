/**
 * A batch that is never resumed (`decaylab demo`, `decaylab run`): it runs in a new folder
 * `<logdir>/<name>-<date>-<time>` and either every run finishes or the first failure is thrown.
 */
import { RunFailedError } from '../errors.js';
import type { RunRecord } from '../run/run-record.js';
import type { Trace } from '../run/trace.js';
import { newBatchDir } from './new-dir.js';
import type { PlannedRun } from './plan.js';
import { type BatchOptions, runBatch } from './run-batch.js';

/** What a fresh batch produced: every run's final run.json and trace, in plan order. */
export interface FreshBatch {
  readonly dir: string;
  readonly records: readonly RunRecord[];
  readonly traces: readonly (Trace | null)[];
}

/**
 * Runs `plan` in a new folder under `logdir` named after `options.name` ({@link newBatchDir});
 * the first failed run is thrown as its {@link RunFailedError}.
 */
export async function runFreshBatch(plan: readonly PlannedRun[], logdir: string, options: Omit<BatchOptions, 'dir' | 'resume'>): Promise<FreshBatch> {
  const dir = newBatchDir(logdir, options.name);
  const batch = await runBatch(plan, { ...options, dir, resume: false });
  const failure = batch.failures[0];
  if (failure !== undefined) throw failure;
  const records = batch.records.map((r, i) => {
    if (r === null) throw new RunFailedError(plan[i]!.name, 'Error', 'no result');
    return r;
  });
  return { dir, records, traces: batch.traces };
}
