/**
 * `decaylab study generalization`: an MLP on a small Fashion-MNIST training subset with λ swept —
 * train against test loss, from overfitting at λ = 0 to underfitting when λ is too large.
 */
import type { LoadedRun } from '../../batch/load.js';
import type { ReportRun } from '../../report/sections.js';
import { colorOf } from '../../report/svg.js';
import type { Study } from '../../study/types.js';
import { comparisonSectionOf } from '../shared/comparison.js';
import { gridValue } from '../shared/html.js';
import { numberParam, resultOf } from '../shared/runs.js';
import { modelLabel, setupLine, type StudyResult } from '../shared/setup.js';
import { analyzeGeneralization, type GeneralizationAnalysis, type GeneralizationRunInput } from './analysis.js';
import { generalizationPlan } from './plan.js';
import { generalizationSections } from './sections.js';
import { generalizationVerdict, type GeneralizationVerdict } from './verdict.js';

/** What the study saves as analysis.json. */
export type GeneralizationStudyResult = StudyResult<GeneralizationAnalysis, GeneralizationVerdict>;

/** A finished run as the analysis reads it: its evaluations from trace.json (or just the final one). */
export function generalizationInput(run: LoadedRun): GeneralizationRunInput | null {
  const r = resultOf(run);
  if (r === null) return null;
  const point = (m: { loss: number; accuracy?: number | undefined } | null): { loss: number; accuracy: number } => ({ loss: m?.loss ?? Number.NaN, accuracy: m?.accuracy ?? Number.NaN });
  const evals =
    run.trace !== null && run.trace.evals.length > 0
      ? run.trace.evals.map((e) => ({ step: e.step, train: point(e.train), test: point(e.test) }))
      : [{ step: r.steps, train: { loss: r.final.trainLoss, accuracy: r.final.trainAccuracy ?? Number.NaN }, test: { loss: r.final.testLoss ?? Number.NaN, accuracy: r.final.testAccuracy ?? Number.NaN } }];
  return { weightDecay: numberParam(run, 'weightDecay'), evals };
}

function setupOf(runs: readonly LoadedRun[]): string {
  return setupLine(runs, (record, seeds) => {
    const c = record.config;
    return `Data: ${record.dataset?.description ?? c.dataset.name}. Model: ${modelLabel(c.model)}; AdamW lr ${c.optimizer.lr} (decay lr·λ per step); ${c.training.epochs ?? '?'} epochs of mini-batches of ${c.training.batchSize ?? 'all'}, evaluated every ${c.training.evalEvery} steps; ${seeds} seed(s) per λ, averaged.`;
  });
}

/** The runs the standard sections show: seed 0 of each λ. */
export function generalizationFocus(runs: readonly ReportRun[]): ReportRun[] {
  return runs.filter((r) => r.record.hparams['seed'] === 0).map((r, i) => ({ ...r, color: colorOf(i), label: `λ=${gridValue(Number(r.record.hparams['weightDecay']))}` }));
}

/** The study. */
export const generalization: Study<GeneralizationStudyResult> = {
  name: 'generalization',
  title: 'Generalization: train vs test loss as λ grows',
  question: 'On a small Fashion-MNIST subset, how does λ move an MLP from overfitting (λ = 0) to underfitting (λ too large)?',
  plan: generalizationPlan,
  analyze(runs) {
    const analysis = analyzeGeneralization(runs.map(generalizationInput).filter((r): r is GeneralizationRunInput => r !== null));
    return { setup: setupOf(runs), analysis, verdict: generalizationVerdict(analysis) };
  },
  summary: ({ verdict }) => verdict.sentences,
  sections: ({ analysis, verdict, setup }, runs) => [...generalizationSections(analysis, verdict, setup), ...comparisonSectionOf(generalizationFocus(runs))],
  label: (run) => `λ=${gridValue(numberParam(run, 'weightDecay'))} seed ${numberParam(run, 'seed')}`,
  focus(_result, runs) {
    const chosen = generalizationFocus(runs);
    return { runs: chosen, ridgelineRuns: chosen };
  },
};
