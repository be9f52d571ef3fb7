import { describe, expect, it } from 'vitest';
import { analyzeEquilibrium, type EquilibriumRunInput, type LayerInput } from './analysis.js';
import type { ScaleCheck } from './scale-invariance.js';
import { adamwEquilibriumAngle, adamwEquilibriumNorm } from './theory.js';
import { equilibriumVerdict } from './verdict.js';

const LR = 0.01;
const B1 = 0.9;

/** A layer at `normRatio`/`angleRatio` times the equilibrium (or absolute values when not scale-invariant). */
function layer(name: string, numel: number, wd: number, normRatio: number, angleRatio: number, scaleInvariant = true): LayerInput {
  const norm = normRatio * adamwEquilibriumNorm(LR, wd, numel);
  return { name, numel, scaleInvariant, late: { from: 300, norm, angle: angleRatio * adamwEquilibriumAngle(LR, wd, B1), effectiveLr: LR / (norm * norm), normDrift: 0.01 } };
}

function run(wd: number, ratios: readonly [number, number][]): EquilibriumRunInput {
  return {
    weightDecay: wd,
    lr: LR,
    beta1: B1,
    layers: [layer('a.weight', 1000, wd, ...ratios[0]!), layer('b.weight', 4000, wd, ...ratios[1]!), layer('out.weight', 100, wd, 3, 0.3, false)],
    trainLoss: 0.2,
    testAccuracy: 0.8,
  };
}

const CHECKS: ScaleCheck[] = [{ param: 'a.weight', c: 4, outputChange: 1e-6, gradScale: 0.25, gradCosine: 1, radial: 1e-8 }];

describe('layernorm-equilibrium analysis', () => {
  it('compares late means with the predictions, over seeds', () => {
    const a = analyzeEquilibrium([run(0.1, [[0.8, 1.1], [0.9, 0.9]]), run(0.1, [[0.6, 1.3], [0.9, 0.9]]), run(1, [[0.7, 1], [0.8, 1.05]])], CHECKS);
    expect(a.decays.map((d) => [d.weightDecay, d.runs])).toEqual([[0.1, 2], [1, 1]]);
    const [a1, b1, out] = a.decays[0]!.layers;
    expect(a1!.ratio.norm).toBeCloseTo(0.7, 12);
    expect(a1!.ratio.angle).toBeCloseTo(1.2, 12);
    expect(a1!.angleWithin).toBe(true);
    expect(b1!.ratio.effectiveLr).toBeCloseTo(1 / 0.81, 12);
    expect(b1!.updateRms).toBeCloseTo(0.81 * a.predictedUpdateRms, 12);
    expect(out!.predicted).toBeNull();
    expect(out!.ratio.angle).toBeNaN();
    expect(a.predictedUpdateRms).toBeCloseTo(Math.sqrt(0.1 / 1.9), 12);
  });
});

describe('layernorm-equilibrium verdict', () => {
  it('reports agreement, balance, norm scaling and the contrast from the numbers', () => {
    const v = equilibriumVerdict(analyzeEquilibrium([run(0.1, [[0.8, 1.1], [0.9, 0.95]]), run(1, [[0.7, 1], [0.8, 1.05]])], CHECKS));
    expect(v).toMatchObject({ anglesWithin: 4, normsWithin: 4, invariantLayers: 4 });
    const text = v.sentences.join(' ');
    expect(text).toContain('Every scale-invariant layer\'s angular update is within ±30% of the equilibrium prediction (4 of 4).');
    expect(text).toContain('Rotation is balanced across layers (within 1.5×): at each λ the largest angular update is 1.16× the smallest (λ=0.1), 1.05× the smallest (λ=1)');
    expect(text).toContain('4 of 4 norms are within ×÷2 of √(ηC/2λ) (0.700×–0.900×)');
    expect(text).toContain('Larger λ, smaller weights');
    expect(text).toContain('(predicted 0.316× = √(λ₁/λ₂))');
    expect(text).toContain('rotates 0.00308 rad per step at λ=0.1 (0.300× the scale-invariant prediction)');
    expect(text).toContain('Scale invariance, measured: scaling a LayerNorm-preceded weight by c ∈ {4}');
  });

  it('changes when the numbers change', () => {
    const off = equilibriumVerdict(analyzeEquilibrium([run(0.1, [[3, 2], [0.9, 0.95]]), run(1, [[10, 1], [0.8, 1.05]])], []));
    expect(off.anglesWithin).toBe(3);
    expect(off.normsWithin).toBe(2);
    const text = off.sentences.join(' ');
    expect(text).toContain('3 of 4 scale-invariant layer angular updates are within ±30% of the prediction; the rest: a.weight 2.00×.');
    expect(text).toContain('Rotation is not balanced across layers');
    expect(text).toContain('Not every layer is smaller at the larger λ');
    expect(text).not.toContain('Scale invariance, measured');
    expect(equilibriumVerdict(analyzeEquilibrium([], [])).sentences).toEqual(['No finished run with a scale-invariant layer.']);
  });
});
