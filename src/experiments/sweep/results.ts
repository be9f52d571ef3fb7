/**
 * A sweep's results: one row per grid point with each metric's mean ± sample standard deviation over
 * the seeds that finished, as a table, CSV and JSON.
 */
import { type MeanSd, meanSd } from '../analysis/aggregate.js';
import type { RunRecord, RunResult } from '../run/run-record.js';
import type { HParamValue } from '../run/run-record.js';

/** The part of a run's result a sweep aggregates. */
export type SweepResultInput = Pick<RunResult, 'final' | 'totalNorm' | 'nearZeroShare' | 'exactZeros'>;
/** The part of a run record a sweep reads. */
export interface SweepRecordInput {
  readonly status: RunRecord['status'];
  readonly result: SweepResultInput | null;
}

/** The metrics a sweep aggregates, in column order. */
export const SWEEP_METRICS = [
  { key: 'trainLoss', title: 'train loss', get: (r: SweepResultInput) => r.final.trainLoss, percent: false },
  { key: 'testLoss', title: 'test loss', get: (r: SweepResultInput) => r.final.testLoss, percent: false },
  { key: 'trainAccuracy', title: 'train acc', get: (r: SweepResultInput) => r.final.trainAccuracy, percent: true },
  { key: 'testAccuracy', title: 'test acc', get: (r: SweepResultInput) => r.final.testAccuracy, percent: true },
  { key: 'totalNorm', title: 'weight norm', get: (r: SweepResultInput) => r.totalNorm, percent: false },
  { key: 'nearZeroShare', title: '|w|<1e-3', get: (r: SweepResultInput) => r.nearZeroShare, percent: true },
  { key: 'exactZeros', title: 'zeros', get: (r: SweepResultInput) => r.exactZeros, percent: false },
] as const;

/** A metric key. */
export type SweepMetric = (typeof SWEEP_METRICS)[number]['key'];

/** One grid point. */
export interface SweepRow {
  readonly group: string;
  /** The grid values of this point (seed excluded). */
  readonly hparams: Readonly<Record<string, HParamValue>>;
  /** Planned runs (seeds). */
  readonly runs: number;
  /** Runs with a result (done or diverged). */
  readonly finished: number;
  readonly diverged: number;
  /** Mean ± sd of each metric over the finished runs (n = 0 when the metric does not apply). */
  readonly metrics: Readonly<Record<SweepMetric, MeanSd>>;
}

/** Planned-run facts the aggregation needs. */
export interface SweepRunInfo {
  readonly group: string;
  readonly hparams: Readonly<Record<string, HParamValue>>;
}

/** Aggregates runs by group, in the order groups first appear. `records[i]` belongs to `runs[i]` (null: not finished). */
export function sweepResults(runs: readonly SweepRunInfo[], records: readonly (SweepRecordInput | null)[]): SweepRow[] {
  const groups = new Map<string, { hparams: Record<string, HParamValue>; results: SweepResultInput[]; runs: number; diverged: number }>();
  runs.forEach((run, i) => {
    let g = groups.get(run.group);
    if (g === undefined) {
      const { seed: _seed, ...grid } = run.hparams;
      g = { hparams: grid, results: [], runs: 0, diverged: 0 };
      groups.set(run.group, g);
    }
    g.runs++;
    const record = records[i];
    if (record?.result != null && (record.status === 'done' || record.status === 'diverged')) {
      g.results.push(record.result);
      if (record.status === 'diverged') g.diverged++;
    }
  });
  return [...groups].map(([group, g]) => ({
    group,
    hparams: g.hparams,
    runs: g.runs,
    finished: g.results.length,
    diverged: g.diverged,
    metrics: Object.fromEntries(SWEEP_METRICS.map((m) => [m.key, meanSd(g.results.map(m.get).filter((v): v is number => v !== undefined))])) as Record<SweepMetric, MeanSd>,
  }));
}

/** The metrics that have a value in at least one row. */
export function presentMetrics(rows: readonly SweepRow[]): (typeof SWEEP_METRICS)[number][] {
  return SWEEP_METRICS.filter((m) => rows.some((r) => r.metrics[m.key].n > 0));
}

function csvCell(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** CSV: the grid keys, runs, finished, diverged, then `<metric>_mean,<metric>_sd` for each present metric. */
export function resultsCsv(rows: readonly SweepRow[], gridKeys: readonly string[]): string {
  const metrics = presentMetrics(rows);
  const header = [...gridKeys, 'runs', 'finished', 'diverged', ...metrics.flatMap((m) => [`${m.key}_mean`, `${m.key}_sd`])];
  const lines = rows.map((r) =>
    [
      ...gridKeys.map((k) => String(r.hparams[k] ?? '')),
      String(r.runs),
      String(r.finished),
      String(r.diverged),
      ...metrics.flatMap((m) => {
        const s = r.metrics[m.key];
        return s.n === 0 ? ['', ''] : [String(s.mean), String(s.sd)];
      }),
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\n')}\n`;
}
