/**
 * Report sections of `coupled-vs-decoupled`: the verdict; the validation-loss heatmaps of Adam+L2
 * and AdamW side by side (lr rows × λ columns, one shared log color scale, each row's best cell
 * outlined); the best λ per learning rate as a table and as a chart of log10(best λ) against
 * log10(lr) in both of AdamW's parameterisations.
 */
import { formatNumber, formatPercent } from '../../analysis/format.js';
import type { ReportSection } from '../../report/layout.js';
import { legend, lineChart, type Series } from '../../report/line-chart.js';
import { colorOf } from '../../report/svg.js';
import { htmlTable } from '../../report/table.js';
import { finiteRange, heatmap } from '../shared/heatmap.js';
import { figure, gridValue, note, verdictHtml } from '../shared/html.js';
import { argBest, type CoupledAnalysis, decadeOf } from './analysis.js';
import { optimizerLabel } from './plan.js';
import type { CoupledVerdict } from './verdict.js';

function num(v: number, digits = 3): string {
  return Number.isFinite(v) ? formatNumber(v, digits) : v === Infinity ? 'diverged' : '–';
}

/** The heatmaps side by side. */
export function heatmapSection(a: CoupledAnalysis): ReportSection {
  const range = finiteRange(a.grids.flatMap((g) => g.valLoss), true) ?? undefined;
  const figures = a.grids.map((g) => {
    const svg = heatmap({
      rows: a.lrs.map((lr) => `lr ${gridValue(lr)}`),
      cols: a.weightDecays.map(gridValue),
      values: g.valLoss,
      rowTitle: 'learning rate',
      colTitle: 'λ (weightDecay)',
      logColor: true,
      ...(range === undefined ? {} : { range }),
      marks: g.valLoss.map((row, r) => [r, argBest(row)] as const).filter(([, c]) => c >= 0),
      title: `${optimizerLabel(g.optimizer)} validation loss`,
    });
    return figure(svg, `${optimizerLabel(g.optimizer)}: mean validation loss over seeds (outlined: the best λ of each learning rate; dark = low)`);
  });
  return {
    id: 'heatmaps',
    title: 'Validation loss over learning rate × λ',
    html: `${figures.join('')}${note('Both heatmaps share one logarithmic color scale. "diverged": a seed stopped at a non-finite loss.')}`,
  };
}

/** The best λ of each learning rate: a table and a chart of the decades. */
export function bestDecaySection(a: CoupledAnalysis): ReportSection {
  const [adam, adamw] = [a.grids[0]!, a.grids[1]!];
  const rows = a.lrs.map((lr, i) => {
    const b = adam.best[i]!;
    const w = adamw.best[i]!;
    return [
      gridValue(lr),
      gridValue(b.weightDecay),
      num(b.valLoss),
      num(b.valLossAtZero),
      Number.isFinite(b.valAccuracy) ? formatPercent(b.valAccuracy) : '–',
      gridValue(w.weightDecay),
      gridValue(w.lr * w.weightDecay),
      num(w.valLoss),
      Number.isFinite(w.valAccuracy) ? formatPercent(w.valAccuracy) : '–',
    ];
  });
  const header = ['lr', 'Adam+L2 best λ', 'val loss', 'val loss at λ=0', 'val acc', 'AdamW best λ', 'λ_LH = lr·λ', 'val loss', 'val acc'];
  const spreads = htmlTable(
    ['best λ of', 'spread across lrs (decades)'],
    [
      ['Adam+L2 (λ: g ← g + λw)', formatNumber(adam.spread, 3)],
      ["AdamW, PyTorch's λ (w ← w − lr·λ·w)", formatNumber(adamw.spread, 3)],
      ["AdamW, Loshchilov & Hutter's λ_LH = lr·λ", formatNumber(adamw.spreadPerStep, 3)],
    ],
  );
  const curve = (label: string, color: string, perStep: boolean, g = adamw): Series => {
    const found = g.best.filter((b) => Number.isFinite(b.weightDecay));
    return { label, color, x: found.map((b) => Math.log10(b.lr)), y: found.map((b) => decadeOf(b.weightDecay, a.weightDecays, a.gridStep) + (perStep ? Math.log10(b.lr) : 0)) };
  };
  const series = [curve('Adam+L2 λ', colorOf(0), false, adam), curve('AdamW λ (PyTorch)', colorOf(1), false), curve('AdamW λ_LH = lr·λ', colorOf(2), true)];
  const chart = lineChart({ series, xLabel: 'log10 learning rate', yLabel: 'log10 best λ', width: 520, height: 280, title: 'best λ against learning rate' });
  return {
    id: 'best-decay',
    title: 'Best λ per learning rate',
    html: `<div class="scroll">${htmlTable(header, rows)}</div>${spreads}${legend(series)}${figure(chart, 'A flat line: the best λ does not move with the learning rate. A best λ of 0 is drawn one grid step below the smallest λ.', 560)}`,
  };
}

/** The verdict with the setup it was measured on. */
export function verdictSection(a: CoupledAnalysis, v: CoupledVerdict, setup: string): ReportSection {
  const counts = `${a.finished} of ${a.runs} runs finished${a.diverged > 0 ? `, ${a.diverged} diverged` : ''}.`;
  return { id: 'verdict', title: 'Verdict', html: `${verdictHtml(v.sentences)}${note(`${setup} ${counts}`)}` };
}

/** All sections, in report order. */
export function coupledSections(a: CoupledAnalysis, v: CoupledVerdict, setup: string): ReportSection[] {
  return [verdictSection(a, v, setup), heatmapSection(a), bestDecaySection(a)];
}
