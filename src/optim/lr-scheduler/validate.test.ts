/**
 * Bad options throw ArgumentError naming the option (camelCase) with the offending value, before the
 * scheduler touches the optimizer's groups.
 */
import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../tensor/errors.js';
import { ChainedScheduler } from './chained-scheduler.js';
import { ConstantLR } from './constant-lr.js';
import { CosineAnnealingLR } from './cosine-annealing-lr.js';
import { CosineAnnealingWarmRestarts } from './cosine-annealing-warm-restarts.js';
import { ExponentialLR } from './exponential-lr.js';
import { LambdaLR, MultiplicativeLR, type LrLambda } from './lambda-lr.js';
import { LinearLR } from './linear-lr.js';
import { MultiStepLR } from './multi-step-lr.js';
import { OneCycleLR } from './one-cycle-lr.js';
import { PolynomialLR } from './polynomial-lr.js';
import { ReduceLROnPlateau } from './reduce-lr-on-plateau.js';
import { SequentialLR } from './sequential-lr.js';
import { StepLR } from './step-lr.js';
import { fakeOptimizer } from './test-support/fake-optimizer.js';
import type { SchedulableOptimizer } from './types.js';
import { perGroup, requireInInterval } from './validate.js';

const notAFunction: LrLambda[] = JSON.parse('[1]');

const cases: [string, string, (o: SchedulableOptimizer) => unknown][] = [
  ['StepLR stepSize 0', 'stepSize', (o) => new StepLR(o, { stepSize: 0 })],
  ['StepLR stepSize 2.5', 'stepSize', (o) => new StepLR(o, { stepSize: 2.5 })],
  ['StepLR gamma NaN', 'gamma', (o) => new StepLR(o, { stepSize: 2, gamma: Number.NaN })],
  ['MultiStepLR fractional milestone', 'milestones[1]', (o) => new MultiStepLR(o, { milestones: [2, 3.5] })],
  ['ConstantLR factor 0', 'factor', (o) => new ConstantLR(o, { factor: 0 })],
  ['ConstantLR factor 1.5', 'factor', (o) => new ConstantLR(o, { factor: 1.5 })],
  ['ConstantLR totalIters -1', 'totalIters', (o) => new ConstantLR(o, { totalIters: -1 })],
  ['LinearLR startFactor 0', 'startFactor', (o) => new LinearLR(o, { startFactor: 0 })],
  ['LinearLR endFactor 2', 'endFactor', (o) => new LinearLR(o, { endFactor: 2 })],
  ['LinearLR totalIters 0', 'totalIters', (o) => new LinearLR(o, { totalIters: 0 })],
  ['ExponentialLR gamma Infinity', 'gamma', (o) => new ExponentialLR(o, { gamma: Infinity })],
  ['PolynomialLR totalIters 0', 'totalIters', (o) => new PolynomialLR(o, { totalIters: 0 })],
  ['CosineAnnealingLR tMax 0', 'tMax', (o) => new CosineAnnealingLR(o, { tMax: 0 })],
  ['CosineAnnealingWarmRestarts t0 0', 't0', (o) => new CosineAnnealingWarmRestarts(o, { t0: 0 })],
  ['CosineAnnealingWarmRestarts tMult 1.5', 'tMult', (o) => new CosineAnnealingWarmRestarts(o, { t0: 2, tMult: 1.5 })],
  ['LambdaLR one lambda too many', 'lrLambda', (o) => new LambdaLR(o, { lrLambda: [() => 1, () => 1, () => 1] })],
  ['MultiplicativeLR not a function', 'lrLambda', (o) => new MultiplicativeLR(o, { lrLambda: [notAFunction[0]!, () => 1] })],
  ['OneCycleLR without steps', 'totalSteps', (o) => new OneCycleLR(o, { maxLr: 1 })],
  ['OneCycleLR epochs without stepsPerEpoch', 'stepsPerEpoch', (o) => new OneCycleLR(o, { maxLr: 1, epochs: 3 })],
  ['OneCycleLR totalSteps 0', 'totalSteps', (o) => new OneCycleLR(o, { maxLr: 1, totalSteps: 0 })],
  ['OneCycleLR pctStart 1.5', 'pctStart', (o) => new OneCycleLR(o, { maxLr: 1, totalSteps: 10, pctStart: 1.5 })],
  // @ts-expect-error: 'exp' is not an anneal strategy
  ['OneCycleLR annealStrategy exp', 'annealStrategy', (o) => new OneCycleLR(o, { maxLr: 1, totalSteps: 10, annealStrategy: 'exp' })],
  ['OneCycleLR maxLr per group mismatch', 'maxLr', (o) => new OneCycleLR(o, { maxLr: [1, 2, 3], totalSteps: 10 })],
  ['OneCycleLR divFactor 0', 'divFactor', (o) => new OneCycleLR(o, { maxLr: 1, totalSteps: 10, divFactor: 0 })],
  ['ReduceLROnPlateau factor 1', 'factor', (o) => new ReduceLROnPlateau(o, { factor: 1 })],
  // @ts-expect-error: 'median' is not a mode
  ['ReduceLROnPlateau mode median', 'mode', (o) => new ReduceLROnPlateau(o, { mode: 'median' })],
  // @ts-expect-error: 'log' is not a threshold mode
  ['ReduceLROnPlateau thresholdMode log', 'thresholdMode', (o) => new ReduceLROnPlateau(o, { thresholdMode: 'log' })],
  ['ReduceLROnPlateau minLr mismatch', 'minLr', (o) => new ReduceLROnPlateau(o, { minLr: [0.1] })],
  ['ReduceLROnPlateau patience -1', 'patience', (o) => new ReduceLROnPlateau(o, { patience: -1 })],
  ['SequentialLR milestone count', 'milestones', (o) => new SequentialLR(o, { schedulers: [new ExponentialLR(o, { gamma: 0.9 })], milestones: [3] })],
  ['SequentialLR no schedulers', 'schedulers', (o) => new SequentialLR(o, { schedulers: [], milestones: [] })],
  ['ChainedScheduler no schedulers', 'schedulers', () => new ChainedScheduler([])],
];

describe('scheduler option checks', () => {
  for (const [title, argument, make] of cases) {
    it(`${title} → ArgumentError('${argument}')`, () => {
      const optimizer = fakeOptimizer('SGD', [{ lr: 0.1 }, { lr: 0.2 }]);
      let thrown: unknown = null;
      try {
        make(optimizer);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(ArgumentError);
      expect(thrown).toMatchObject({ argument });
      expect((thrown as Error).message).toContain(argument.replace(/\[\d+\]$/, ''));
    });
  }

  it('a rejected scheduler leaves the groups as they were', () => {
    const optimizer = fakeOptimizer('SGD', [{ lr: 0.1 }, { lr: 0.2 }]);
    const before = JSON.stringify(optimizer.paramGroups);
    for (const [, , make] of cases.slice(0, 29)) {
      try {
        make(optimizer);
      } catch {
        // expected
      }
    }
    expect(JSON.stringify(optimizer.paramGroups)).toBe(before);
  });

  it('perGroup repeats a scalar and checks a list; requireInInterval states the interval', () => {
    expect(perGroup('x', 3, 2)).toEqual([3, 3]);
    expect(perGroup('x', [1, 2], 2)).toEqual([1, 2]);
    expect(() => requireInInterval('factor', 1, 0, 1, { openHigh: true })).toThrow('factor must be in [0, 1), got 1');
  });
});
