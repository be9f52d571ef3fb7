/** The demo's report.html: the verdict and comparison, then the standard curves and ridgelines. */
import type { ComparisonTable } from '../analysis/comparison.js';
import type { Verdict } from '../analysis/verdict.js';
import type { RunRecord } from '../run/run-record.js';
import type { Trace } from '../run/trace.js';
import { colorOf } from '../report/svg.js';
import { writeReport } from '../report/write-report.js';
import { demoLabel } from './demo-plan.js';

/**
 * Writes `<dir>/report.html` for the demo's runs (`description`: the settings, for the subtitle) and
 * returns its path. `traces[i]` is run i's trace (null: the run appears in tables only).
 */
export function writeDemoReport(
  dir: string,
  description: string,
  records: readonly RunRecord[],
  table: ComparisonTable,
  v: Verdict,
  traces: readonly (Trace | null)[],
  ridgelineParams?: readonly string[],
): string {
  const runs = records.map((record, i) => ({
    name: record.name,
    label: demoLabel(record.config.optimizer.weightDecay),
    color: colorOf(i),
    record,
    trace: traces[i] ?? null,
  }));
  return writeReport(dir, { title: 'What weight decay does to the weights', subtitle: `decaylab demo — ${description}`, runs, comparison: table, verdict: v, ridgelineParams });
}
