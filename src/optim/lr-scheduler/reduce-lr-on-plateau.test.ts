/**
 * ReduceLROnPlateau beyond the PyTorch fixtures: tensor metrics, the four improvement rules at their
 * boundaries, NaN metrics, the weightDecay target, and state dicts (Infinity included).
 */
import { describe, expect, it } from 'vitest';
import { tensor } from '../../tensor/creation.js';
import { SchedulerStateError } from './errors.js';
import { ReduceLROnPlateau } from './reduce-lr-on-plateau.js';
import { fakeOptimizer } from './test-support/fake-optimizer.js';

describe('ReduceLROnPlateau', () => {
  it('takes a one-element tensor as the metric (PyTorch: float(metrics))', () => {
    const optimizer = fakeOptimizer('SGD', [{ lr: 0.1 }]);
    const scheduler = new ReduceLROnPlateau(optimizer, { patience: 0, factor: 0.5 });
    scheduler.step(tensor(2.0));
    expect(scheduler.best).toBe(2);
    scheduler.step(tensor([3.0]));
    expect(optimizer.paramGroups[0]!.lr).toBe(0.05);
  });

  it('applies the four improvement rules with strict inequalities', () => {
    const optimizer = fakeOptimizer('SGD', [{ lr: 0.1 }]);
    const make = (mode: 'min' | 'max', thresholdMode: 'rel' | 'abs') => new ReduceLROnPlateau(optimizer, { mode, thresholdMode, threshold: 0.5 });
    expect(make('min', 'rel').isBetter(5, 10)).toBe(false); // needs < 10·0.5
    expect(make('min', 'rel').isBetter(4.9, 10)).toBe(true);
    expect(make('min', 'abs').isBetter(9.5, 10)).toBe(false); // needs < 10 − 0.5
    expect(make('min', 'abs').isBetter(9.4, 10)).toBe(true);
    expect(make('max', 'rel').isBetter(15, 10)).toBe(false); // needs > 10·1.5
    expect(make('max', 'rel').isBetter(15.1, 10)).toBe(true);
    expect(make('max', 'abs').isBetter(10.5, 10)).toBe(false); // needs > 10 + 0.5
    expect(make('max', 'abs').isBetter(10.6, 10)).toBe(true);
  });

  it('counts a NaN metric as a bad epoch', () => {
    const optimizer = fakeOptimizer('SGD', [{ lr: 0.1 }]);
    const scheduler = new ReduceLROnPlateau(optimizer, { patience: 1 });
    scheduler.step(1);
    scheduler.step(Number.NaN);
    expect(scheduler.numBadEpochs).toBe(1);
    scheduler.step(Number.NaN);
    expect(optimizer.paramGroups[0]!.lr).toBeCloseTo(0.01, 15);
    expect(scheduler.best).toBe(1);
  });

  it("with target 'weightDecay' it reduces λ, not the lr", () => {
    const optimizer = fakeOptimizer('SGD', [{ lr: 0.1, weightDecay: 0.2 }]);
    const scheduler = new ReduceLROnPlateau(optimizer, { patience: 0, factor: 0.5, target: 'weightDecay' });
    expect(scheduler.getLastLr()).toEqual([0.2]);
    scheduler.step(1);
    scheduler.step(1);
    expect(optimizer.paramGroups[0]).toMatchObject({ lr: 0.1, weightDecay: 0.1 });
    expect(scheduler.getLastLr()).toEqual([0.1]);
  });

  it('restores a state dict (best = Infinity before any step) and continues identically', () => {
    const metrics = [3, 2, 2, 2, 2, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5];
    const a = fakeOptimizer('SGD', [{ lr: 0.1 }, { lr: 0.2 }]);
    const b = fakeOptimizer('SGD', [{ lr: 0.1 }, { lr: 0.2 }]);
    const options = { patience: 1, cooldown: 1, factor: 0.5, minLr: [0.01, 0.02] } as const;
    const original = new ReduceLROnPlateau(a, options);
    expect(original.stateDict()['best']).toBe(Infinity);
    for (const m of metrics.slice(0, 5)) original.step(m);
    const restored = new ReduceLROnPlateau(b, { mode: 'max' });
    b.paramGroups.forEach((g, i) => (g.lr = a.paramGroups[i]!.lr));
    restored.loadStateDict(original.stateDict());
    expect(restored.stateDict()).toEqual(original.stateDict());
    for (const m of metrics.slice(5)) {
      original.step(m);
      restored.step(m);
      expect(b.paramGroups.map((g) => g.lr)).toEqual(a.paramGroups.map((g) => g.lr));
    }
  });

  it('refuses a malformed state dict without changing anything', () => {
    const optimizer = fakeOptimizer('SGD', [{ lr: 0.1 }]);
    const scheduler = new ReduceLROnPlateau(optimizer);
    const before = scheduler.stateDict();
    expect(() => scheduler.loadStateDict({ ...before, mode: 'median' })).toThrow(SchedulerStateError);
    expect(() => scheduler.loadStateDict({ ...before, minLrs: [0, 0] })).toThrow(expect.objectContaining({ key: 'minLrs' }));
    expect(scheduler.stateDict()).toEqual(before);
  });
});
