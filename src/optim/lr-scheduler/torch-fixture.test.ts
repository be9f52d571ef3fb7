/**
 * Acceptance: every case of ../shared/fixtures/torch/lr_schedulers.json (PyTorch 1.13, SGD at lr 0.1,
 * `scheduler.step()` after each `optimizer.step()`) gives PyTorch's lr for each of the 30 epochs within
 * 1e-9 relative.
 */
import { describe, expect, it } from 'vitest';
import { compareArrays, loadFixture } from '../../../test/fixtures.js';
import { LRScheduler } from './lr-scheduler.js';
import { ReduceLROnPlateau } from './reduce-lr-on-plateau.js';
import { buildScheduler } from './test-support/build-scheduler.js';
import { fakeOptimizer } from './test-support/fake-optimizer.js';

interface SharedCase {
  scheduler: string;
  options: Record<string, unknown>;
  base_lr: number;
  optimizer: string;
  lrs: number[];
}

const fixture = loadFixture<{ cases: SharedCase[] }>('torch/lr_schedulers.json');

function metricsOf(c: SharedCase): number[] {
  const metrics = c.options['metrics'];
  if (!Array.isArray(metrics) || !metrics.every((m): m is number => typeof m === 'number')) throw new Error(`${c.scheduler}: no metrics`);
  return metrics;
}

describe('PyTorch lr_schedulers.json', () => {
  it('covers the eight schedulers the issue lists with fixtures', () => {
    expect(fixture.cases.map((c) => c.scheduler)).toEqual([
      'StepLR',
      'MultiStepLR',
      'ExponentialLR',
      'CosineAnnealingLR',
      'CosineAnnealingWarmRestarts',
      'LinearLR',
      'OneCycleLR',
      'ReduceLROnPlateau',
    ]);
  });

  for (const c of fixture.cases) {
    it(`${c.scheduler} ${JSON.stringify(c.options).slice(0, 60)} matches within 1e-9 relative`, () => {
      expect(c.optimizer).toBe('SGD');
      const optimizer = fakeOptimizer('SGD', [{ lr: c.base_lr }]);
      // The fixture's note: OneCycleLR ran with cycle_momentum False (SGD without momentum).
      const { metrics: _metrics, ...rest } = c.options;
      const options = c.scheduler === 'OneCycleLR' ? { ...rest, cycle_momentum: false } : rest;
      const scheduler = buildScheduler({ scheduler: c.scheduler, options }, optimizer);
      const metrics = scheduler instanceof ReduceLROnPlateau ? metricsOf(c) : [];
      const group = optimizer.paramGroups[0]!;
      const lrs: number[] = [];
      for (let epoch = 0; epoch < c.lrs.length; epoch++) {
        lrs.push(group.lr);
        if (scheduler instanceof ReduceLROnPlateau) scheduler.step(metrics[epoch]!);
        else scheduler.step();
      }
      expect(compareArrays(lrs, c.lrs, 1e-9, 0)).toBeNull();
      if (scheduler instanceof LRScheduler) expect(scheduler.getLastLr()).toEqual([group.lr]);
    });
  }
});
