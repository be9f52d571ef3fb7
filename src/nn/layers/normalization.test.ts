/**
 * LayerNorm and BatchNorm1d: PyTorch 1.13's BatchNorm1d runs from src/nn/fixtures/torch_nn.json
 * (two training steps then one evaluation step: outputs, gradients and running statistics after
 * each step) and the typed errors of both layers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArgumentError, ShapeError } from '../../tensor/errors.js';
import { zeros } from '../../tensor/creation.js';
import { type TorchNnFixture, expectCloseTo, toTensor } from '../test-support/torch-fixture.js';
import { BatchNorm1d, LayerNorm } from './normalization.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/torch_nn.json', import.meta.url), 'utf8')) as TorchNnFixture;

describe('BatchNorm1d against PyTorch', () => {
  for (const c of fixture.batchnorm) {
    it(c.name, () => {
      const o = c.options;
      const bn = new BatchNorm1d(o.num_features, { eps: o.eps, momentum: o.momentum, affine: o.affine, trackRunningStats: o.track_running_stats });
      expect([...bn.stateDict().keys()]).toEqual(Object.keys(c.state));
      bn.loadStateDict(new Map(Object.entries(c.state).map(([k, t]) => [k, toTensor(t)])));
      for (const [i, step] of c.steps.entries()) {
        bn.train(step.mode === 'train');
        const x = toTensor(step.input, 'float32', true);
        const y = bn.forward(x);
        expectCloseTo(y.data, step.output, 1e-5, 1e-5, `step ${i} output`);
        bn.zeroGrad();
        y.backward(toTensor(step.grad_output));
        expectCloseTo(x.grad!.data, step.grad_input, 1e-5, 1e-5, `step ${i} grad_input`);
        const params = new Map(bn.namedParameters());
        for (const [k, g] of Object.entries(step.grads)) expectCloseTo(params.get(k)!.grad!.data, g, 1e-5, 1e-5, `step ${i} grad of ${k}`);
        const state = bn.stateDict();
        expect([...state.keys()]).toEqual(Object.keys(step.state_after));
        for (const [k, t] of Object.entries(step.state_after)) expectCloseTo(state.get(k)!.data, t, 1e-5, 1e-6, `step ${i} ${k}`);
      }
    });
  }

  it('prints like PyTorch', () => {
    expect(new BatchNorm1d(3, { momentum: null, eps: 1e-3, affine: false }).toString()).toBe(fixture.reprs['batchnorm_momentum_none']);
    expect(new LayerNorm([3, 4], { elementwiseAffine: false }).toString()).toBe(fixture.reprs['layernorm_2d']);
  });
});

describe('default state', () => {
  it("LayerNorm and BatchNorm1d start as PyTorch's: weight 1, bias 0, running mean 0, running var 1, no batches", () => {
    const ln = new LayerNorm([2, 3]);
    expect(Array.from(ln.weight!.data)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(Array.from(ln.bias!.data)).toEqual([0, 0, 0, 0, 0, 0]);
    const bn = new BatchNorm1d(3);
    const state = Object.fromEntries([...bn.stateDict()].map(([k, t]) => [k, Array.from(t.data)]));
    expect(state).toEqual({ weight: [1, 1, 1], bias: [0, 0, 0], running_mean: [0, 0, 0], running_var: [1, 1, 1], num_batches_tracked: [0] });
    expect(new BatchNorm1d(3, { trackRunningStats: false, affine: false }).stateDict().size).toBe(0);
  });
});

describe('normalization errors', () => {
  it('BatchNorm1d names the shapes it rejects', () => {
    const bn = new BatchNorm1d(4);
    expect(() => bn.forward(zeros([3, 5]))).toThrow(ShapeError);
    expect(() => bn.forward(zeros([3, 5]))).toThrow(/\[3, 5\] has 5 channels in dim 1, expected 4/);
    expect(() => bn.forward(zeros([2, 4, 1, 1]))).toThrow(/expected 2D or 3D input \(got 4D/);
    expect(() => bn.forward(zeros([1, 4]))).toThrow(/more than 1 value per channel when training/);
    bn.eval();
    expect(bn.forward(zeros([1, 4])).shape).toEqual([1, 4]);
  });

  it('LayerNorm names the input shape and the normalized shape', () => {
    const ln = new LayerNorm(20);
    try {
      ln.forward(zeros([20, 3]));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ShapeError);
      expect((e as ShapeError).shapes).toEqual([[20, 3], [20]]);
      expect((e as Error).message).toMatch(/normalizedShape=\[20\], expected input with shape \[\*, 20\], but got input of size \[20, 3\]/);
    }
  });

  it('rejects bad options', () => {
    expect(() => new LayerNorm(4, { eps: -1 })).toThrow(ArgumentError);
    expect(() => new LayerNorm(2.5)).toThrow(ArgumentError);
    expect(() => new BatchNorm1d(-1)).toThrow(ArgumentError);
    expect(() => new BatchNorm1d(3, { momentum: Number.NaN })).toThrow(ArgumentError);
  });
});

describe('LayerNorm values', () => {
  it('matches the textbook formula in float64 for odd and even row counts, with and without affine', () => {
    for (const rows of [1, 4, 5]) {
      for (const affine of [true, false]) {
        const n = 7;
        const ln = new LayerNorm(n, { elementwiseAffine: affine, dtype: 'float64' });
        if (affine) {
          ln.weight!.data.forEach((_, j) => (ln.weight!.data[j] = 0.5 + j / 10));
          ln.bias!.data.forEach((_, j) => (ln.bias!.data[j] = j / 3 - 1));
        }
        const x = zeros([rows, n], { dtype: 'float64' });
        x.data.forEach((_, i) => (x.data[i] = 100 + Math.sin(i * 1.7) * (1 + (i % 5))));
        const y = ln.forward(x);
        for (let r = 0; r < rows; r++) {
          const row = Array.from(x.data.subarray(r * n, (r + 1) * n));
          const mean = row.reduce((a, b) => a + b, 0) / n;
          const variance = row.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
          for (let j = 0; j < n; j++) {
            const expected = ((row[j]! - mean) / Math.sqrt(variance + 1e-5)) * (affine ? 0.5 + j / 10 : 1) + (affine ? j / 3 - 1 : 0);
            expect(Math.abs(y.data[r * n + j]! - expected), `row ${r} col ${j}`).toBeLessThan(1e-10);
          }
        }
      }
    }
  });
});
