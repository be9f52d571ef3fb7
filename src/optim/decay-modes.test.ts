/**
 * The decay modes do what they claim: L1-proximal makes exact zeros where L2 makes none; with plain
 * SGD coupled and decoupled decay follow the same trajectory while with Adam they do not (Loshchilov &
 * Hutter); each mode is chosen per group, reads the group's current lr and λ, and the PyTorch-shaped
 * constructors keep PyTorch's own choice.
 */
import { describe, expect, it } from 'vitest';
import { compareArrays, fromFixture } from '../../test/fixtures.js';
import { Tensor } from '../tensor/tensor.js';
import { Adam, AdamW, NAdam, RAdam, SGD, type DecayMode, type Optimizer, type OptimizerOptions } from './index.js';
import { buildCase, loadOptimFixture, setFixtureGrads } from './test-support/optim-fixture.js';

const fixture = loadOptimFixture();

/** Runs the fixture's 60 gradient steps; returns the flattened parameters after each step. */
function fixtureTrajectory(make: (params: Tensor[]) => { step(): unknown }): number[][] {
  const params = fixture.p0.map((t) => fromFixture(t, { requiresGrad: true }));
  const optimizer = make(params);
  return fixture.grads.map((_, t) => {
    setFixtureGrads(fixture, params, t);
    optimizer.step();
    return params.flatMap((p) => Array.from(p.data));
  });
}

function maxDifference(a: number[][], b: number[][]): number {
  let worst = 0;
  a.forEach((row, t) => row.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - b[t]![i]!)))));
  return worst;
}

function pytorchTrajectory(optimizer: string, options: Record<string, unknown>): number[][] {
  const c = fixture.cases.find((k) => k.optimizer === optimizer && JSON.stringify(k.options) === JSON.stringify(options) && k.param_groups === undefined);
  if (c === undefined) throw new Error(`no case ${optimizer} ${JSON.stringify(options)}`);
  return c.trajectory.map((step) => step.flat());
}

/** Minimizes ½‖w − target‖² (gradient w − target) from w0 for `steps` steps. */
function minimizeQuadratic(target: number[], make: (w: Tensor) => Optimizer<OptimizerOptions>, steps = 300): Float32Array {
  const w = new Tensor(Float32Array.from(target, (_, i) => (i % 2 === 0 ? 0.5 : -0.5)), [2, target.length / 2], { requiresGrad: true });
  const optimizer = make(w);
  for (let s = 0; s < steps; s++) {
    w.grad = new Tensor(Float32Array.from(w.data, (v, i) => v - target[i]!), w.shape);
    optimizer.step();
  }
  return Float32Array.from(w.data);
}

const TARGET = [-1, -0.3, -0.05, 0, 0.02, 0.1, 0.4, 1.2];

describe('l1-proximal versus l2', () => {
  const run = (decay: DecayMode): Float32Array => minimizeQuadratic(TARGET, (w) => new SGD([w], { lr: 0.1, weightDecay: 0.2, decay }));

  it('l1-proximal soft-thresholds to exact zeros: w* = sign(t)·max(|t| − λ, 0)', () => {
    const w = run('l1-proximal');
    const zeros = [...w].flatMap((v, i) => (v === 0 ? [i] : []));
    expect(zeros).toEqual([2, 3, 4, 5]);
    const expected = TARGET.map((t) => Math.sign(t) * Math.max(Math.abs(t) - 0.2, 0));
    expect(compareArrays(w, expected, 1e-5, 1e-6)).toBeNull();
  });

  it('l2 shrinks the same weights (w* = t/(1 + λ)) but leaves no exact zero', () => {
    const w = run('l2');
    expect([...w].filter((v) => v === 0)).toEqual([]);
    expect(compareArrays(w, TARGET.map((t) => t / 1.2), 1e-5, 1e-6)).toBeNull();
    expect(Math.abs(w[3]!)).toBeGreaterThan(0);
    expect(Math.abs(w[3]!)).toBeLessThan(1e-12);
  });

  it('coupled l1 (the subgradient λ·sign(w)) oscillates around zero instead of reaching it', () => {
    const w = run('l1');
    expect([...w].filter((v) => v === 0)).toEqual([]);
    for (const i of [2, 3, 4, 5]) expect(Math.abs(w[i]!)).toBeLessThanOrEqual(0.1 * 0.2 + 1e-6);
  });
});

