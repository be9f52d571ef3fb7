/**
 * The standard sections of a report, each from loaded runs: verdict and comparison table, loss
 * curves, evaluation curves, per-parameter weight-norm curves, histogram ridgelines side by side,
 * and a list of the runs with their configs.
 */
import type { ComparisonTable } from '../analysis/comparison.js';
import { formatNumber, formatPercent } from '../analysis/format.js';
import type { Verdict } from '../analysis/verdict.js';
import type { RunRecord } from '../run/run-record.js';
import type { Trace } from '../run/trace.js';
import type { ReportSection } from './layout.js';
import { legend, lineChart, type Series } from './line-chart.js';
import { ridgeline, snapshotRange } from './ridgeline.js';
import { comparisonTableHtml, htmlTable } from './table.js';
import { esc } from './svg.js';

/** A run as a report shows it. */
export interface ReportRun {
  readonly name: string;
  /** Legend label, e.g. `λ=0.1`. */
  readonly label: string;
  readonly color: string;
  readonly record: RunRecord;
  /** The curves; null when the run has no trace.json (then it only appears in tables). */
  readonly trace: Trace | null;
}

/** The verdict sentences in the report's verdict box. */
export function verdictHtml(sentences: readonly string[]): string {
  return `<div class="verdict">${sentences.map((s) => `<p>${esc(s)}</p>`).join('')}</div>`;
}

/** The verdict sentences and the comparison table. */
export function comparisonSection(table: ComparisonTable, verdict: Verdict | null): ReportSection {
  const v = verdict === null ? '' : verdictHtml(verdict.sentences);
  return { id: 'comparison', title: 'Final parameters compared', html: `${v}<div class="scroll">${comparisonTableHtml(table)}</div>` };
}

function traced(runs: readonly ReportRun[]): (ReportRun & { trace: Trace })[] {
  return runs.filter((r): r is ReportRun & { trace: Trace } => r.trace !== null);
}

/** Training loss at the logged steps of every run (log scale when all values are positive). */
export function lossSection(runs: readonly ReportRun[]): ReportSection {
  const series: Series[] = traced(runs).map((r) => ({ label: r.label, color: r.color, x: r.trace.steps, y: r.trace.loss }));
  const logY = series.every((s) => Array.from(s.y).every((v) => !Number.isFinite(v) || v > 0));
  return { id: 'loss', title: 'Training loss', html: `${legend(series)}${lineChart({ series, xLabel: 'step', yLabel: 'loss', logY, width: 900, height: 320, title: 'training loss' })}` };
}

/** Train and test loss (and accuracy) at each evaluation; null when no run evaluated during training. */
export function evalSection(runs: readonly ReportRun[]): ReportSection | null {
  const withEvals = traced(runs).filter((r) => r.trace.evals.length > 1);
  if (withEvals.length === 0) return null;
  const lossSeries: Series[] = [];
  const accSeries: Series[] = [];
  for (const r of withEvals) {
    const steps = r.trace.evals.map((e) => e.step);
    lossSeries.push({ label: `${r.label} train`, color: r.color, x: steps, y: r.trace.evals.map((e) => e.train.loss), dashed: true });
    if (r.trace.evals.some((e) => e.test !== null)) lossSeries.push({ label: `${r.label} test`, color: r.color, x: steps, y: r.trace.evals.map((e) => e.test?.loss ?? Number.NaN) });
    if (r.trace.evals.some((e) => e.train.accuracy !== undefined)) {
      accSeries.push({ label: `${r.label} train`, color: r.color, x: steps, y: r.trace.evals.map((e) => e.train.accuracy ?? Number.NaN), dashed: true });
      accSeries.push({ label: `${r.label} test`, color: r.color, x: steps, y: r.trace.evals.map((e) => e.test?.accuracy ?? Number.NaN) });
    }
  }
  const charts = [`<figure>${lineChart({ series: lossSeries, xLabel: 'step', yLabel: 'loss', logY: true, title: 'evaluation loss' })}<figcaption>loss (dashed: train, solid: test)</figcaption></figure>`];
  if (accSeries.length > 0) charts.push(`<figure>${lineChart({ series: accSeries, xLabel: 'step', yLabel: 'accuracy', title: 'accuracy' })}<figcaption>accuracy (dashed: train, solid: test)</figcaption></figure>`);
  return { id: 'generalization', title: 'Train vs test', html: `${legend(withEvals.map((r) => ({ label: r.label, color: r.color })))}<div class="grid">${charts.join('')}</div>` };
}

