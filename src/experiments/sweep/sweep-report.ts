/**
 * A sweep's report.html: the results table (mean ± sd over seeds) first; then, on the first seed of
 * each grid point, the comparison of final parameters with its verdict (up to
 * {@link MAX_COMPARED} points), the curves of every run (seeds of one point share a color) and the
 * ridgelines. `traces[i]` is run i's trace (null: the run appears in tables only).
 */
import { formatMeanSd, formatPercent } from '../analysis/format.js';
import { verdict } from '../analysis/verdict.js';
import type { PlannedRun } from '../batch/plan.js';
import { comparisonOf } from '../batch/compare.js';
import type { RunRecord } from '../run/run-record.js';
import type { Trace } from '../run/trace.js';
import type { ReportRun } from '../report/sections.js';
import { colorOf } from '../report/svg.js';
import { htmlTable } from '../report/table.js';
import { writeReport } from '../report/write-report.js';
import { presentMetrics, type SweepRow } from './results.js';

/** Most grid points compared parameter by parameter and drawn as ridgelines. */
export const MAX_COMPARED = 6;

/** The results table as header and rows of text (shared with the terminal output). */
export function resultsTableCells(rows: readonly SweepRow[], gridKeys: readonly string[]): { header: string[]; body: string[][] } {
  const metrics = presentMetrics(rows);
  const header = [...gridKeys.map((k) => k.split('.').pop()!), 'runs', ...metrics.map((m) => m.title)];
  const body = rows.map((r) => [
    ...gridKeys.map((k) => String(r.hparams[k] ?? '')),
    r.diverged > 0 ? `${r.finished}/${r.runs} (${r.diverged} diverged)` : `${r.finished}/${r.runs}`,
    ...metrics.map((m) => {
      const s = r.metrics[m.key];
      if (s.n === 0) return '';
      return m.percent ? (s.n > 1 ? `${formatPercent(s.mean)} ± ${formatPercent(s.sd)}` : formatPercent(s.mean)) : formatMeanSd(s);
    }),
  ]);
  return { header, body };
}

/** Writes `<dir>/report.html` for a sweep and returns its path. */
export function writeSweepReport(
  dir: string,
  name: string,
  plan: readonly PlannedRun[],
  records: readonly (RunRecord | null)[],
  rows: readonly SweepRow[],
  gridKeys: readonly string[],
  traces: readonly (Trace | null)[],
  ridgelineParams?: readonly string[],
): string {
  const groupIndex = new Map(rows.map((r, i) => [r.group, i]));
  const runs: ReportRun[] = [];
  const firstOfGroup: ReportRun[] = [];
  const seen = new Set<string>();
  plan.forEach((p, i) => {
    const record = records[i];
    if (record === null || record === undefined) return;
    const run: ReportRun = { name: p.name, label: p.name, color: colorOf(groupIndex.get(p.group) ?? 0), record, trace: traces[i] ?? null };
    runs.push(run);
    if (!seen.has(p.group)) {
      seen.add(p.group);
      firstOfGroup.push({ ...run, label: p.group });
    }
  });
  const compared = firstOfGroup.slice(0, MAX_COMPARED).filter((r) => r.record.result !== null);
  const table = compared.length >= 1 ? comparisonOf(compared.map((r) => ({ label: r.label, record: r.record }))) : undefined;
  const { header, body } = resultsTableCells(rows, gridKeys);
  const seeds = rows[0]?.runs ?? 0;
  return writeReport(dir, {
    title: `Sweep ${name}`,
    subtitle: `${rows.length} grid point(s) × ${seeds} seed(s) over ${gridKeys.join(', ') || 'the base config'}; mean ± sample standard deviation over seeds`,
    runs,
    comparison: table,
    verdict: table === undefined ? undefined : verdict(table),
    ridgelineRuns: compared,
    ridgelineParams,
    before: [{ id: 'results', title: 'Results', html: `<div class="scroll">${htmlTable(header, body)}</div><p class="muted">Also in results.csv and results.json beside this report.</p>` }],
  });
}
