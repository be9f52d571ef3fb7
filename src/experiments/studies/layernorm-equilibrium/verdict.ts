/**
 * The verdict of `layernorm-equilibrium`, computed from the analysis: how close the late angular
 * updates and norms of the scale-invariant layers come to the AdamW equilibrium, how balanced the
 * rotation is across layers of different sizes, how the norms scale between λs, what the output
 * layer (not scale-invariant) does, and what the scale-invariance check measured.
 */
import { formatNumber } from '../../analysis/format.js';
import { gridValue } from '../shared/html.js';
import type { DecayResult, EquilibriumAnalysis, LayerResult } from './analysis.js';

/** Angular updates of the scale-invariant layers within this factor of each other count as balanced. */
export const BALANCE_FACTOR = 1.5;

/** The verdict's facts and sentences. */
export interface EquilibriumVerdict {
  /** Scale-invariant (layer, λ) pairs whose angle is within the tolerance, out of all. */
  readonly anglesWithin: number;
  readonly normsWithin: number;
  readonly invariantLayers: number;
  readonly sentences: string[];
}

function ratio(r: number): string {
  return `${formatNumber(r, 3)}×`;
}

function range(values: readonly number[]): string {
  const f = values.filter((v) => Number.isFinite(v));
  if (f.length === 0) return '–';
  const [lo, hi] = [Math.min(...f), Math.max(...f)];
  return lo === hi ? ratio(lo) : `${ratio(lo)}–${ratio(hi)}`;
}

function invariant(d: DecayResult): LayerResult[] {
  return d.layers.filter((l) => l.scaleInvariant);
}

/** The verdict (see the module comment). */
export function equilibriumVerdict(a: EquilibriumAnalysis): EquilibriumVerdict {
  const pairs = a.decays.flatMap(invariant);
  if (pairs.length === 0) return { anglesWithin: 0, normsWithin: 0, invariantLayers: 0, sentences: ['No finished run with a scale-invariant layer.'] };
  const pct = Math.round(a.angleTolerance * 100);
  const sentences: string[] = [];
  const anglesWithin = pairs.filter((l) => l.angleWithin).length;
  const normsWithin = pairs.filter((l) => l.normWithin).length;
  for (const d of a.decays) {
    const inv = invariant(d);
    const p = inv[0]!.predicted!;
    sentences.push(
      `λ=${gridValue(d.weightDecay)} (η=${gridValue(d.lr)}, β₁=${d.beta1}), from step ${d.lateFrom} on: angular update per step ${inv.map((l) => `${l.name} ${formatNumber(l.angle, 3)}`).join(', ')} rad against the predicted √(2ηλ(1−β₁)/(1+β₁)) = ${formatNumber(p.angle, 3)} (${range(inv.map((l) => l.ratio.angle))}); norms ${range(inv.map((l) => l.ratio.norm))} of √(ηC/2λ).`,
    );
  }
  sentences.push(
    anglesWithin === pairs.length
      ? `Every scale-invariant layer's angular update is within ±${pct}% of the equilibrium prediction (${pairs.length} of ${pairs.length}).`
      : `${anglesWithin} of ${pairs.length} scale-invariant layer angular updates are within ±${pct}% of the prediction; the rest: ${pairs.filter((l) => !l.angleWithin).map((l) => `${l.name} ${ratio(l.ratio.angle)}`).join(', ')}.`,
  );
  const spreads = a.decays.map((d) => {
    const angles = invariant(d).map((l) => l.angle);
    const sizes = invariant(d).map((l) => l.numel);
    return { d, factor: Math.max(...angles) / Math.min(...angles), sizes: `${Math.min(...sizes)}–${Math.max(...sizes)}` };
  });
  const balanced = spreads.every((s) => s.factor <= BALANCE_FACTOR);
  const normSpread = Math.max(...a.decays.map((d) => Math.max(...invariant(d).map((l) => l.norm)) / Math.min(...invariant(d).map((l) => l.norm))));
  sentences.push(
    `Rotation is ${balanced ? '' : 'not '}balanced across layers (within ${BALANCE_FACTOR}×): at each λ the largest angular update is ${spreads.map((s) => `${formatNumber(s.factor, 3)}× the smallest (λ=${gridValue(s.d.weightDecay)})`).join(', ')}, for layers of ${spreads[0]!.sizes} weights whose norms differ by up to ${formatNumber(normSpread, 3)}×.`,
  );
  const rms = pairs.map((l) => l.updateRms);
  sentences.push(
    `${normsWithin} of ${pairs.length} norms are within ×÷${a.normFactor} of √(ηC/2λ) (${range(pairs.map((l) => l.ratio.norm))}). The norm prediction assumes each weight's Adam update has RMS √((1−β₁)/(1+β₁)) = ${formatNumber(a.predictedUpdateRms, 3)} per step; measured tangential RMS ‖W‖θ/(η√C): ${formatNumber(Math.min(...rms), 3)}–${formatNumber(Math.max(...rms), 3)}. The angle does not depend on that RMS, the norm does.`,
  );
  if (a.decays.length >= 2) {
    const [lo, hi] = [a.decays[0]!, a.decays[a.decays.length - 1]!];
    const shrink = invariant(lo).map((l) => (invariant(hi).find((h) => h.name === l.name)?.norm ?? Number.NaN) / l.norm);
    const smaller = shrink.every((s) => s < 1);
    sentences.push(
      `${smaller ? 'Larger λ, smaller weights' : 'Not every layer is smaller at the larger λ'}: ‖W‖ at λ=${gridValue(hi.weightDecay)} is ${range(shrink)} of ‖W‖ at λ=${gridValue(lo.weightDecay)} (predicted ${ratio(Math.sqrt(lo.weightDecay / hi.weightDecay))} = √(λ₁/λ₂)).`,
    );
  }
  const sensitive = a.decays.flatMap((d) => d.layers.filter((l) => !l.scaleInvariant && l.name.endsWith('.weight')).map((l) => ({ d, l })));
  if (sensitive.length > 0) {
    sentences.push(
      `The output layer, not followed by LayerNorm and so not scale-invariant, rotates ${sensitive.map(({ d, l }) => `${formatNumber(l.angle, 3)} rad per step at λ=${gridValue(d.weightDecay)} (${ratio(l.angle / invariant(d)[0]!.predicted!.angle)} the scale-invariant prediction)`).join(', ')}.`,
    );
  }
  const checks = a.scaleChecks;
  const contrast = a.contrastChecks[a.contrastChecks.length - 1];
  if (checks.length > 0) {
    const worst = Math.max(...checks.map((c) => c.outputChange));
    const gradErr = Math.max(...checks.map((c) => Math.abs(c.gradScale * c.c - 1)));
    const radial = Math.max(...checks.map((c) => c.radial));
    sentences.push(
      `Scale invariance, measured: scaling a LayerNorm-preceded weight by c ∈ {${[...new Set(checks.map((c) => c.c))].join(', ')}} changed the output by at most ${formatNumber(worst, 2)} of its size (LayerNorm's ε), scaled its gradient by 1/c to within ${formatNumber(gradErr, 2)}, and the gradient was orthogonal to the weight (|cos| ≤ ${formatNumber(radial, 2)}).${
        contrast === undefined ? '' : ` Scaling the output layer's ${contrast.param} by ${contrast.c} instead changed the output by ${formatNumber(contrast.outputChange, 3)} of its size.`
      }`,
    );
  }
  return { anglesWithin, normsWithin, invariantLayers: pairs.length, sentences };
}
