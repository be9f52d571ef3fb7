/**
 * Report sections of `sparsity`: the verdict; bars of the exact-zero share, the near-zero share and
 * the test accuracy per λ and mode with the numbers in a table; exact zeros per parameter tensor;
 * and the per-tensor comparison of the runs at the largest λ with the run without decay.
 */
import { formatNumber, formatPercent } from '../../analysis/format.js';
import type { ReportSection } from '../../report/layout.js';
import type { ReportRun } from '../../report/sections.js';
import { colorOf } from '../../report/svg.js';
import { htmlTable } from '../../report/table.js';
import { barChart, type BarSeries } from '../shared/bar-chart.js';
import { comparisonSectionOf } from '../shared/comparison.js';
import { figure, gridValue, note, verdictHtml } from '../shared/html.js';
import { legend } from '../../report/line-chart.js';
import { cellAt, type SparsityAnalysis } from './analysis.js';
import { modeLabel, SPARSITY_MODES } from './plan.js';
import { points, type SparsityVerdict } from './verdict.js';

/** The color of a mode (the baseline is grey). */
export function modeColor(mode: string): string {
  const i = SPARSITY_MODES.findIndex((m) => m === mode);
  return i < 0 ? '#9ca3af' : colorOf(i);
}

function barsOf(a: SparsityAnalysis, value: (mode: (typeof SPARSITY_MODES)[number], wd: number) => number): BarSeries[] {
  return SPARSITY_MODES.map((m) => ({ label: modeLabel(m), color: modeColor(m), values: a.weightDecays.map((wd) => value(m, wd)) }));
}

/** Bars and the table of every (mode, λ). */
export function zerosSection(a: SparsityAnalysis): ReportSection {
  const groups = a.weightDecays.map((wd) => `λ=${gridValue(wd)}`);
  const zeros = barChart({ groups, series: barsOf(a, (m, wd) => cellAt(a, m, wd)?.zeroShare ?? Number.NaN), yLabel: 'exactly zero (w === 0)', xLabel: 'weight decay', percent: true, title: 'share of exact zeros' });
  const near = barChart({ groups, series: barsOf(a, (m, wd) => cellAt(a, m, wd)?.nearZeroShare ?? Number.NaN), yLabel: '|w| < 1e-3', xLabel: 'weight decay', percent: true, title: 'share of near zeros' });
  const accSeries: BarSeries[] = [
    { label: modeLabel('none'), color: modeColor('none'), values: [a.baseline?.testAccuracy ?? Number.NaN, ...a.weightDecays.map(() => Number.NaN)] },
    ...SPARSITY_MODES.map((m) => ({ label: modeLabel(m), color: modeColor(m), values: [Number.NaN, ...a.weightDecays.map((wd) => cellAt(a, m, wd)?.testAccuracy ?? Number.NaN)] })),
  ];
  const acc = barChart({ groups: ['λ=0', ...groups], series: accSeries, yLabel: 'test accuracy', xLabel: 'weight decay', percent: true, title: 'test accuracy' });
  const rows = [a.baseline, ...a.cells].flatMap((c) =>
    c === null
      ? []
      : [[gridValue(c.weightDecay), modeLabel(c.mode), formatPercent(c.zeroShare), String(c.exactZeros), formatPercent(c.nearZeroShare), formatNumber(c.trainLoss), formatNumber(c.testLoss), formatPercent(c.testAccuracy), c.mode === 'none' ? '' : points(c.accuracyChange), String(c.runs)]],
  );
  const table = htmlTable(['λ', 'mode', 'exact zeros', 'zeros (all seeds)', '|w| < 1e-3', 'train loss', 'test loss', 'test acc', 'vs no decay', 'seeds'], rows);
  return {
    id: 'zeros',
    title: 'Exact zeros and accuracy',
    html: `${legend(accSeries)}<div class="grid">${figure(zeros, 'share of all parameters exactly equal to 0')}${figure(near, 'share of all parameters with |w| < 1e-3')}${figure(acc, 'test accuracy (mean over seeds)')}</div><div class="scroll">${table}</div>`,
  };
}

/** Exact zeros per parameter tensor, each mode at the largest λ. */
export function perTensorSection(a: SparsityAnalysis): ReportSection {
  const top = a.weightDecays[a.weightDecays.length - 1] ?? 0;
  const cells = SPARSITY_MODES.map((m) => cellAt(a, m, top));
  const names = cells.find((c) => c !== undefined)?.perTensor.map((t) => t.name) ?? [];
  const rows = names.map((name, i) => [name, ...cells.map((c) => (c === undefined ? '–' : formatPercent(c.perTensor[i]?.zeroShare ?? Number.NaN)))]);
  return {
    id: 'per-tensor',
    title: `Exact zeros per parameter tensor (λ=${gridValue(top)})`,
    html: `<div class="scroll">${htmlTable(['tensor', ...SPARSITY_MODES.map(modeLabel)], rows)}</div>${note('Share of each tensor exactly 0, mean over seeds.')}`,
  };
}

/** All sections; `focus` are the runs compared parameter by parameter (seed 0 at the largest λ and the baseline). */
export function sparsitySections(a: SparsityAnalysis, v: SparsityVerdict, setup: string, focus: readonly ReportRun[]): ReportSection[] {
  const sections: ReportSection[] = [{ id: 'verdict', title: 'Verdict', html: `${verdictHtml(v.sentences)}${note(setup)}` }, zerosSection(a), perTensorSection(a)];
  return [...sections, ...comparisonSectionOf(focus)];
}
