/**
 * Report sections of `layernorm-equilibrium`: the verdict with the formulas; the per-layer table of
 * late measurements against the predictions; per layer, the weight norm, the angular update per
 * step (moving average) and the effective learning rate over training for each λ (seed 0), each
 * with its predicted equilibrium as a dashed line of the same color; and the scale-invariance
 * check.
 */
import { formatNumber } from '../../analysis/format.js';
import type { ReportSection } from '../../report/layout.js';
import { legend, lineChart, type Series } from '../../report/line-chart.js';
import type { ReportRun } from '../../report/sections.js';
import { colorOf, esc } from '../../report/svg.js';
import { htmlTable } from '../../report/table.js';
import { figure, gridValue, note, verdictHtml } from '../shared/html.js';
import type { EquilibriumAnalysis } from './analysis.js';
import { layerSeries, movingAverage } from './measure.js';
import type { EquilibriumVerdict } from './verdict.js';

const FORMULAS = [
  'Predictions for AdamW on a scale-invariant weight W of C elements (Kosson, Messmer & Jaggi 2024, random-walk model), learning rate η, decay λ, momentum β₁:',
  'equilibrium norm ‖W‖ = √(ηC / 2λ); angular update per step θ = ∠(W_t, W_t+1) = √(2ηλ·(1−β₁)/(1+β₁)); effective learning rate η/‖W‖² = 2λ/C.',
  'Measured per layer on the whole weight matrix of each Linear followed by LayerNorm (LayerNorm makes the matrix, not each row, scale-invariant); late values are means over the last 25% of the steps (and over seeds).',
];

function num(v: number, digits = 3): string {
  return Number.isFinite(v) ? formatNumber(v, digits) : '–';
}

