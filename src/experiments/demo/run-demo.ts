/**
 * `decaylab demo` without the terminal: runs the demo's runs in parallel worker threads in a new
 * folder `<logdir>/demo-<date>-<time>`, compares their final parameters, computes the verdict and
 * writes the HTML report.
 */
import type { ComparisonTable } from '../analysis/comparison.js';
import { type Verdict, verdict } from '../analysis/verdict.js';
import { comparisonOf } from '../batch/compare.js';
import { runFreshBatch } from '../batch/fresh-batch.js';
import { passedToBatch, type RunnerOptions } from '../batch/run-batch.js';
import type { RunFailedError } from '../errors.js';
import type { RunRecord } from '../run/run-record.js';
import { writeDemoReport } from './demo-report.js';
import { type DemoOptions, demoDescription, demoLabel, demoPlan } from './demo-plan.js';

/** Where and how to run the demo. */
export interface RunDemoOptions extends RunnerOptions {
  /** Parent folder of the demo folder (default `runs`). */
  readonly logdir: string;
  /** Runs at a time (default: all at once). */
  readonly jobs?: number | undefined;
  /** Write event files (default true; false is the benchmark's baseline). */
  readonly events?: boolean | undefined;
}

/** What the demo produced. */
export interface DemoResult {
  readonly dir: string;
  readonly records: readonly RunRecord[];
  readonly table: ComparisonTable;
  readonly verdict: Verdict;
  /** Path of report.html, or null with `report: false`. */
  readonly reportPath: string | null;
}

/** Runs the demo (see the module comment). A failed run is a {@link RunFailedError}. */
export async function runDemo(demo: DemoOptions, o: RunDemoOptions): Promise<DemoResult> {
  const plan = demoPlan(demo);
  const { dir, records, traces } = await runFreshBatch(plan, o.logdir, {
    kind: 'demo',
    name: 'demo',
    meta: { description: demoDescription(demo), options: { ...demo } },
    jobs: o.jobs ?? plan.length,
    events: o.events,
    ...passedToBatch(o),
  });
  const table = comparisonOf(records.map((record) => ({ label: demoLabel(record.config.optimizer.weightDecay), record })));
  const v = verdict(table);
  const reportPath = o.report === false ? null : writeDemoReport(dir, demoDescription(demo), records, table, v, traces);
  return { dir, records, table, verdict: v, reportPath };
}
