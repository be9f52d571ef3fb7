/**
 * Schedulers driving decaylab's real optimizers (src/optim's SGD and Adam) rather than stand-ins: the
 * optimizer steps with the lr the scheduler wrote, OneCycleLR's cycled momentum and β₁ match PyTorch's on
 * the real classes, and a run resumed from both state dicts continues exactly.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareArrays, loadFixture } from '../../../test/fixtures.js';
import { tensor } from '../../tensor/creation.js';
import type { Tensor } from '../../tensor/tensor.js';
import { Adam, SGD } from '../index.js';
import { CosineAnnealingLR } from './cosine-annealing-lr.js';
import { OneCycleLR } from './one-cycle-lr.js';
import { StepLR } from './step-lr.js';

interface ExtraCase {
  name: string;
  lrs: number[][];
  momentum: number[][];
}
const extra: { cases: ExtraCase[] } = JSON.parse(readFileSync(new URL('./fixtures/lr_schedulers_extra.json', import.meta.url), 'utf8'));
const shared = loadFixture<{ cases: { scheduler: string; lrs: number[] }[] }>('torch/lr_schedulers.json');

function caseNamed(name: string): ExtraCase {
  const found = extra.cases.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no fixture case ${name}`);
  return found;
}

function param(values: number[]): Tensor {
  return tensor(values, { dtype: 'float64', requiresGrad: true });
}

function setGrad(p: Tensor, values: number[]): void {
  p.grad = tensor(values, { dtype: 'float64' });
}

describe('schedulers on the real optimizers', () => {
  it("SGD steps with StepLR's lr: w after 30 epochs = −Σ PyTorch's lrs (gradient 1)", () => {
    const w = param([0]);
    const optimizer = new SGD([w], { lr: 0.1 });
    const scheduler = new StepLR(optimizer, { stepSize: 5, gamma: 0.5 });
    for (let epoch = 0; epoch < 30; epoch++) {
      setGrad(w, [1]);
      optimizer.step();
      scheduler.step();
    }
    const expected = shared.cases.find((c) => c.scheduler === 'StepLR')!.lrs.reduce((a, b) => a + b, 0);
    expect(w.data[0]).toBeCloseTo(-expected, 14);
  });

  it("OneCycleLR cycles a real SGD's momentum as PyTorch does", () => {
    const c = caseNamed('OneCycleLR SGD momentum');
    const w = param([1, -1]);
    const optimizer = new SGD([w], { lr: 0.1, momentum: 0.9 });
    const scheduler = new OneCycleLR(optimizer, { maxLr: 0.5, totalSteps: 25 });
    const lrs = [optimizer.paramGroups.map((g) => g.lr)];
    const momenta = [optimizer.paramGroups.map((g) => g.momentum)];
    for (let t = 0; t < 25; t++) {
      setGrad(w, [0.1, 0.2]);
      optimizer.step();
      scheduler.step();
      lrs.push(optimizer.paramGroups.map((g) => g.lr));
      momenta.push(optimizer.paramGroups.map((g) => g.momentum));
    }
    expect(compareArrays(lrs.flat(), c.lrs.flat(), 1e-9, 0)).toBeNull();
    expect(compareArrays(momenta.flat().map(Number), c.momentum.flat(), 1e-9, 0)).toBeNull();
  });

  it("OneCycleLR cycles a real Adam's β₁ (two groups) as PyTorch does", () => {
    const c = caseNamed('OneCycleLR Adam linear epochs');
    const a = param([1]);
    const b = param([2]);
    const optimizer = new Adam([{ params: [a], lr: 0.001 }, { params: [b], lr: 0.002 }]);
    const scheduler = new OneCycleLR(optimizer, {
      maxLr: [0.01, 0.02],
      epochs: 4,
      stepsPerEpoch: 6,
      annealStrategy: 'linear',
      baseMomentum: 0.8,
      maxMomentum: [0.9, 0.95],
    });
    const lrs = [optimizer.paramGroups.map((g) => g.lr)];
    const beta1 = [optimizer.paramGroups.map((g) => g.betas[0])];
    for (let t = 0; t < 24; t++) {
      setGrad(a, [0.5]);
      setGrad(b, [-0.5]);
      optimizer.step();
      scheduler.step();
      lrs.push(optimizer.paramGroups.map((g) => g.lr));
      beta1.push(optimizer.paramGroups.map((g) => g.betas[0]));
      expect(optimizer.paramGroups.map((g) => g.betas[1])).toEqual([0.999, 0.999]);
    }
    expect(compareArrays(lrs.flat(), c.lrs.flat(), 1e-9, 0)).toBeNull();
    expect(compareArrays(beta1.flat(), c.momentum.flat(), 1e-9, 0)).toBeNull();
  });

  it('resumes from the optimizer and scheduler state dicts and continues exactly', () => {
    const grads = Array.from({ length: 16 }, (_, t) => [Math.sin(t), Math.cos(t)]);
    const run = (from: number, to: number, optimizer: SGD, w: Tensor, scheduler: CosineAnnealingLR) => {
      for (let t = from; t < to; t++) {
        setGrad(w, grads[t]!);
        optimizer.step();
        scheduler.step();
      }
    };
    const w = param([1, 2]);
    const optimizer = new SGD([w], { lr: 0.1, momentum: 0.9 });
    const scheduler = new CosineAnnealingLR(optimizer, { tMax: 10, etaMin: 0.001 });
    run(0, 6, optimizer, w, scheduler);
    const savedOptimizer = JSON.parse(JSON.stringify(optimizer.stateDict()));
    const savedScheduler = JSON.parse(JSON.stringify(scheduler.stateDict()));
    run(6, 16, optimizer, w, scheduler);

    const w2 = param([0, 0]);
    const optimizer2 = new SGD([w2], { lr: 0.1, momentum: 0.9 });
    optimizer2.loadStateDict(savedOptimizer);
    const scheduler2 = new CosineAnnealingLR(optimizer2, { tMax: 10, etaMin: 0.001 });
    scheduler2.loadStateDict(savedScheduler);
    expect(optimizer2.paramGroups[0]!.initialLr).toBe(0.1);
    // replay the saved weights too: the optimizer state dict holds buffers, not parameters
    const replay = param([1, 2]);
    const replayOptimizer = new SGD([replay], { lr: 0.1, momentum: 0.9 });
    const replayScheduler = new CosineAnnealingLR(replayOptimizer, { tMax: 10, etaMin: 0.001 });
    run(0, 6, replayOptimizer, replay, replayScheduler);
    w2.data.set(replay.data);
    run(6, 16, optimizer2, w2, scheduler2);
    expect(Array.from(w2.data)).toEqual(Array.from(w.data));
    expect(optimizer2.paramGroups[0]!.lr).toBe(optimizer.paramGroups[0]!.lr);
  });
});
