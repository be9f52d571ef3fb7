/**
 * The analysis of `layernorm-equilibrium`, as pure functions of each run's late-training means per
 * layer: for every λ (mean over seeds) and layer, the measured norm, angular update per step,
 * effective learning rate and tangential update RMS; the AdamW predictions of theory.ts for the
 * scale-invariant layers; and measured/predicted ratios. The tolerances the verdict and the tests
 * use are stated here.
 */
import { finiteMean, sortedUnique } from '../shared/runs.js';
import type { LateStats } from './measure.js';
import type { ScaleCheck } from './scale-invariance.js';
import { adamUpdateRms, adamwEquilibriumAngle, adamwEquilibriumEffectiveLr, adamwEquilibriumNorm, measuredUpdateRms } from './theory.js';

/** The measured late angular update may differ from the prediction by this share (±30%). */
export const ANGLE_TOLERANCE = 0.3;
/** The measured late norm may differ from the prediction by this factor (× or ÷ 2). */
export const NORM_FACTOR = 2;

/** One layer of one run. */
export interface LayerInput {
  readonly name: string;
  readonly numel: number;
  readonly scaleInvariant: boolean;
  readonly late: LateStats;
}

/** One finished run as the analysis reads it. */
export interface EquilibriumRunInput {
  readonly weightDecay: number;
  readonly lr: number;
  readonly beta1: number;
  readonly layers: readonly LayerInput[];
  readonly trainLoss: number;
  readonly testAccuracy: number;
}

/** The three predicted quantities. */
export interface Predicted {
  readonly norm: number;
  readonly angle: number;
  readonly effectiveLr: number;
}

/** One layer at one λ, over the seeds. */
export interface LayerResult {
  readonly name: string;
  readonly numel: number;
  readonly scaleInvariant: boolean;
  /** Late means (over the window and the seeds). */
  readonly norm: number;
  readonly angle: number;
  readonly effectiveLr: number;
  readonly normDrift: number;
  /** ‖W‖·θ/(η√C). */
  readonly updateRms: number;
  /** The AdamW equilibrium (null for layers that are not scale-invariant). */
  readonly predicted: Predicted | null;
  /** measured / predicted (NaN without a prediction). */
  readonly ratio: Predicted;
  /** Whether the angle is within ±{@link ANGLE_TOLERANCE} and the norm within ×÷{@link NORM_FACTOR} of the prediction. */
  readonly angleWithin: boolean;
  readonly normWithin: boolean;
}

/** One λ over its seeds. */
export interface DecayResult {
  readonly weightDecay: number;
  readonly lr: number;
  readonly beta1: number;
  readonly runs: number;
  /** First step of the late window. */
  readonly lateFrom: number;
  readonly layers: LayerResult[];
  readonly trainLoss: number;
  readonly testAccuracy: number;
}

/** The analysis (saved as analysis.json). */
export interface EquilibriumAnalysis {
  readonly decays: DecayResult[];
  /** Scale-invariance checks of the scale-invariant weights. */
  readonly scaleChecks: ScaleCheck[];
  /** The same check on weights that are not scale-invariant (the output layer), for contrast. */
  readonly contrastChecks: ScaleCheck[];
  readonly angleTolerance: number;
  readonly normFactor: number;
  /** The random-walk model's per-element Adam update RMS, √((1−β₁)/(1+β₁)) (NaN without runs). */
  readonly predictedUpdateRms: number;
}

function layerResult(lr: number, weightDecay: number, beta1: number, layers: readonly LayerInput[]): LayerResult {
  const first = layers[0]!;
  const mean = (get: (l: LayerInput) => number): number => finiteMean(layers.map(get));
  const norm = mean((l) => l.late.norm);
  const angle = mean((l) => l.late.angle);
  const effectiveLr = mean((l) => l.late.effectiveLr);
  const predicted = first.scaleInvariant
    ? { norm: adamwEquilibriumNorm(lr, weightDecay, first.numel), angle: adamwEquilibriumAngle(lr, weightDecay, beta1), effectiveLr: adamwEquilibriumEffectiveLr(weightDecay, first.numel) }
    : null;
  const ratio = predicted === null ? { norm: Number.NaN, angle: Number.NaN, effectiveLr: Number.NaN } : { norm: norm / predicted.norm, angle: angle / predicted.angle, effectiveLr: effectiveLr / predicted.effectiveLr };
  return {
    name: first.name,
    numel: first.numel,
    scaleInvariant: first.scaleInvariant,
    norm,
    angle,
    effectiveLr,
    normDrift: mean((l) => l.late.normDrift),
    updateRms: measuredUpdateRms(lr, first.numel, norm, angle),
    predicted,
    ratio,
    angleWithin: Math.abs(ratio.angle - 1) <= ANGLE_TOLERANCE,
    normWithin: ratio.norm >= 1 / NORM_FACTOR && ratio.norm <= NORM_FACTOR,
  };
}

/** The analysis of the finished runs plus the scale-invariance check. */
export function analyzeEquilibrium(runs: readonly EquilibriumRunInput[], scaleChecks: readonly ScaleCheck[], contrastChecks: readonly ScaleCheck[] = []): EquilibriumAnalysis {
  const decays = sortedUnique(runs.map((r) => r.weightDecay)).map((weightDecay): DecayResult => {
    const own = runs.filter((r) => r.weightDecay === weightDecay);
    const { lr, beta1 } = own[0]!;
    const names = own[0]!.layers.map((l) => l.name);
    return {
      weightDecay,
      lr,
      beta1,
      runs: own.length,
      lateFrom: Math.min(...own.flatMap((r) => r.layers.map((l) => l.late.from))),
      layers: names.map((name) => layerResult(lr, weightDecay, beta1, own.flatMap((r) => r.layers.filter((l) => l.name === name)))),
      trainLoss: finiteMean(own.map((r) => r.trainLoss)),
      testAccuracy: finiteMean(own.map((r) => r.testAccuracy)),
    };
  });
  const beta1 = runs[0]?.beta1;
  return { decays, scaleChecks: [...scaleChecks], contrastChecks: [...contrastChecks], angleTolerance: ANGLE_TOLERANCE, normFactor: NORM_FACTOR, predictedUpdateRms: beta1 === undefined ? Number.NaN : adamUpdateRms(beta1) };
}
