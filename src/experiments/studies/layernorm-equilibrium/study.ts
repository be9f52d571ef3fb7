/**
 * `decaylab study layernorm-equilibrium`: weights followed by LayerNorm are scale-invariant; under
 * AdamW their norm, angular update per step and effective learning rate settle at the rotational
 * equilibrium of Kosson, Messmer & Jaggi (2024). Does this small network reach it?
 */
import type { LoadedRun } from '../../batch/load.js';
import type { ModelConfig } from '../../config/model-schema.js';
import type { ReportRun } from '../../report/sections.js';
import { colorOf } from '../../report/svg.js';
import type { Study } from '../../study/types.js';
import { comparisonSectionOf } from '../shared/comparison.js';
import { gridValue } from '../shared/html.js';
import { numberParam, resultOf } from '../shared/runs.js';
import { setupLine, type StudyResult } from '../shared/setup.js';
import { analyzeEquilibrium, type EquilibriumAnalysis, type EquilibriumRunInput } from './analysis.js';
import { lateStats, layerSeries } from './measure.js';
import { equilibriumPlan, FASHION_CLASSES, FASHION_INPUTS, scaleInvariantParams } from './plan.js';
import { scaleInvarianceCheck } from './scale-invariance.js';
import { equilibriumSections } from './sections.js';
import { equilibriumVerdict, type EquilibriumVerdict } from './verdict.js';

/** What the study saves as analysis.json. */
export type EquilibriumStudyResult = StudyResult<EquilibriumAnalysis, EquilibriumVerdict>;

/** The scale factors of the scale-invariance check. */
export const CHECK_SCALES: readonly number[] = [0.25, 4, 10];

/** The weight of the model's last Linear (the scale-sensitive contrast), or null. */
export function outputWeight(model: ModelConfig): string | null {
  if (model.kind !== 'sequential') return null;
  const i = model.layers.map((l) => l.type).lastIndexOf('linear');
  return i < 0 ? null : `layers.${i}.weight`;
}

/** A finished run with a trace as the analysis reads it (null otherwise). */
export function equilibriumInput(run: LoadedRun): EquilibriumRunInput | null {
  const r = resultOf(run);
  const { record, trace } = run;
  if (r === null || record === null || trace === null) return null;
  const c = record.config;
  if (c.optimizer.name !== 'adamw') return null;
  const invariant = scaleInvariantParams(c.model);
  const out = outputWeight(c.model);
  const names = out === null ? invariant : [...invariant, out];
  const layers = names.flatMap((name) => {
    const s = layerSeries(trace, name, c.optimizer.lr);
    const numel = r.params.find((p) => p.name === name)?.numel;
    return s === null || numel === undefined ? [] : [{ name, numel, scaleInvariant: invariant.includes(name), late: lateStats(s) }];
  });
  return { weightDecay: numberParam(run, 'weightDecay'), lr: c.optimizer.lr, beta1: c.optimizer.betas[0], layers, trainLoss: r.final.trainLoss, testAccuracy: r.final.testAccuracy ?? Number.NaN };
}

function setupOf(runs: readonly LoadedRun[]): string {
  return setupLine(runs, (record, seeds) => {
    const c = record.config;
    const widths = c.model.kind === 'sequential' ? c.model.layers.filter((l) => l.type === 'linear').map((l) => l.out ?? FASHION_CLASSES) : [];
    return `Data: ${record.dataset?.description ?? c.dataset.name}. Model: 784 → ${widths.join(' → ')}, each hidden Linear without bias followed by LayerNorm and ReLU; AdamW (PyTorch defaults but lr ${c.optimizer.lr}), ${c.training.iterations ?? '?'} steps of mini-batches of ${c.training.batchSize ?? 'all'}, every step logged; ${seeds} seed(s) per λ.`;
  });
}

/** The runs the standard sections show: seed 0 of each λ, colored by λ as in the study's charts. */
export function equilibriumFocus(runs: readonly ReportRun[]): ReportRun[] {
  const decays = [...new Set(runs.map((r) => Number(r.record.hparams['weightDecay'])))].sort((x, y) => x - y);
  return runs
    .filter((r) => r.record.hparams['seed'] === 0)
    .map((r) => {
      const wd = Number(r.record.hparams['weightDecay']);
      return { ...r, color: colorOf(decays.indexOf(wd)), label: `λ=${gridValue(wd)}` };
    });
}

/** The study. */
export const layernormEquilibrium: Study<EquilibriumStudyResult> = {
  name: 'layernorm-equilibrium',
  title: 'LayerNorm and the rotational equilibrium of AdamW',
  question: 'Do the weights in front of LayerNorm reach the norm, angular update and effective learning rate that decoupled decay predicts (Kosson, Messmer & Jaggi 2024)?',
  plan: equilibriumPlan,
  analyze(runs) {
    const inputs = runs.map(equilibriumInput).filter((r): r is EquilibriumRunInput => r !== null);
    const model = runs.find((r) => r.record !== null)?.record?.config.model;
    const invariant = model === undefined ? [] : scaleInvariantParams(model);
    const out = model === undefined ? null : outputWeight(model);
    const checks = model === undefined ? [] : scaleInvarianceCheck(model, FASHION_INPUTS, FASHION_CLASSES, invariant, CHECK_SCALES);
    const contrast = model === undefined || out === null ? [] : scaleInvarianceCheck(model, FASHION_INPUTS, FASHION_CLASSES, [out], [CHECK_SCALES[1]!]);
    const analysis = analyzeEquilibrium(inputs, checks, contrast);
    return { setup: setupOf(runs), analysis, verdict: equilibriumVerdict(analysis) };
  },
  summary: ({ verdict }) => verdict.sentences,
  sections: ({ analysis, verdict, setup }, runs) => [...equilibriumSections(analysis, verdict, setup, runs), ...comparisonSectionOf(equilibriumFocus(runs))],
  label: (run) => `λ=${gridValue(numberParam(run, 'weightDecay'))} seed ${numberParam(run, 'seed')}`,
  focus(_result, runs) {
    const chosen = equilibriumFocus(runs);
    return { runs: chosen, ridgelineRuns: chosen };
  },
};
