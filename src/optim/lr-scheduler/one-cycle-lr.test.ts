/**
 * OneCycleLR beyond the lr numbers the PyTorch fixtures pin: the values it stores in each group, where
 * momentum lives (momentum vs betas[0]), and the errors PyTorch raises (no momentum to cycle, stepping
 * past totalSteps, a zero-length phase).
 */
import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../tensor/errors.js';
import { SchedulerStepError } from './errors.js';
import { OneCycleLR } from './one-cycle-lr.js';
import { annealCos, annealLinear, oneCyclePhases } from './one-cycle-phases.js';
import { fakeOptimizer } from './test-support/fake-optimizer.js';
import type { SchedulableOptimizer } from './types.js';

describe('OneCycleLR', () => {
  it('stores initialLr, maxLr, minLr and the momentum bounds in each group, as PyTorch does', () => {
    const optimizer = fakeOptimizer('SGD', [{ lr: 0.1, momentum: 0.5, initialLr: 7 }, { lr: 0.1 }]);
    new OneCycleLR(optimizer, { maxLr: [1, 0.5], totalSteps: 10, divFactor: 4, finalDivFactor: 100, baseMomentum: 0.8, maxMomentum: [0.9, 0.99] });
    const [a, b] = optimizer.paramGroups;
    expect(a).toMatchObject({ initialLr: 0.25, maxLr: 1, minLr: 0.0025, maxMomentum: 0.9, baseMomentum: 0.8, lr: 0.25, momentum: 0.9 });
    expect(b).toMatchObject({ initialLr: 0.125, maxLr: 0.5, minLr: 0.00125, maxMomentum: 0.99, baseMomentum: 0.8, lr: 0.125, momentum: 0.99 });
  });

  it('cycles betas[0] of an Adam-like optimizer and keeps betas[1]', () => {
    const optimizer = fakeOptimizer('Adam', [{ lr: 0.001 }]);
    const scheduler = new OneCycleLR(optimizer, { maxLr: 0.01, totalSteps: 10, pctStart: 0.5, annealStrategy: 'linear', baseMomentum: 0.8, maxMomentum: 0.9 });
    const seen: number[] = [];
    for (let t = 0; t < 10; t++) {
      const betas = optimizer.paramGroups[0]!.betas!;
      expect(betas[1]).toBe(0.999);
      seen.push(betas[0]);
      scheduler.step();
    }
    // linear: 0.9 → 0.8 over steps 0..4 (end step 4), then back to 0.9 at step 9
    expect(seen[0]).toBeCloseTo(0.9, 15);
    expect(seen[4]).toBeCloseTo(0.8, 15);
    expect(seen[9]).toBeCloseTo(0.9, 15);
    expect(optimizer.paramGroups[0]!.momentum).toBeUndefined();
  });

  it('refuses cycleMomentum when the optimizer has neither momentum nor betas', () => {
    const optimizer: SchedulableOptimizer = { paramGroups: [{ lr: 0.1, weightDecay: 0 }], defaults: { lr: 0.1 } };
    expect(() => new OneCycleLR(optimizer, { maxLr: 1, totalSteps: 10 })).toThrow(expect.objectContaining({ argument: 'cycleMomentum' }));
    expect(() => new OneCycleLR(optimizer, { maxLr: 1, totalSteps: 10 })).toThrow(ArgumentError);
    expect(optimizer.paramGroups[0]).toEqual({ lr: 0.1, weightDecay: 0 });
    const scheduler = new OneCycleLR(optimizer, { maxLr: 1, totalSteps: 10, cycleMomentum: false });
    expect(scheduler.getLastLr()).toEqual([0.040000000000000036]); // PyTorch's first value, bit for bit (lr_schedulers.json)
  });

  it('steps up to totalSteps and throws SchedulerStepError after', () => {
    const optimizer = fakeOptimizer('SGD', [{ lr: 0.1, momentum: 0.9 }]);
    const scheduler = new OneCycleLR(optimizer, { maxLr: 1, totalSteps: 5 });
    for (let t = 0; t < 5; t++) scheduler.step();
    expect(scheduler.lastEpoch).toBe(5);
    let thrown: unknown = null;
    try {
      scheduler.step();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(SchedulerStepError);
    expect(thrown).toMatchObject({ step: 6 });
    expect((thrown as Error).message).toBe('Tried to step 7 times. The specified number of total steps is 5');
  });

  it('a zero-length phase throws where PyTorch divides by zero', () => {
    const optimizer = fakeOptimizer('SGD', [{ lr: 0.1, momentum: 0.9 }]);
    // pctStart·total − 1 = 0: the warm-up phase is the single step 0, so pct = 0/0
    expect(() => new OneCycleLR(optimizer, { maxLr: 1, totalSteps: 2, pctStart: 0.5 })).toThrow(SchedulerStepError);
  });

  it('epochs × stepsPerEpoch gives the same schedule as totalSteps', () => {
    const a = fakeOptimizer('SGD', [{ lr: 0.1, momentum: 0.9 }]);
    const b = fakeOptimizer('SGD', [{ lr: 0.1, momentum: 0.9 }]);
    const byTotal = new OneCycleLR(a, { maxLr: 0.3, totalSteps: 12 });
    const byEpochs = new OneCycleLR(b, { maxLr: 0.3, epochs: 3, stepsPerEpoch: 4 });
    for (let t = 0; t < 12; t++) {
      expect(b.paramGroups[0]!.lr).toBe(a.paramGroups[0]!.lr);
      byTotal.step();
      byEpochs.step();
    }
  });
});

describe('OneCycleLR phases and annealing', () => {
  it("builds PyTorch's phase end steps", () => {
    expect(oneCyclePhases(100, 0.3, false).map((p) => p.endStep)).toEqual([29, 99]);
    expect(oneCyclePhases(100, 0.25, true).map((p) => [p.endStep, p.startLr, p.endLr])).toEqual([
      [24, 'initialLr', 'maxLr'],
      [48, 'maxLr', 'initialLr'],
      [99, 'initialLr', 'minLr'],
    ]);
  });

  it('anneals from start (pct 0) to end (pct 1), half way at pct 0.5', () => {
    expect(annealCos(1, 3, 0)).toBe(1);
    expect(annealCos(1, 3, 1)).toBe(3);
    expect(annealCos(1, 3, 0.5)).toBeCloseTo(2, 15);
    expect(annealLinear(1, 3, 0.25)).toBe(1.5);
  });
});
