/**
 * SequentialLR beyond the PyTorch fixtures: its checks, the group reset on construction, and state dicts
 * that carry the children's states.
 */
import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../tensor/errors.js';
import { ConstantLR } from './constant-lr.js';
import { CosineAnnealingLR } from './cosine-annealing-lr.js';
import { ExponentialLR } from './exponential-lr.js';
import { LinearLR } from './linear-lr.js';
import { SequentialLR } from './sequential-lr.js';
import { fakeOptimizer } from './test-support/fake-optimizer.js';
import type { SchedulableOptimizer } from './types.js';

function warmupThenCosine(optimizer: SchedulableOptimizer): SequentialLR {
  return new SequentialLR(optimizer, {
    schedulers: [new LinearLR(optimizer, { startFactor: 0.1, totalIters: 4 }), new CosineAnnealingLR(optimizer, { tMax: 10 })],
    milestones: [4],
  });
}

describe('SequentialLR', () => {
  it('resets the lr to initialLr and redoes only the first scheduler\'s initial step', () => {
    const optimizer = fakeOptimizer('SGD', [{ lr: 0.1 }]);
    const scheduler = warmupThenCosine(optimizer);
    expect(optimizer.paramGroups[0]!.lr).toBeCloseTo(0.01, 17);
    expect(scheduler.getLastLr()).toEqual([optimizer.paramGroups[0]!.lr]);
    expect(scheduler.lastEpoch).toBe(0);
  });

  it('refuses schedulers of another optimizer, of another target, and unsorted milestones', () => {
    const a = fakeOptimizer('SGD', [{ lr: 0.1 }]);
    const b = fakeOptimizer('SGD', [{ lr: 0.1 }]);
    const mixed = () => new SequentialLR(a, { schedulers: [new ConstantLR(a), new ExponentialLR(b, { gamma: 0.9 })], milestones: [2] });
    expect(mixed).toThrow(ArgumentError);
    expect(mixed).toThrow(/schedulers\[1\] belongs to another/);
    const targets = () =>
      new SequentialLR(a, { schedulers: [new ConstantLR(a), new ExponentialLR(a, { gamma: 0.9, target: 'weightDecay' })], milestones: [2] });
    expect(targets).toThrow(/same target/);
    const unsorted = () =>
      new SequentialLR(a, { schedulers: [new ConstantLR(a), new ConstantLR(a), new ConstantLR(a)], milestones: [5, 2] });
    expect(unsorted).toThrow(expect.objectContaining({ argument: 'milestones' }));
  });

  it('restores its state and its children\'s, then continues identically across the milestone', () => {
    const a = fakeOptimizer('SGD', [{ lr: 0.1 }]);
    const original = warmupThenCosine(a);
    for (let t = 0; t < 3; t++) original.step();
    const saved = JSON.parse(JSON.stringify(original.stateDict()));
    const b = fakeOptimizer('SGD', [{ lr: 0.1 }]);
    const restored = warmupThenCosine(b);
    b.paramGroups[0]!.lr = a.paramGroups[0]!.lr;
    restored.loadStateDict(saved);
    for (let t = 0; t < 12; t++) {
      original.step();
      restored.step();
      expect(b.paramGroups[0]!.lr).toBe(a.paramGroups[0]!.lr);
      expect(restored.getLastLr()).toEqual(original.getLastLr());
    }
    expect(() => restored.loadStateDict({ ...saved, schedulers: [saved.schedulers[0]] })).toThrow(expect.objectContaining({ key: 'schedulers' }));
  });
});
