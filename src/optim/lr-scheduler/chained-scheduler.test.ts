/**
 * ChainedScheduler beyond the PyTorch fixtures: construction steps nothing, its checks, nesting and
 * state dicts.
 */
import { describe, expect, it } from 'vitest';
import { ChainedScheduler } from './chained-scheduler.js';
import { ConstantLR } from './constant-lr.js';
import { ExponentialLR } from './exponential-lr.js';
import { LinearLR } from './linear-lr.js';
import { SequentialLR } from './sequential-lr.js';
import { StepLR } from './step-lr.js';
import { fakeOptimizer } from './test-support/fake-optimizer.js';

describe('ChainedScheduler', () => {
  it('steps nothing on construction and multiplies the children\'s factors on each step', () => {
    const optimizer = fakeOptimizer('SGD', [{ lr: 1 }]);
    const constant = new ConstantLR(optimizer, { factor: 0.5, totalIters: 2 });
    const exponential = new ExponentialLR(optimizer, { gamma: 0.5 });
    const chained = new ChainedScheduler([constant, exponential]);
    const seen = [optimizer.paramGroups[0]!.lr];
    for (let t = 0; t < 3; t++) {
      chained.step();
      seen.push(optimizer.paramGroups[0]!.lr);
    }
    expect(seen).toEqual([0.5, 0.25, 0.25, 0.125]); // 0.5·0.5, then /0.5·0.5 at totalIters, then ·0.5
    expect(chained.getLastLr()).toEqual([0.125]);
  });

  it('refuses schedulers of different optimizers or targets', () => {
    const a = fakeOptimizer('SGD', [{ lr: 1 }]);
    const b = fakeOptimizer('SGD', [{ lr: 1 }]);
    expect(() => new ChainedScheduler([new StepLR(a, { stepSize: 1 }), new StepLR(b, { stepSize: 1 })])).toThrow(expect.objectContaining({ argument: 'schedulers' }));
    expect(() => new ChainedScheduler([new StepLR(a, { stepSize: 1 }), new StepLR(a, { stepSize: 1, target: 'weightDecay' })])).toThrow(/same target/);
  });

  it('chains a SequentialLR and restores nested state dicts', () => {
    const build = () => {
      const optimizer = fakeOptimizer('SGD', [{ lr: 0.1 }, { lr: 0.05 }]);
      const sequential = new SequentialLR(optimizer, {
        schedulers: [new LinearLR(optimizer, { startFactor: 0.5, totalIters: 3 }), new ExponentialLR(optimizer, { gamma: 0.8 })],
        milestones: [3],
      });
      const chained = new ChainedScheduler([sequential, new StepLR(optimizer, { stepSize: 4, gamma: 0.5 })]);
      return { optimizer, chained };
    };
    const a = build();
    for (let t = 0; t < 5; t++) a.chained.step();
    const b = build();
    b.optimizer.paramGroups.forEach((g, i) => (g.lr = a.optimizer.paramGroups[i]!.lr));
    b.chained.loadStateDict(JSON.parse(JSON.stringify(a.chained.stateDict())));
    for (let t = 0; t < 8; t++) {
      a.chained.step();
      b.chained.step();
      expect(b.optimizer.paramGroups.map((g) => g.lr)).toEqual(a.optimizer.paramGroups.map((g) => g.lr));
    }
  });
});
