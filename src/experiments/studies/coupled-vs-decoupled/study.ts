/**
 * `decaylab study coupled-vs-decoupled`: Adam+L2 against AdamW over a learning-rate × λ grid on a
 * validation split — does the best λ move with the learning rate (Loshchilov & Hutter's claim)?
 */
import type { LoadedRun } from '../../batch/load.js';
import { formatNumber } from '../../analysis/format.js';
import type { ReportRun } from '../../report/sections.js';
import { colorOf } from '../../report/svg.js';
import type { Study } from '../../study/types.js';
import { comparisonSectionOf } from '../shared/comparison.js';
import { gridValue } from '../shared/html.js';
import { choiceParam, isDiverged, numberParam, resultOf } from '../shared/runs.js';
import { modelLabel, setupLine, type StudyResult } from '../shared/setup.js';
import { analyzeCoupled, type CoupledAnalysis, type CoupledRunInput } from './analysis.js';
import { COUPLED_OPTIMIZERS, type CoupledOptimizer, coupledPlan, optimizerLabel } from './plan.js';
import { coupledSections } from './sections.js';
import { coupledVerdict, type CoupledVerdict } from './verdict.js';

/** What the study saves as analysis.json. */
export type CoupledStudyResult = StudyResult<CoupledAnalysis, CoupledVerdict>;

function optimizerOf(run: LoadedRun): CoupledOptimizer {
  return choiceParam(run, 'optimizer', COUPLED_OPTIMIZERS);
}

/** A loaded run as the analysis reads it. */
export function coupledInput(run: LoadedRun): CoupledRunInput {
  const result = resultOf(run);
  return {
    optimizer: optimizerOf(run),
    lr: numberParam(run, 'lr'),
    weightDecay: numberParam(run, 'weightDecay'),
    valLoss: result?.final.testLoss ?? Number.NaN,
    valAccuracy: result?.final.testAccuracy ?? Number.NaN,
    diverged: isDiverged(run),
  };
}

function setupOf(runs: readonly LoadedRun[]): string {
  return setupLine(runs, (record, seeds) => {
    const c = record.config;
    const data = record.dataset === null ? c.dataset.name : `${record.dataset.name}: ${record.dataset.trainSize} training points, ${record.dataset.testSize} validation points`;
    return `Data: ${data}. Model: ${modelLabel(c.model)}, cross-entropy, ${c.training.iterations ?? '?'} full-batch steps; ${seeds} seed(s) per cell, losses averaged.`;
  });
}

function hp(run: ReportRun, key: string): string | number | boolean | undefined {
  return run.record.hparams[key];
}

/**
 * The runs the standard sections show (seed 0): per learning rate, no decay and each optimizer's
 * best λ; `middle` are those of the middle learning rate (ridgelines, comparison table).
 */
export function coupledFocus(analysis: CoupledAnalysis, runs: readonly ReportRun[]): { all: ReportRun[]; middle: ReportRun[] } {
  const seed0 = runs.filter((r) => hp(r, 'seed') === 0);
  const pick = (optimizer: CoupledOptimizer, lr: number, wd: number): ReportRun[] =>
    seed0.filter((r) => hp(r, 'optimizer') === optimizer && hp(r, 'lr') === lr && hp(r, 'weightDecay') === wd).map((r) => ({ ...r, label: `${optimizerLabel(optimizer)} lr=${lr} λ=${wd}` }));
  const chosen = analysis.lrs.map((lr, i) => [
    ...pick('adam', lr, 0),
    ...analysis.grids.flatMap((g) => (g.best[i]!.weightDecay === 0 ? [] : pick(g.optimizer, lr, g.best[i]!.weightDecay))),
  ]);
  let i = 0;
  const colored = chosen.map((group) => group.map((r) => ({ ...r, color: colorOf(i++) })));
  return { all: colored.flat(), middle: colored[Math.floor((colored.length - 1) / 2)] ?? [] };
}

/** The study. */
export const coupledVsDecoupled: Study<CoupledStudyResult> = {
  name: 'coupled-vs-decoupled',
  title: 'Coupled L2 (Adam+L2) vs decoupled weight decay (AdamW)',
  question: 'Does the best weight decay move with the learning rate under Adam+L2 and under AdamW (Loshchilov & Hutter)?',
  plan: coupledPlan,
  analyze(runs) {
    const analysis = analyzeCoupled(runs.map(coupledInput));
    return { setup: setupOf(runs), analysis, verdict: coupledVerdict(analysis) };
  },
  summary({ analysis, verdict }) {
    const lines = ['Best λ per learning rate (mean validation loss):'];
    analysis.lrs.forEach((lr, i) => {
      const cells = analysis.grids.map((g) => {
        const b = g.best[i]!;
        return `${optimizerLabel(g.optimizer)} λ=${gridValue(b.weightDecay)} (${formatNumber(b.valLoss, 4)})`;
      });
      lines.push(`  lr ${gridValue(lr)}: ${cells.join(', ')}`);
    });
    return [...lines, '', ...verdict.sentences];
  },
  sections: ({ analysis, verdict, setup }, runs) => [...coupledSections(analysis, verdict, setup), ...comparisonSectionOf(coupledFocus(analysis, runs).middle, 'Final parameters compared (seed 0, middle learning rate)')],
  label: (run) => `${optimizerLabel(optimizerOf(run))} lr=${numberParam(run, 'lr')} λ=${numberParam(run, 'weightDecay')} seed ${numberParam(run, 'seed')}`,
  focus({ analysis }, runs) {
    const { all, middle } = coupledFocus(analysis, runs);
    return { runs: all, ridgelineRuns: middle };
  },
};