/** The table of late measurements against predictions. */
export function tableSection(a: EquilibriumAnalysis): ReportSection {
  const rows = a.decays.flatMap((d) =>
    d.layers.map((l) => [
        gridValue(d.weightDecay),
        l.name + (l.scaleInvariant ? '' : ' (not scale-invariant)'),
        String(l.numel),
        num(l.norm),
        num(l.predicted?.norm ?? Number.NaN),
        num(l.ratio.norm),
        num(l.angle),
        num(l.predicted?.angle ?? Number.NaN),
        num(l.ratio.angle),
        num(l.effectiveLr),
        num(l.predicted?.effectiveLr ?? Number.NaN),
        num(l.updateRms),
        `${(l.normDrift * 100).toFixed(1)}%`,
    ]),
  );
  const header = ['λ', 'layer', 'C', '‖W‖', 'predicted', 'ratio', 'θ (rad/step)', 'predicted', 'ratio', 'η/‖W‖²', 'predicted 2λ/C', 'update RMS', 'norm drift'];
  return {
    id: 'equilibrium',
    title: 'Late training against the equilibrium',
    html: `<div class="scroll">${htmlTable(header, rows)}</div>${note(
      `update RMS: ‖W‖·θ/(η√C), the random-walk model's √((1−β₁)/(1+β₁)) = ${num(a.predictedUpdateRms)}. norm drift: change of the mean norm from the first to the second half of the late window. Tolerances: angle ±${Math.round(a.angleTolerance * 100)}%, norm ×÷${a.normFactor}.`,
    )}`,
  };
}

/** Per layer: norm, angle and effective lr over training, with the predicted lines. */
export function curvesSection(a: EquilibriumAnalysis, runs: readonly ReportRun[]): ReportSection {
  const byDecay = a.decays.map((d, i) => ({ d, color: colorOf(i), run: runs.find((r) => r.record.hparams['weightDecay'] === d.weightDecay && r.record.hparams['seed'] === 0 && r.trace !== null) }));
  const names = a.decays[0]?.layers.map((l) => l.name) ?? [];
  const rows = names.map((name) => {
    const norm: Series[] = [];
    const angle: Series[] = [];
    const eff: Series[] = [];
    for (const { d, color, run } of byDecay) {
      if (run === undefined || run.trace === null) continue;
      const s = layerSeries(run.trace, name, d.lr);
      if (s === null) continue;
      const label = `λ=${gridValue(d.weightDecay)}`;
      const window = Math.max(1, Math.round(s.steps.length / 40));
      norm.push({ label, color, x: s.steps, y: s.norm });
      angle.push({ label, color, x: s.steps, y: movingAverage(s.angle, window) });
      eff.push({ label, color, x: s.steps, y: s.effectiveLr });
      const p = d.layers.find((l) => l.name === name)?.predicted;
      if (p !== null && p !== undefined) {
        const x = [s.steps[0] ?? 0, s.steps[s.steps.length - 1] ?? 0];
        norm.push({ label: `${label} predicted`, color, x, y: [p.norm, p.norm], dashed: true });
        angle.push({ label: `${label} predicted`, color, x, y: [p.angle, p.angle], dashed: true });
        eff.push({ label: `${label} predicted`, color, x, y: [p.effectiveLr, p.effectiveLr], dashed: true });
      }
    }
    const invariant = a.decays[0]!.layers.find((l) => l.name === name)?.scaleInvariant === true;
    const chart = (series: Series[], yLabel: string, logY: boolean, what: string): string =>
      figure(lineChart({ series, xLabel: 'step', yLabel, logY, width: 380, height: 220, title: `${name} ${what}` }), `${name}: ${what}`);
    return `<h3>${esc(name)}${invariant ? '' : ' <span class="muted">(not followed by LayerNorm: no prediction)</span>'}</h3><div class="grid">${chart(norm, '‖W‖', false, 'weight norm')}${chart(angle, 'θ (rad/step)', false, 'angular update per step (moving average)')}${chart(eff, 'η/‖W‖²', true, 'effective learning rate')}</div>`;
  });
  const key = byDecay.map(({ d, color }) => ({ label: `λ=${gridValue(d.weightDecay)} (dashed: predicted)`, color }));
  return { id: 'curves', title: 'Norm, angular update and effective learning rate per layer', html: `${legend(key)}${rows.join('')}${note('Seed 0 of each λ. Angular updates are per step (every step is logged), smoothed by a moving average over 1/40 of the points.')}` };
}

/** The scale-invariance check as a table. */
export function scaleSection(a: EquilibriumAnalysis): ReportSection {
  const rows = [...a.scaleChecks, ...a.contrastChecks].map((c) => [c.param, String(c.c), formatNumber(c.outputChange, 3), formatNumber(c.gradScale, 6), formatNumber(1 / c.c, 6), formatNumber(c.gradCosine, 9), formatNumber(c.radial, 3)]);
  return {
    id: 'scale-invariance',
    title: 'Scale invariance, measured',
    html: `<div class="scroll">${htmlTable(['weight', 'c', 'output change', '‖∇(cW)‖/‖∇W‖', '1/c', 'cos(∇(cW), ∇W)', '|cos(W, ∇W)|'], rows)}</div>${note(
      'The model of the first run, freshly initialised, on 32 standard-normal inputs with cross-entropy: the weight is multiplied by c, everything else kept. A scale-invariant weight leaves the output unchanged up to LayerNorm\'s ε, its gradient shrinks by 1/c and is orthogonal to the weight. The last rows are the output layer, which is not scale-invariant.',
    )}`,
  };
}

/** All sections, in report order. */
export function equilibriumSections(a: EquilibriumAnalysis, v: EquilibriumVerdict, setup: string, runs: readonly ReportRun[]): ReportSection[] {
  return [
    { id: 'verdict', title: 'Verdict', html: `${verdictHtml(v.sentences)}${FORMULAS.map(note).join('')}${note(setup)}` },
    tableSection(a),
    curvesSection(a, runs),
    scaleSection(a),
  ];
}
