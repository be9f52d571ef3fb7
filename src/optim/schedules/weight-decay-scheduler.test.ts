/** WeightDecayScheduler: λ_t from a function of the step, with resuming, jumps, state dicts and checks. */
import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../tensor/errors.js';
import { SchedulerStateError } from '../lr-scheduler/errors.js';
import { fakeOptimizer } from '../lr-scheduler/test-support/fake-optimizer.js';
import { WeightDecayScheduler, type WeightDecaySchedule } from './weight-decay-scheduler.js';

const linearToZero: WeightDecaySchedule = (step, initial) => initial * Math.max(0, 1 - step / 10);

describe('WeightDecayScheduler', () => {
  it('writes schedule(t, λ₀, i) into each group at every step, leaving the lr alone', () => {
    const optimizer = fakeOptimizer('SGD', [
      { lr: 0.1, weightDecay: 0.5 },
      { lr: 0.2, weightDecay: 0.1 },
    ]);
    const scheduler = new WeightDecayScheduler(optimizer, { schedule: (t, initial, i) => initial * (i === 0 ? 0.5 ** t : 1) });
    const seen: number[][] = [];
    for (let t = 0; t < 4; t++) {
      seen.push(optimizer.paramGroups.map((g) => g.weightDecay));
      scheduler.step();
    }
    expect(seen).toEqual([
      [0.5, 0.1],
      [0.25, 0.1],
      [0.125, 0.1],
      [0.0625, 0.1],
    ]);
    expect(optimizer.paramGroups.map((g) => g.lr)).toEqual([0.1, 0.2]);
    expect(optimizer.paramGroups.map((g) => g.initialWeightDecay)).toEqual([0.5, 0.1]);
    expect(scheduler.getLastLr()).toEqual([0.03125, 0.1]); // after the 4th step
  });

  it('jumps with step(t), resumes from initialWeightDecay and restores its state dict', () => {
    const optimizer = fakeOptimizer('SGD', [{ lr: 0.1, weightDecay: 0.3 }]);
    const scheduler = new WeightDecayScheduler(optimizer, { schedule: linearToZero });
    scheduler.step(5);
    expect(optimizer.paramGroups[0]!.weightDecay).toBeCloseTo(0.15, 17);

    const resumed = fakeOptimizer('SGD', [{ lr: 0.1, weightDecay: 0.15 }]);
    expect(() => new WeightDecayScheduler(resumed, { schedule: linearToZero, lastEpoch: 5 })).toThrow(SchedulerStateError);
    resumed.paramGroups[0]!.initialWeightDecay = 0.3;
    const again = new WeightDecayScheduler(resumed, { schedule: linearToZero, lastEpoch: 5 });
    expect(resumed.paramGroups[0]!.weightDecay).toBeCloseTo(0.12, 17);
    again.loadStateDict(scheduler.stateDict());
    again.step();
    scheduler.step();
    expect(resumed.paramGroups[0]!.weightDecay).toBe(optimizer.paramGroups[0]!.weightDecay);
  });

  it('refuses a schedule that is not a function or returns a negative or non-finite λ', () => {
    const optimizer = fakeOptimizer('SGD', [{ lr: 0.1, weightDecay: 0.3 }]);
    const notAFunction: WeightDecaySchedule[] = JSON.parse('[0.1]');
    expect(() => new WeightDecayScheduler(optimizer, { schedule: notAFunction[0]! })).toThrow(expect.objectContaining({ argument: 'schedule' }));
    const scheduler = new WeightDecayScheduler(optimizer, { schedule: (t) => (t < 2 ? 0.1 : -0.1) });
    scheduler.step();
    expect(() => scheduler.step()).toThrow(ArgumentError);
    expect(() => scheduler.step()).toThrow(/step 3, group 0/);
    expect(optimizer.paramGroups[0]!.weightDecay).toBe(0.1);
  });
});
