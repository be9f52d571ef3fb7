import { describe, expect, it } from 'vitest';
import { analyzeCoupled, argBest, type CoupledRunInput, decadeOf, gridStepOf, spreadOf } from './analysis.js';
import type { CoupledOptimizer } from './plan.js';

const LRS = [0.001, 0.01, 0.1];
const WDS = [0, 0.001, 0.01, 0.1, 1];

/** A grid whose validation loss is a parabola in log10 λ around `best(optimizer, lr)` (λ = 0 is worst). */
function grid(best: (optimizer: CoupledOptimizer, lr: number) => number, seeds = 2): CoupledRunInput[] {
  const runs: CoupledRunInput[] = [];
  for (const optimizer of ['adam', 'adamw'] as const) {
    for (const lr of LRS) {
      for (const weightDecay of WDS) {
        for (let s = 0; s < seeds; s++) {
          const d = weightDecay === 0 ? 3 : Math.log10(weightDecay) - Math.log10(best(optimizer, lr));
          runs.push({ optimizer, lr, weightDecay, valLoss: 0.2 + 0.05 * d * d + (weightDecay === 0 ? 0 : 0.001 * s), valAccuracy: 0.9, diverged: false });
        }
      }
    }
  }
  return runs;
}

describe('coupled-vs-decoupled analysis', () => {
  it('measures grid steps and decades, placing λ = 0 one step below the grid', () => {
    expect(gridStepOf(WDS)).toBeCloseTo(1, 12);
    expect(gridStepOf([0, 1e-5, 3e-5, 1e-4])).toBeCloseTo(Math.log10(3e-5) - Math.log10(1e-5), 12);
    expect(decadeOf(0.01, WDS, 1)).toBeCloseTo(-2, 12);
    expect(decadeOf(0, WDS, 1)).toBeCloseTo(-4, 12);
    expect(spreadOf([-2, -3, Number.NaN, -2.5])).toBeCloseTo(1, 12);
    expect(spreadOf([-2])).toBe(0);
    expect(argBest([0.3, 0.2, Number.NaN, 0.2, Infinity])).toBe(1);
    expect(argBest([Number.NaN, Infinity])).toBe(-1);
  });

  it('finds the best λ of each learning rate from the mean over seeds', () => {
    const a = analyzeCoupled(grid((o, lr) => (o === 'adam' ? lr : 0.1)));
    expect(a.lrs).toEqual(LRS);
    expect(a.weightDecays).toEqual(WDS);
    const [adam, adamw] = a.grids;
    expect(adam!.best.map((b) => b.weightDecay)).toEqual([0.001, 0.01, 0.1]);
    expect(adamw!.best.map((b) => b.weightDecay)).toEqual([0.1, 0.1, 0.1]);
    expect(adam!.spread).toBeCloseTo(2, 12);
    expect(adamw!.spread).toBe(0);
    expect(adamw!.spreadPerStep).toBeCloseTo(2, 12);
    expect(adam!.valLoss[0]![1]).toBeCloseTo(0.2005, 12);
    expect(adam!.best[0]!.valLossAtZero).toBeCloseTo(0.2 + 0.05 * 9, 12);
    expect(a.zeroDecayDifference).toBe(0);
  });

  it('counts a diverged seed as an infinitely bad cell and a missing one as unknown', () => {
    const runs = grid(() => 0.01).map((r) => (r.optimizer === 'adam' && r.lr === 0.1 && r.weightDecay === 0.01 ? { ...r, diverged: true, valLoss: Number.NaN } : r));
    const missing = runs.filter((r) => !(r.optimizer === 'adamw' && r.lr === 0.001 && r.weightDecay === 1));
    const a = analyzeCoupled(missing);
    expect(a.grids[0]!.valLoss[2]![2]).toBe(Infinity);
    expect(a.grids[0]!.best[2]!.weightDecay).not.toBe(0.01);
    expect(a.grids[1]!.valLoss[0]![4]).toBeNaN();
    expect(a.diverged).toBe(2);
  });
});
