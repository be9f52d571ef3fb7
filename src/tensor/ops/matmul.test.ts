/**
 * matmul and linear beyond the PyTorch fixture: result shapes of every rank combination, errors
 * that name both shapes, empty inner dims, and agreement with a naive triple loop on larger sizes.
 */
import { describe, expect, it } from 'vitest';
import { expectClose } from '../../../test/fixtures.js';
import { tensor, zeros } from '../creation.js';
import { DTypeError, ShapeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { linear, matmul } from './matmul.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

/** Deterministic float64 values in [-1, 1). */
function values(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

function naiveMatmul(a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[i * k + p]! * b[p * n + j]!;
      c[i * n + j] = s;
    }
  }
  return c;
}

describe('matmul shapes', () => {
  it.each([
    [[3], [3], []],
    [[2, 3], [3], [2]],
    [[3], [3, 4], [4]],
    [[2, 3], [3, 4], [2, 4]],
    [[5, 2, 3], [3, 4], [5, 2, 4]],
    [[2, 3], [5, 3, 4], [5, 2, 4]],
    [[3], [5, 3, 4], [5, 4]],
    [[5, 2, 3], [3], [5, 2]],
    [[2, 1, 2, 3], [4, 3, 5], [2, 4, 2, 5]],
  ])('%j @ %j → %j', (a, b, out) => {
    expect(matmul(zeros(a), zeros(b)).shape).toEqual(out);
  });

  it('gives zeros for an empty inner dimension', () => {
    const c = matmul(zeros([2, 0]), zeros([0, 3]));
    expect(c.shape).toEqual([2, 3]);
    expect(c.toArray()).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('matmul values', () => {
  it('computes a small product exactly', () => {
    const a = tensor([[1, 2], [3, 4]]);
    const b = tensor([[5, 6], [7, 8]]);
    expect(matmul(a, b).tolist()).toEqual([
      [19, 22],
      [43, 50],
    ]);
    expect(matmul(tensor([1, 2]), tensor([3, 4])).item()).toBe(11);
  });

  it('agrees with a naive triple loop on 37×53 @ 53×29, forward and backward', () => {
    const [m, k, n] = [37, 53, 29];
    const ad = values(m * k, 1);
    const bd = values(k * n, 2);
    const a = new Tensor(ad.slice(), [m, k], { requiresGrad: true });
    const b = new Tensor(bd.slice(), [k, n], { requiresGrad: true });
    const c = matmul(a, b);
    expectClose(c.data, naiveMatmul(ad, bd, m, k, n), 1e-12, 1e-12, 'forward');
    c.sum().backward();
    // d(Σ AB)/dA[i,p] = Σ_j B[p,j]; d/dB[p,j] = Σ_i A[i,p].
    const rowSums = Array.from({ length: k }, (_, p) => bd.slice(p * n, (p + 1) * n).reduce((s, v) => s + v, 0));
    const colSums = Array.from({ length: k }, (_, p) => Array.from({ length: m }, (_, i) => ad[i * k + p]!).reduce((s, v) => s + v, 0));
    expectClose(a.grad!.data, Array.from({ length: m * k }, (_, idx) => rowSums[idx % k]!), 1e-12, 1e-12, 'grad a');
    expectClose(b.grad!.data, Array.from({ length: k * n }, (_, idx) => colSums[Math.floor(idx / n)]!), 1e-12, 1e-12, 'grad b');
  });

  it('broadcasts batch dims like a loop over the batch', () => {
    const a = new Tensor(values(2 * 1 * 3 * 4, 3), [2, 1, 3, 4]);
    const b = new Tensor(values(5 * 4 * 2, 4), [5, 4, 2]);
    const c = matmul(a, b);
    expect(c.shape).toEqual([2, 5, 3, 2]);
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 5; j++) {
        const want = naiveMatmul(Float64Array.from(a.data.subarray(i * 12, i * 12 + 12)), Float64Array.from(b.data.subarray(j * 8, j * 8 + 8)), 3, 4, 2);
        expectClose(c.data.subarray((i * 5 + j) * 6, (i * 5 + j + 1) * 6), want, 1e-6, 1e-6, `batch ${i},${j}`);
      }
    }
  });
});

describe('matmul errors', () => {
  it('names both shapes when the inner dimensions differ', () => {
    const err = thrown(() => matmul(zeros([2, 3]), zeros([4, 5])));
    expect(err).toBeInstanceOf(ShapeError);
    expect((err as ShapeError).message).toMatch(/\[2, 3\] and \[4, 5\]/);
    expect((err as ShapeError).shapes).toEqual([
      [2, 3],
      [4, 5],
    ]);
    expect(() => matmul(zeros([3]), zeros([4]))).toThrow(/\[3\] and \[4\]/);
  });

  it('names both full shapes when batch dims cannot broadcast', () => {
    const err = thrown(() => matmul(zeros([2, 3, 4]), zeros([3, 4, 5])));
    expect(err).toBeInstanceOf(ShapeError);
    expect((err as ShapeError).message).toMatch(/\[2, 3, 4\] and \[3, 4, 5\]/);
  });

  it('rejects 0-d operands and mixed dtypes', () => {
    expect(() => matmul(tensor(2), zeros([2]))).toThrow(/at least 1D/);
    const err = thrown(() => matmul(zeros([2, 2]), zeros([2, 2], { dtype: 'float64' })));
    expect(err).toBeInstanceOf(DTypeError);
    expect((err as DTypeError).message).toMatch(/float32.*float64/);
  });
});

describe('linear', () => {
  it('computes x·Wᵀ + b', () => {
    const x = tensor([[1, 2]]);
    const w = tensor([[1, 0], [0, 1], [1, 1]]);
    const b = tensor([10, 20, 30]);
    expect(linear(x, w, b).tolist()).toEqual([[11, 22, 33]]);
    expect(linear(x, w).tolist()).toEqual([[1, 2, 3]]);
  });

  it('names both shapes on mismatched features and on a bad bias', () => {
    expect(() => linear(zeros([4, 3]), zeros([2, 5]))).toThrow(/\[4, 3\].*\[2, 5\]/);
    expect(() => linear(zeros([4, 3]), zeros([2, 3]), zeros([3]))).toThrow(ShapeError);
    expect(() => linear(zeros([4, 3]), zeros([2, 3, 1]))).toThrow(/2-D/);
  });
});