describe('coupled and decoupled decay', () => {
  it('give the same trajectory with plain SGD (no momentum): w − lr·(g + λw) either way', () => {
    const coupled = fixtureTrajectory((p) => new SGD(p, { lr: 0.1, weightDecay: 0.1, decay: 'l2' }));
    const decoupled = fixtureTrajectory((p) => new SGD(p, { lr: 0.1, weightDecay: 0.1, decay: 'decoupled' }));
    // equal up to float32 rounding (decoupled multiplies w by the float32 factor 1 − lr·λ, as AdamW)
    expect(maxDifference(coupled, decoupled)).toBeLessThan(2e-6);
    // and both are PyTorch's SGD(weight_decay=0.1)
    expect(maxDifference(decoupled, pytorchTrajectory('SGD', { lr: 0.1, weight_decay: 0.1 }))).toBeLessThan(1e-5);
  });

  it('differ with Adam, in our runs and in PyTorch’s own (Adam vs AdamW, weight_decay = 0.1)', () => {
    const coupled = fixtureTrajectory((p) => new Adam(p, { lr: 0.01, weightDecay: 0.1 }));
    const decoupled = fixtureTrajectory((p) => new Adam(p, { lr: 0.01, weightDecay: 0.1, decay: 'decoupled' }));
    expect(maxDifference(coupled, decoupled)).toBeGreaterThan(1e-3);
    const torchAdam = pytorchTrajectory('Adam', { lr: 0.01, weight_decay: 0.1 });
    const torchAdamW = pytorchTrajectory('AdamW', { lr: 0.01, weight_decay: 0.1 });
    expect(maxDifference(torchAdam, torchAdamW)).toBeGreaterThan(1e-3);
    expect(maxDifference(coupled, torchAdam)).toBeLessThan(1e-5);
    expect(maxDifference(decoupled, torchAdamW)).toBeLessThan(1e-5);
  });

  it('AdamW with decay "l2" is Adam, and Adam with decoupledWeightDecay is AdamW', () => {
    expect(maxDifference(fixtureTrajectory((p) => new AdamW(p, { lr: 0.01, weightDecay: 0.1, decay: 'l2' })), pytorchTrajectory('Adam', { lr: 0.01, weight_decay: 0.1 }))).toBeLessThan(1e-5);
    expect(maxDifference(fixtureTrajectory((p) => new Adam(p, { lr: 0.01, weightDecay: 0.1, decoupledWeightDecay: true })), pytorchTrajectory('AdamW', { lr: 0.01, weight_decay: 0.1 }))).toBeLessThan(1e-5);
  });

  it('with weightDecay 0 every mode is the undecayed optimizer, bit for bit', () => {
    const plain = fixtureTrajectory((p) => new Adam(p, { lr: 0.01 }));
    for (const decay of ['l2', 'decoupled', 'l1', 'l1-proximal'] as const) {
      expect(maxDifference(fixtureTrajectory((p) => new Adam(p, { lr: 0.01, weightDecay: 0, decay })), plain)).toBe(0);
    }
  });
});

describe('decay reads the group at every step', () => {
  it('decoupled decay uses the current lr: with zero gradients w ← w·(1 − lr·λ) per step, float32 factor', () => {
    for (const make of [
      (p: Tensor[]) => new AdamW(p, { lr: 0.1, weightDecay: 0.5 }),
      (p: Tensor[]) => new NAdam(p, { lr: 0.1, weightDecay: 0.5, decoupledWeightDecay: true }),
      (p: Tensor[]) => new RAdam(p, { lr: 0.1, weightDecay: 0.5, decay: 'decoupled' }),
    ]) {
      const w = new Tensor(Float32Array.of(1, -2, 0.25), [3], { requiresGrad: true });
      const optimizer = make([w]);
      let expected = Float32Array.of(1, -2, 0.25);
      for (const lr of [0.1, 0.4, 0.02]) {
        optimizer.paramGroups[0]!.lr = lr;
        w.grad = new Tensor(new Float32Array(3), [3]);
        optimizer.step();
        const factor = Math.fround(1 - lr * 0.5);
        expected = expected.map((v) => v * factor);
        expect(Array.from(w.data)).toEqual(Array.from(expected));
      }
    }
  });

  it('l1 uses sign(0) = 0: a zero weight stays zero, others move by lr·λ toward zero', () => {
    const w = new Tensor(Float32Array.of(0, 0.5, -0.5), [3], { requiresGrad: true });
    const optimizer = new SGD([w], { lr: 0.1, weightDecay: 0.2, decay: 'l1' });
    w.grad = new Tensor(new Float32Array(3), [3]);
    optimizer.step();
    expect(Array.from(w.data)).toEqual([0, Math.fround(0.5 - Math.fround(0.1) * Math.fround(0.2)), Math.fround(-0.5 + Math.fround(0.1) * Math.fround(0.2))]);
  });

  it('each param group has its own mode and λ, as if each had its own optimizer', () => {
    const together = fixtureTrajectory((p) =>
      new SGD(
        [
          { params: [p[0]!], decay: 'l1-proximal', weightDecay: 0.3 },
          { params: [p[1]!], decay: 'decoupled' },
        ],
        { lr: 0.05, momentum: 0.9, weightDecay: 0.1 },
      ),
    );
    const apart = fixtureTrajectory((p) => {
      const a = new SGD([p[0]!], { lr: 0.05, momentum: 0.9, weightDecay: 0.3, decay: 'l1-proximal' });
      const b = new SGD([p[1]!], { lr: 0.05, momentum: 0.9, weightDecay: 0.1, decay: 'decoupled' });
      return { step: () => (a.step(), b.step()) };
    });
    expect(maxDifference(together, apart)).toBe(0);
  });
});

describe('the reference model setting', () => {
  it('buildCase/AdamW two-group case keeps PyTorch’s per-group weight decay', () => {
    const c = fixture.cases.find((k) => k.param_groups !== undefined)!;
    const { optimizer } = buildCase(fixture, c);
    expect(optimizer.paramGroups.map((g) => [g.weightDecay, g.lr, g.decay])).toEqual([
      [0.2, 0.01, 'decoupled'],
      [0, 0.05, 'decoupled'],
    ]);
  });
});
