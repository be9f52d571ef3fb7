/**
 * Decoupled decay follows the lr by default (PyTorch's lr·λ): proven on decaylab's real AdamW with a zero
 * gradient, where the step is decay alone, under an lr schedule and under a λ schedule of its own.
 */
import { describe, expect, it } from 'vitest';
import { tensor } from '../../tensor/creation.js';
import { AdamW } from '../index.js';
import { CosineAnnealingLR } from '../lr-scheduler/cosine-annealing-lr.js';
import { ExponentialLR } from '../lr-scheduler/exponential-lr.js';
import { decoupledDecayFactor, decoupledDecayRate, type DecayStepValues } from './decoupled-decay.js';

function zeroGradRun(steps: number, stepSchedulers: () => void, optimizer: AdamW, w: ReturnType<typeof tensor>): DecayStepValues[] {
  const seen: DecayStepValues[] = [];
  for (let t = 0; t < steps; t++) {
    const g = optimizer.paramGroups[0]!;
    seen.push({ lr: g.lr, weightDecay: g.weightDecay });
    w.grad = tensor([0, 0], { dtype: 'float64' });
    optimizer.step();
    stepSchedulers();
  }
  return seen;
}

describe('decoupled decay and schedules', () => {
  it('decoupledDecayRate is lr·λ and decoupledDecayFactor multiplies (1 − lr·λ)', () => {
    expect(decoupledDecayRate({ lr: 0.01, weightDecay: 0.1 })).toBeCloseTo(0.001, 18);
    expect(decoupledDecayFactor([{ lr: 0.5, weightDecay: 0.5 }, { lr: 0.5, weightDecay: 1 }])).toBe(0.75 * 0.5);
    expect(decoupledDecayFactor([])).toBe(1);
  });

  it('by default the decay follows the lr schedule: w_T = w_0·Π(1 − lr_t·λ)', () => {
    const w = tensor([2, -3], { dtype: 'float64', requiresGrad: true });
    const optimizer = new AdamW([w], { lr: 0.1, weightDecay: 0.5 });
    const scheduler = new ExponentialLR(optimizer, { gamma: 0.8 });
    const seen = zeroGradRun(12, () => scheduler.step(), optimizer, w);
    expect(seen.map((s) => s.weightDecay)).toEqual(Array(12).fill(0.5));
    const factor = decoupledDecayFactor(seen);
    expect(factor).toBeCloseTo(Array.from({ length: 12 }, (_, t) => 1 - 0.1 * 0.8 ** t * 0.5).reduce((a, b) => a * b), 15);
    expect(w.data[0]).toBeCloseTo(2 * factor, 14);
    expect(w.data[1]).toBeCloseTo(-3 * factor, 14);
  });

  it("with its own schedule (target 'weightDecay') the decay per step is lr_t·λ_t", () => {
    const w = tensor([1, 4], { dtype: 'float64', requiresGrad: true });
    const optimizer = new AdamW([w], { lr: 0.05, weightDecay: 0.4 });
    const lrSchedule = new CosineAnnealingLR(optimizer, { tMax: 10 });
    const wdSchedule = new ExponentialLR(optimizer, { gamma: 0.5, target: 'weightDecay' });
    const seen = zeroGradRun(
      10,
      () => {
        lrSchedule.step();
        wdSchedule.step();
      },
      optimizer,
      w,
    );
    seen.forEach((s, t) => {
      expect(s.weightDecay).toBeCloseTo(0.4 * 0.5 ** t, 17);
      expect(s.lr).toBeCloseTo((0.05 * (1 + Math.cos((Math.PI * t) / 10))) / 2, 15);
    });
    expect(w.data[1]).toBeCloseTo(4 * decoupledDecayFactor(seen), 14);
    expect(optimizer.paramGroups[0]!.initialWeightDecay).toBe(0.4);
  });
});
