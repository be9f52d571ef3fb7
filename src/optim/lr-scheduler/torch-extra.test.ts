/**
 * The schedulers and options lr_schedulers.json does not cover, against PyTorch 1.13 itself:
 * fixtures/lr_schedulers_extra.json from scripts/fixtures/gen_lr_schedulers_extra.py (ConstantLR,
 * PolynomialLR, LambdaLR, MultiplicativeLR, SequentialLR, ChainedScheduler, OneCycleLR with momentum
 * cycling on SGD and Adam and three phases, ReduceLROnPlateau's modes, closed forms through step(epoch),
 * resumed and multi-group schedules). Every lr, last lr and cycled momentum within 1e-9 relative.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareArrays } from '../../../test/fixtures.js';
import { LRScheduler } from './lr-scheduler.js';
import { ReduceLROnPlateau } from './reduce-lr-on-plateau.js';
import { buildScheduler, type AnyScheduler } from './test-support/build-scheduler.js';
import { fakeOptimizer, type GroupSpec } from './test-support/fake-optimizer.js';
import type { SchedulableOptimizer } from './types.js';

interface Action {
  op: 'step';
  epoch?: number;
  metric?: number;
}

interface ExtraCase {
  name: string;
  scheduler: string;
  options: Record<string, unknown>;
  optimizer: 'SGD' | 'Adam';
  groups: { lr: number; momentum?: number; initial_lr?: number }[];
  actions: Action[];
  lrs: number[][];
  last_lr: (number[] | null)[];
  momentum?: number[][];
}

const fixture: { meta: { torch_version: string }; cases: ExtraCase[] } = JSON.parse(
  readFileSync(new URL('./fixtures/lr_schedulers_extra.json', import.meta.url), 'utf8'),
);

function groupSpec(g: ExtraCase['groups'][number]): GroupSpec {
  const spec: GroupSpec = { lr: g.lr };
  if (g.momentum !== undefined) spec.momentum = g.momentum;
  if (g.initial_lr !== undefined) spec.initialLr = g.initial_lr;
  return spec;
}

function act(scheduler: AnyScheduler, action: Action): void {
  if (action.metric !== undefined) {
    if (!(scheduler instanceof ReduceLROnPlateau)) throw new Error('metric given to a scheduler without one');
    scheduler.step(action.metric);
  } else if (action.epoch !== undefined) {
    if (!(scheduler instanceof LRScheduler)) throw new Error('epoch given to a scheduler without step(epoch)');
    scheduler.step(action.epoch);
  } else if (scheduler instanceof ReduceLROnPlateau) {
    throw new Error('ReduceLROnPlateau needs a metric');
  } else {
    scheduler.step();
  }
}

function momentumOf(optimizer: SchedulableOptimizer): number[] {
  return optimizer.paramGroups.map((g) => (g.betas !== undefined ? g.betas[0] : (g.momentum ?? Number.NaN)));
}

describe(`PyTorch ${fixture.meta.torch_version} extra scheduler cases`, () => {
  it('has the cases the issue asks for beyond the shared fixture', () => {
    const names = new Set(fixture.cases.map((c) => c.scheduler));
    for (const s of ['ConstantLR', 'PolynomialLR', 'LambdaLR', 'SequentialLR', 'ChainedScheduler', 'OneCycleLR', 'ReduceLROnPlateau']) {
      expect(names.has(s), s).toBe(true);
    }
    expect(fixture.cases.filter((c) => c.momentum !== undefined).length).toBeGreaterThanOrEqual(3);
  });

  for (const c of fixture.cases) {
    it(c.name, () => {
      const optimizer = fakeOptimizer(c.optimizer, c.groups.map(groupSpec));
      const scheduler = buildScheduler({ scheduler: c.scheduler, options: c.options }, optimizer);
      const lrs: number[][] = [optimizer.paramGroups.map((g) => g.lr)];
      const lastLrs: number[][] = [scheduler.getLastLr()];
      const momenta: number[][] = [momentumOf(optimizer)];
      for (const action of c.actions) {
        act(scheduler, action);
        lrs.push(optimizer.paramGroups.map((g) => g.lr));
        lastLrs.push(scheduler.getLastLr());
        momenta.push(momentumOf(optimizer));
      }
      expect(lrs.length).toBe(c.lrs.length);
      c.lrs.forEach((expected, k) => expect(compareArrays(lrs[k]!, expected, 1e-9, 0), `lr after ${k} steps`).toBeNull());
      c.last_lr.forEach((expected, k) => {
        if (expected !== null) expect(compareArrays(lastLrs[k]!, expected, 1e-9, 0), `last lr after ${k} steps`).toBeNull();
      });
      c.momentum?.forEach((expected, k) => expect(compareArrays(momenta[k]!, expected, 1e-9, 0), `momentum after ${k} steps`).toBeNull());
    });
  }
});
