/**
 * `decaylab study sparsity`: L2 vs L1 (subgradient) vs L1-proximal at matched λ — which of them
 * make weights exactly zero, and what does it cost in accuracy?
 */
import type { LoadedRun } from '../../batch/load.js';
import type { ReportRun } from '../../report/sections.js';
import type { Study } from '../../study/types.js';
import { gridValue } from '../shared/html.js';
import { choiceParam, numberParam, resultOf } from '../shared/runs.js';
import { modelLabel, setupLine, type StudyResult } from '../shared/setup.js';
import { analyzeSparsity, type SparsityAnalysis, type SparsityRunInput } from './analysis.js';
import { modeLabel, SPARSITY_MODES, type SparsityRunMode, sparsityPlan } from './plan.js';
import { modeColor, sparsitySections } from './sections.js';
import { sparsityVerdict, type SparsityVerdict } from './verdict.js';

/** What the study saves as analysis.json. */
export type SparsityStudyResult = StudyResult<SparsityAnalysis, SparsityVerdict>;

function modeOf(run: LoadedRun): SparsityRunMode {
  return choiceParam(run, 'decay', ['none', ...SPARSITY_MODES]);
}

/** A finished run as the analysis reads it (null when it did not finish). */
export function sparsityInput(run: LoadedRun): SparsityRunInput | null {
  const r = resultOf(run);
  if (r === null) return null;
  return {
    mode: modeOf(run),
    weightDecay: numberParam(run, 'weightDecay'),
    numel: r.numel,
    exactZeros: r.exactZeros,
    nearZeroShare: r.nearZeroShare,
    trainLoss: r.final.trainLoss,
    testLoss: r.final.testLoss ?? Number.NaN,
    testAccuracy: r.final.testAccuracy ?? Number.NaN,
    params: r.params.map((p) => ({ name: p.name, numel: p.numel, exactZeros: p.exactZeros })),
  };
}

function setupOf(runs: readonly LoadedRun[]): string {
  return setupLine(runs, (record, seeds) => {
    const c = record.config;
    const opt = c.optimizer.name === 'sgd' ? `SGD lr ${c.optimizer.lr}, momentum ${c.optimizer.momentum}` : c.optimizer.name;
    const data = record.dataset?.description ?? c.dataset.name;
    return `Data: ${data}. Model: ${modelLabel(c.model)}; ${opt}; ${c.training.epochs ?? '?'} epochs of mini-batches of ${c.training.batchSize ?? 'all'}; ${seeds} seed(s) per cell, shares and accuracies averaged. Parameters counted: every weight and bias.`;
  });
}

/** The runs the standard sections show: seed 0 without decay and each mode at the largest λ. */
export function sparsityFocus(a: SparsityAnalysis, runs: readonly ReportRun[]): ReportRun[] {
  const top = a.weightDecays[a.weightDecays.length - 1];
  return runs
    .filter((r) => r.record.hparams['seed'] === 0 && (r.record.hparams['decay'] === 'none' || r.record.hparams['weightDecay'] === top))
    .map((r) => {
      const mode = String(r.record.hparams['decay']);
      return { ...r, color: modeColor(mode), label: mode === 'none' ? 'no decay' : `${modeLabel(SPARSITY_MODES.find((m) => m === mode) ?? 'l2')} λ=${gridValue(top ?? 0)}` };
    });
}

/** The study. */
export const sparsity: Study<SparsityStudyResult> = {
  name: 'sparsity',
  title: 'Sparsity: L2 vs L1 vs L1-proximal',
  question: 'Which decay sets weights exactly to zero — L2, the L1 subgradient or the L1 proximal step — and at what cost in accuracy?',
  plan: sparsityPlan,
  analyze(runs) {
    const analysis = analyzeSparsity(runs.map(sparsityInput).filter((r): r is SparsityRunInput => r !== null));
    return { setup: setupOf(runs), analysis, verdict: sparsityVerdict(analysis) };
  },
  summary: ({ verdict }) => verdict.sentences,
  sections: ({ analysis, verdict, setup }, runs) => sparsitySections(analysis, verdict, setup, sparsityFocus(analysis, runs)),
  label: (run) => `${modeLabel(modeOf(run))} λ=${gridValue(numberParam(run, 'weightDecay'))} seed ${numberParam(run, 'seed')}`,
  focus({ analysis }, runs) {
    const chosen = sparsityFocus(analysis, runs);
    return { runs: chosen, ridgelineRuns: chosen };
  },
};