/** One small chart per parameter tensor: its L2 norm over the steps, one line per run. */
export function normsSection(runs: readonly ReportRun[]): ReportSection {
  const withTrace = traced(runs);
  const names = withTrace[0] === undefined ? [] : Object.keys(withTrace[0].trace.norms);
  const figures = names.map((name) => {
    const series = withTrace.map((r) => ({ label: r.label, color: r.color, x: r.trace.steps, y: r.trace.norms[name] ?? [] }));
    return `<figure>${lineChart({ series, xLabel: 'step', yLabel: '‖w‖₂', width: 300, height: 190, title: `${name} L2 norm` })}<figcaption>${esc(name)}</figcaption></figure>`;
  });
  return { id: 'norms', title: 'Weight norm per parameter', html: `${legend(withTrace.map((r) => ({ label: r.label, color: r.color })))}<div class="grid">${figures.join('')}</div>` };
}

/** The parameters a report shows as ridgelines by default: the first, middle and last 2-D weights. */
export function defaultRidgelineParams(record: RunRecord | undefined): string[] {
  const weights = (record?.result?.params ?? []).filter((p) => p.shape.length === 2).map((p) => p.name);
  const picks = [weights[0], weights[Math.floor((weights.length - 1) / 2)], weights[weights.length - 1]];
  return [...new Set(picks.filter((p): p is string => p !== undefined))];
}

/** For each chosen parameter, a ridgeline of its value histograms per run, side by side on a shared x range. */
export function ridgelineSection(runs: readonly ReportRun[], params: readonly string[]): ReportSection {
  const withTrace = traced(runs);
  const rows = params.map((name) => {
    const [lo, hi] = snapshotRange(withTrace.flatMap((r) => r.trace.snapshots[name] ?? []));
    const cells = withTrace.map(
      (r) =>
        `<figure>${ridgeline({ snapshots: r.trace.snapshots[name] ?? [], xMin: lo, xMax: hi, color: r.color, title: `${name} · ${r.label}` })}<figcaption>${esc(r.label)}</figcaption></figure>`,
    );
    return `<h3>${esc(name)} <span class="muted">(values; steps top to bottom)</span></h3><div class="wide">${cells.join('')}</div>`;
  });
  return { id: 'histograms', title: 'Weight histograms over training', html: rows.join('') };
}

function metric(v: number | undefined, pct = false): string {
  if (v === undefined) return '';
  return pct ? formatPercent(v) : formatNumber(v);
}

/** A table of the runs (status, steps, final metrics, total norm, time) and each run's config. */
export function runsSection(runs: readonly ReportRun[]): ReportSection {
  const header = ['run', 'status', 'steps', 'train loss', 'test loss', 'test accuracy', 'total norm', 'time'];
  const rows = runs.map((r) => {
    const res = r.record.result;
    return [
      r.label,
      r.record.status,
      String(res?.steps ?? ''),
      metric(res?.final.trainLoss),
      metric(res?.final.testLoss),
      metric(res?.final.testAccuracy, true),
      metric(res?.totalNorm),
      res === null ? '' : `${(res.durationMs / 1000).toFixed(2)} s`,
    ];
  });
  const keep = header.map((_, i) => i < 3 || rows.some((row) => row[i] !== ''));
  const configs = runs
    .map((r) => `<details><summary>${esc(r.label)} — ${esc(r.name)}</summary><pre>${esc(JSON.stringify(r.record.config, null, 2))}</pre></details>`)
    .join('');
  return {
    id: 'runs',
    title: 'Runs',
    html: `<div class="scroll">${htmlTable(
      header.filter((_, i) => keep[i]),
      rows.map((row) => row.filter((_, i) => keep[i])),
    )}</div>${configs}`,
  };
}
