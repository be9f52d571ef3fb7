import { describe, expect, it } from 'vitest';
import { AdamW } from '../../../optim/index.js';
import { randn } from '../../../tensor/random/distributions.js';
import { Generator } from '../../../tensor/random/generator.js';
import { Tensor } from '../../../tensor/tensor.js';
import { angleBetween } from '../../run/trace.js';
import {
  adamUpdateRms,
  adamwEquilibriumAngle,
  adamwEquilibriumEffectiveLr,
  adamwEquilibriumNorm,
  effectiveLr,
  measuredUpdateRms,
  sgdmEquilibriumAngle,
} from './theory.js';

describe('equilibrium formulas', () => {
  it('evaluate the closed forms', () => {
    expect(adamwEquilibriumNorm(0.01, 0.1, 1000)).toBeCloseTo(Math.sqrt(50), 12);
    expect(adamwEquilibriumAngle(0.01, 0.1, 0.9)).toBeCloseTo(Math.sqrt((2 * 0.001 * 0.1) / 1.9), 12);
    expect(adamwEquilibriumAngle(0.01, 0.1, 0)).toBeCloseTo(Math.sqrt(0.002), 12);
    expect(sgdmEquilibriumAngle(0.1, 5e-4, 0.9)).toBeCloseTo(Math.sqrt(1e-4 / 1.9), 12);
    expect(effectiveLr(0.01, 2)).toBeCloseTo(0.0025, 12);
    // η/‖ω̂‖² = 2λ/C: the equilibrium effective learning rate does not depend on η.
    expect(effectiveLr(0.03, adamwEquilibriumNorm(0.03, 0.5, 400))).toBeCloseTo(adamwEquilibriumEffectiveLr(0.5, 400), 12);
    expect(adamUpdateRms(0.9)).toBeCloseTo(Math.sqrt(0.1 / 1.9), 12);
    // The angle is the per-step update norm over the equilibrium norm.
    const [lr, wd, c, b1] = [0.01, 0.3, 500, 0.9];
    expect(measuredUpdateRms(lr, c, adamwEquilibriumNorm(lr, wd, c), adamwEquilibriumAngle(lr, wd, b1))).toBeCloseTo(adamUpdateRms(b1), 12);
  });

  it("hold for this library's AdamW on the random walk the paper models", () => {
    // No momentum: exact to within 2%.
    const plain = randomWalk(2000, 0.01, 1, 0, 1500);
    expect(Math.abs(plain.norm - 1)).toBeLessThan(0.02);
    expect(Math.abs(plain.angle - 1)).toBeLessThan(0.02);
    // With momentum the formulas are first order in ηλ/(1 − β₁): within 3% at ηλ = 0.001, β₁ = 0.9.
    const momentum = randomWalk(2000, 0.01, 0.1, 0.9, 6000);
    expect(Math.abs(momentum.norm - 1)).toBeLessThan(0.03);
    expect(Math.abs(momentum.angle - 1)).toBeLessThan(0.03);
  });
});

/**
 * AdamW on the paper's random walk — gradients orthogonal to the vector, independent between steps,
 * of a stationary size — from a random start; the mean norm and angle over the last two thirds of
 * the steps, as ratios to the predictions.
 */
function randomWalk(C: number, lr: number, wd: number, beta1: number, steps: number): { norm: number; angle: number } {
  const gen = new Generator(7);
  const w = new Tensor(randn([C], { generator: gen }).data, [C], { requiresGrad: true });
  const opt = new AdamW([w], { lr, weightDecay: wd, betas: [beta1, 0.999] });
  let norms = 0;
  let angles = 0;
  let n = 0;
  for (let t = 0; t < steps; t++) {
    const g = randn([C], { generator: gen, dtype: 'float64' }).data;
    let dot = 0;
    let ww = 0;
    for (let i = 0; i < C; i++) {
      dot += g[i]! * w.data[i]!;
      ww += w.data[i]! * w.data[i]!;
    }
    const grad = new Float32Array(C);
    for (let i = 0; i < C; i++) grad[i] = g[i]! - (dot / ww) * w.data[i]!;
    w.grad = new Tensor(grad, [C]);
    const before = Float64Array.from(w.data);
    opt.step();
    if (t >= steps / 3) {
      angles += angleBetween(before, w.data);
      let ss = 0;
      for (let i = 0; i < C; i++) ss += w.data[i]! * w.data[i]!;
      norms += Math.sqrt(ss);
      n++;
    }
  }
  return { norm: norms / n / adamwEquilibriumNorm(lr, wd, C), angle: angles / n / adamwEquilibriumAngle(lr, wd, beta1) };
}
