/**
 * Report sections of `generalization`: the verdict; the final train and test loss and accuracy
 * against λ (log axis, λ = 0 one grid step left of the smallest λ) with the numbers in a table;
 * and the mean train (dashed) and test (solid) curves over training, one small chart per λ.
 */
import { formatNumber, formatPercent } from '../../analysis/format.js';
import type { ReportSection } from '../../report/layout.js';
import { legend, lineChart, type Series } from '../../report/line-chart.js';
import { colorOf } from '../../report/svg.js';
import { htmlTable } from '../../report/table.js';
import { decadeOf, gridStepOf } from '../shared/decades.js';
import { figure, gridValue, note, verdictHtml } from '../shared/html.js';
import type { GeneralizationAnalysis } from './analysis.js';
import type { GeneralizationVerdict } from './verdict.js';

const TRAIN = colorOf(0);
const TEST = colorOf(1);

/** Final metrics against λ: two charts and a table. */
export function againstLambdaSection(a: GeneralizationAnalysis): ReportSection {
  const grid = a.rows.map((r) => r.weightDecay);
  const step = gridStepOf(grid);
  const x = grid.map((wd) => decadeOf(wd, grid, step));
  const loss: Series[] = [
    { label: 'train', color: TRAIN, x, y: a.rows.map((r) => r.trainLoss), dashed: true },
    { label: 'test', color: TEST, x, y: a.rows.map((r) => r.testLoss) },
  ];
  const acc: Series[] = [
    { label: 'train', color: TRAIN, x, y: a.rows.map((r) => r.trainAccuracy), dashed: true },
    { label: 'test', color: TEST, x, y: a.rows.map((r) => r.testAccuracy) },
  ];
  const zeroAt = grid.includes(0) ? ` λ = 0 is drawn at ${formatNumber(decadeOf(0, grid, step), 2)}.` : '';
  const charts = [
    figure(lineChart({ series: loss, xLabel: 'log10 λ', yLabel: 'final loss', title: 'final train and test loss against λ' }), `final loss (dashed: train, solid: test).${zeroAt}`),
    figure(lineChart({ series: acc, xLabel: 'log10 λ', yLabel: 'final accuracy', title: 'final train and test accuracy against λ' }), `final accuracy (dashed: train, solid: test).${zeroAt}`),
  ];
  const rows = a.rows.map((r) => [
    gridValue(r.weightDecay),
    formatNumber(r.trainLoss),
    formatNumber(r.testLoss),
    formatNumber(r.gap),
    formatPercent(r.trainAccuracy),
    formatPercent(r.testAccuracy),
    `${formatNumber(r.minTestLoss)} (step ${r.minTestStep})`,
    r.fit + (r.weightDecay === a.bestWeightDecay ? ' (best)' : ''),
    String(r.runs),
  ]);
  const table = htmlTable(['λ', 'train loss', 'test loss', 'gap', 'train acc', 'test acc', 'lowest test loss', 'fit', 'seeds'], rows);
  return { id: 'against-lambda', title: 'Train vs test against λ', html: `${legend(loss)}<div class="grid">${charts.join('')}</div><div class="scroll">${table}</div>` };
}

/** The mean curves of each λ, one chart each. */
export function curvesSection(a: GeneralizationAnalysis): ReportSection {
  const charts = a.rows.map((r) => {
    const series: Series[] = [
      { label: 'train', color: TRAIN, x: r.curve.steps, y: r.curve.trainLoss, dashed: true },
      { label: 'test', color: TEST, x: r.curve.steps, y: r.curve.testLoss },
    ];
    return figure(lineChart({ series, xLabel: 'step', yLabel: 'loss', width: 300, height: 200, title: `λ=${gridValue(r.weightDecay)} train and test loss` }), `λ=${gridValue(r.weightDecay)}: ${r.fit}`);
  });
  return {
    id: 'curves',
    title: 'Train and test loss during training, per λ',
    html: `${legend([{ label: 'train (dashed)', color: TRAIN }, { label: 'test', color: TEST }])}<div class="grid">${charts.join('')}</div>${note('Mean over seeds at each evaluation.')}`,
  };
}

/** All sections, in report order. */
export function generalizationSections(a: GeneralizationAnalysis, v: GeneralizationVerdict, setup: string): ReportSection[] {
  return [{ id: 'verdict', title: 'Verdict', html: `${verdictHtml(v.sentences)}${note(setup)}` }, againstLambdaSection(a), curvesSection(a)];
}
