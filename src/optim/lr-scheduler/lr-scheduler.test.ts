/**
 * The LRScheduler base: initialLr bookkeeping (PyTorch's setdefault), resuming, the weightDecay target,
 * getLastLr, and state dicts that restore a schedule exactly and refuse malformed input without changes.
 */
import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../tensor/errors.js';
import { CosineAnnealingLR } from './cosine-annealing-lr.js';
import { CosineAnnealingWarmRestarts } from './cosine-annealing-warm-restarts.js';
import { SchedulerStateError } from './errors.js';
import { ExponentialLR } from './exponential-lr.js';
import { LinearLR } from './linear-lr.js';
import type { LRScheduler } from './lr-scheduler.js';
import { MultiStepLR } from './multi-step-lr.js';
import { OneCycleLR } from './one-cycle-lr.js';
import { PolynomialLR } from './polynomial-lr.js';
import { StepLR } from './step-lr.js';
import { fakeOptimizer } from './test-support/fake-optimizer.js';
import type { SchedulableOptimizer } from './types.js';

function lrs(optimizer: SchedulableOptimizer): number[] {
  return optimizer.paramGroups.map((g) => g.lr);
}

describe('LRScheduler base', () => {
  it('stores initialLr once and takes base values from it (PyTorch setdefault)', () => {
    const optimizer = fakeOptimizer('SGD', [{ lr: 0.1 }, { lr: 0.02 }]);
    const first = new StepLR(optimizer, { stepSize: 2, gamma: 0.5 });
    first.step();
    first.step(); // lr halves
    expect(lrs(optimizer)).toEqual([0.05, 0.01]);
    const second = new ExponentialLR(optimizer, { gamma: 0.9 });
    expect(optimizer.paramGroups.map((g) => g.initialLr)).toEqual([0.1, 0.02]);
    expect(second.baseLrs).toEqual([0.1, 0.02]);
    expect(lrs(optimizer)).toEqual([0.05, 0.01]); // ExponentialLR's epoch 0 keeps the current lr
  });

  it('resuming (lastEpoch ≥ 0) requires initialLr in every group and writes nothing otherwise', () => {
    const optimizer = fakeOptimizer('SGD', [{ lr: 0.1, initialLr: 0.2 }, { lr: 0.03 }]);
    const error = (() => {
      try {
        new StepLR(optimizer, { stepSize: 3, lastEpoch: 4 });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(SchedulerStateError);
    expect(error).toMatchObject({ key: 'initialLr', groupIndex: 1 });
    expect(lrs(optimizer)).toEqual([0.1, 0.03]);
    expect(optimizer.paramGroups[1]!.initialLr).toBeUndefined();
  });

  it('a resumed chainable schedule continues from the current lr', () => {
    const optimizer = fakeOptimizer('SGD', [{ lr: 0.025, initialLr: 0.1 }]);
    const scheduler = new StepLR(optimizer, { stepSize: 3, gamma: 0.5, lastEpoch: 4 });
    expect(scheduler.lastEpoch).toBe(5);
    expect(lrs(optimizer)).toEqual([0.025]);
    scheduler.step(); // epoch 6: a multiple of stepSize
    expect(lrs(optimizer)).toEqual([0.0125]);
  });

  it("target 'weightDecay' schedules λ with the same numbers and leaves the lr alone", () => {
    const lrOptimizer = fakeOptimizer('SGD', [{ lr: 0.3 }]);
    const wdOptimizer = fakeOptimizer('SGD', [{ lr: 0.01, weightDecay: 0.3 }]);
    const onLr = new CosineAnnealingLR(lrOptimizer, { tMax: 7, etaMin: 0.01 });
    const onWd = new CosineAnnealingLR(wdOptimizer, { tMax: 7, etaMin: 0.01, target: 'weightDecay' });
    expect(wdOptimizer.paramGroups[0]!.initialWeightDecay).toBe(0.3);
    expect(wdOptimizer.paramGroups[0]!.initialLr).toBeUndefined();
    for (let t = 0; t < 20; t++) {
      expect(wdOptimizer.paramGroups[0]!.weightDecay).toBe(lrOptimizer.paramGroups[0]!.lr);
      expect(onWd.getLastLr()).toEqual(onLr.getLastLr());
      onLr.step();
      onWd.step();
    }
    expect(wdOptimizer.paramGroups[0]!.lr).toBe(0.01);
    expect(wdOptimizer.paramGroups[0]!.weightDecay).not.toBe(0.3);
  });

  it('rejects an unknown target and a fractional lastEpoch by option name', () => {
    const optimizer = fakeOptimizer('SGD', [{ lr: 0.1 }]);
    // @ts-expect-error: 'momentum' is not a schedule target
    expect(() => new StepLR(optimizer, { stepSize: 1, target: 'momentum' })).toThrow(expect.objectContaining({ argument: 'target' }));
    expect(() => new StepLR(optimizer, { stepSize: 1, lastEpoch: 0.5 })).toThrow(ArgumentError);
    expect(optimizer.paramGroups[0]!.initialLr).toBeUndefined();
  });

  it('getLastLr returns a copy', () => {
    const optimizer = fakeOptimizer('SGD', [{ lr: 0.1 }]);
    const scheduler = new ExponentialLR(optimizer, { gamma: 0.5 });
    scheduler.getLastLr()[0] = 42;
    expect(scheduler.getLastLr()).toEqual([0.1]);
  });
});

type Factory = (optimizer: SchedulableOptimizer) => LRScheduler;

const factories: [string, Factory][] = [
  ['StepLR', (o) => new StepLR(o, { stepSize: 3, gamma: 0.5 })],
  ['MultiStepLR', (o) => new MultiStepLR(o, { milestones: [2, 5, 5], gamma: 0.3 })],
  ['LinearLR', (o) => new LinearLR(o, { startFactor: 0.2, totalIters: 8 })],
  ['PolynomialLR', (o) => new PolynomialLR(o, { totalIters: 12, power: 2 })],
  ['CosineAnnealingLR', (o) => new CosineAnnealingLR(o, { tMax: 6, etaMin: 0.001 })],
  ['CosineAnnealingWarmRestarts', (o) => new CosineAnnealingWarmRestarts(o, { t0: 2, tMult: 2, etaMin: 0.001 })],
  ['OneCycleLR', (o) => new OneCycleLR(o, { maxLr: [0.5, 0.2], totalSteps: 20, threePhase: true })],
];

describe('LRScheduler state dicts', () => {
  for (const [name, make] of factories) {
    it(`${name}: save after 7 steps, restore into a fresh scheduler (and through JSON), continue identically`, () => {
      const optimizer = fakeOptimizer('SGD', [{ lr: 0.1, momentum: 0.9 }, { lr: 0.04, momentum: 0.9 }]);
      const scheduler = make(optimizer);
      for (let t = 0; t < 7; t++) scheduler.step();
      const saved = JSON.parse(JSON.stringify(scheduler.stateDict()));
      const savedGroups = optimizer.paramGroups.map((g) => ({ ...g }));

      const restoredOptimizer = fakeOptimizer('SGD', [{ lr: 0.1, momentum: 0.9 }, { lr: 0.04, momentum: 0.9 }]);
      const restored = make(restoredOptimizer);
      restoredOptimizer.paramGroups.forEach((g, i) => Object.assign(g, savedGroups[i])); // as the optimizer's own state dict would
      restored.loadStateDict(saved);
      expect(restored.stateDict()).toEqual(scheduler.stateDict());

      for (let t = 0; t < 10; t++) {
        scheduler.step();
        restored.step();
        expect(lrs(restoredOptimizer)).toEqual(lrs(optimizer));
        expect(restoredOptimizer.paramGroups.map((g) => g.momentum)).toEqual(optimizer.paramGroups.map((g) => g.momentum));
      }
    });
  }

  it('a malformed state dict throws SchedulerStateError naming the key and changes nothing', () => {
    const optimizer = fakeOptimizer('SGD', [{ lr: 0.1 }]);
    const scheduler = new StepLR(optimizer, { stepSize: 2 });
    scheduler.step();
    const before = scheduler.stateDict();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...before, gamma: 'x' }, 'gamma'],
      [{ ...before, baseLrs: [0.1, 0.2] }, 'baseLrs'],
      [{ ...before, lastLr: [0.1, 'a'] }, 'lastLr'],
      [{ stepSize: 2, gamma: 0.1, baseLrs: [0.1], stepCount: 1, lastLr: [0.1] }, 'lastEpoch'],
    ];
    for (const [state, key] of cases) {
      let thrown: unknown = null;
      try {
        scheduler.loadStateDict(JSON.parse(JSON.stringify(state)));
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(SchedulerStateError);
      expect(thrown).toMatchObject({ key });
      expect(scheduler.stateDict()).toEqual(before);
    }
  });
});
