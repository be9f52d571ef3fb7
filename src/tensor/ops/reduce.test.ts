/**
 * Reductions beyond the PyTorch fixture: dim errors, shapes with keepdim, empty tensors, NaN,
 * ties of argmax and max, the gradient rules at ties, and norm's parameter checks.
 */
import { describe, expect, it } from 'vitest';
import { tensor, zeros } from '../creation.js';
import { ArgumentError, DTypeError, IndexError, ShapeError } from '../errors.js';
import { norm } from './norm.js';
import { argmax, argmin, max, mean, min, std, sum, sumTo, variance } from './reduce.js';

const x23 = () => tensor([[1, 2, 3], [4, 5, 6]]);

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('dims and shapes', () => {
  it('reduces one dim, several dims and all dims, with and without keepdim', () => {
    const x = zeros([2, 3, 4]);
    expect(sum(x).shape).toEqual([]);
    expect(sum(x, 1).shape).toEqual([2, 4]);
    expect(sum(x, 1, true).shape).toEqual([2, 1, 4]);
    expect(sum(x, [0, -1]).shape).toEqual([3]);
    expect(mean(x, [2, 0], true).shape).toEqual([1, 3, 1]);
    expect(max(x, -1, true).shape).toEqual([2, 3, 1]);
    expect(variance(x, 0, { keepdim: true }).shape).toEqual([1, 3, 4]);
    expect(norm(x, 2, [1, 2]).shape).toEqual([2]);
  });

  it('sums rows and columns row-major', () => {
    expect(sum(x23(), 0).toArray()).toEqual([5, 7, 9]);
    expect(sum(x23(), 1).toArray()).toEqual([6, 15]);
    expect(sum(x23(), -1, true).tolist()).toEqual([[6], [15]]);
  });

  it('accepts dim 0 and −1 on a 0-d tensor, as PyTorch', () => {
    const s = tensor(5);
    expect(sum(s, 0).item()).toBe(5);
    expect(max(s, -1).item()).toBe(5);
  });

  it('raises an IndexError naming the dim and the valid range', () => {
    const err = thrown(() => sum(x23(), 2));
    expect(err).toBeInstanceOf(IndexError);
    const e = err as IndexError;
    expect(e.value).toBe(2);
    expect(e.range).toEqual([-2, 1]);
    expect(e.message).toMatch(/range of \[-2, 1\].*got 2/);
    expect(() => max(x23(), -3)).toThrow(IndexError);
    expect(() => norm(x23(), 2, [0, 5])).toThrow(IndexError);
    expect(() => argmax(x23(), 7)).toThrow(IndexError);
  });

  it('rejects a dim listed twice', () => {
    expect(() => sum(x23(), [1, -1])).toThrow(/appears multiple times/);
  });

  it('refuses int32 input', () => {
    const i = tensor([1, 2], { dtype: 'int32' });
    expect(() => sum(i)).toThrow(DTypeError);
    expect(() => max(i)).toThrow(DTypeError);
    expect(() => norm(i)).toThrow(DTypeError);
  });
});

describe('sum and mean', () => {
  it('accumulate float32 input in double precision before rounding once', () => {
    const x = tensor(new Float32Array(1000).fill(0.1));
    expect(sum(x).item()).toBe(Math.fround(1000 * Math.fround(0.1)));
  });

  it('give 0 and NaN for empty tensors, as PyTorch', () => {
    expect(sum(zeros([0])).item()).toBe(0);
    expect(Number.isNaN(mean(zeros([0])).item())).toBe(true);
    expect(sum(zeros([0, 3]), 0).toArray()).toEqual([0, 0, 0]);
  });
});

describe('var and std', () => {
  it('use Bessel correction by default and the given correction otherwise', () => {
    const x = tensor([1, 2, 3, 4], { dtype: 'float64' });
    expect(variance(x).item()).toBeCloseTo(5 / 3, 14);
    expect(variance(x, undefined, { correction: 0 }).item()).toBeCloseTo(1.25, 14);
    expect(std(x, 0, { correction: 0 }).item()).toBeCloseTo(Math.sqrt(1.25), 14);
  });

  it('give NaN for a single element with correction 1 (0/0), as PyTorch', () => {
    expect(Number.isNaN(variance(tensor([3])).item())).toBe(true);
  });

  it('std of a constant has a zero gradient, not NaN', () => {
    const x = tensor([2, 2, 2], { requiresGrad: true });
    std(x).backward();
    expect(x.grad!.toArray()).toEqual([0, 0, 0]);
  });
});

describe('max, min, argmax, argmin', () => {
  it('pick the first index among ties along a dim (PyTorch) and route the gradient there', () => {
    const x = tensor([[1, 3, 3], [2, 2, 1]], { requiresGrad: true });
    expect(argmax(x, 1).toArray()).toEqual([1, 0]);
    expect(argmax(x, 1).dtype).toBe('int32');
    max(x, 1).sum().backward();
    expect(x.grad!.tolist()).toEqual([
      [0, 1, 0],
      [1, 0, 0],
    ]);
  });

  it('split the gradient evenly among ties of a full reduction', () => {
    const x = tensor([1, 3, 3, 3], { requiresGrad: true, dtype: 'float64' });
    max(x).backward();
    expect(x.grad!.toArray()).toEqual([0, 1 / 3, 1 / 3, 1 / 3]);
    const y = tensor([0, -2, -2], { requiresGrad: true });
    min(y).backward();
    expect(y.grad!.toArray()).toEqual([0, 0.5, 0.5]);
  });

  it('propagate NaN and send the gradient of a NaN maximum to the NaN elements', () => {
    const x = tensor([1, NaN, 3], { requiresGrad: true });
    const m = max(x);
    expect(Number.isNaN(m.item())).toBe(true);
    m.backward();
    expect(x.grad!.toArray()).toEqual([0, 1, 0]);
    expect(argmax(tensor([1, NaN, 3, NaN])).item()).toBe(1);
    expect(Number.isNaN(min(tensor([[1, NaN], [0, 2]]), 1).data[0]!)).toBe(true);
  });

  it('give the flat index without a dim, with keepdim shapes', () => {
    const x = tensor([[1, 5], [7, 2]]);
    expect(argmax(x).item()).toBe(2);
    expect(argmax(x).shape).toEqual([]);
    expect(argmin(x, 0, true).tolist()).toEqual([[0, 1]]);
    expect(argmin(x, -1).toArray()).toEqual([0, 1]);
  });

  it('raise a ShapeError over an empty dim and return empty results over a non-empty one', () => {
    expect(() => max(zeros([0]))).toThrow(ShapeError);
    expect(() => min(zeros([3, 0]), 1)).toThrow(/empty dimension/);
    expect(max(zeros([0, 3]), 1).shape).toEqual([0]);
  });
});

describe('norm', () => {
  it('computes p = 0, 1, 2, 3, ±Infinity of a vector', () => {
    const x = tensor([3, -4, 0], { dtype: 'float64' });
    expect(norm(x, 0).item()).toBe(2);
    expect(norm(x, 1).item()).toBe(7);
    expect(norm(x).item()).toBe(5);
    expect(norm(x, 3).item()).toBeCloseTo(Math.cbrt(91), 14);
    expect(norm(x, Infinity).item()).toBe(4);
    expect(norm(x, -Infinity).item()).toBe(0);
  });

  it('has a zero gradient at the zero vector (p = 1, 2, 3)', () => {
    for (const p of [1, 2, 3]) {
      const x = zeros([3], { requiresGrad: true });
      norm(x, p).backward();
      expect(x.grad!.toArray()).toEqual([0, 0, 0]);
    }
  });

  it('propagates NaN in the ±∞-norms', () => {
    expect(Number.isNaN(norm(tensor([1, NaN, 3]), Infinity).item())).toBe(true);
    expect(Number.isNaN(norm(tensor([NaN, 1]), -Infinity).item())).toBe(true);
  });

  it('rejects p = NaN and ±∞-norms over an empty dim', () => {
    expect(() => norm(tensor([1]), NaN)).toThrow(ArgumentError);
    expect(() => norm(zeros([0]), Infinity)).toThrow(ShapeError);
    expect(norm(zeros([0])).item()).toBe(0);
  });
});

describe('sumTo', () => {
  it('sums a broadcast gradient back to the operand shape', () => {
    const g = tensor([[[1, 2, 3]], [[4, 5, 6]]]); // [2, 1, 3]
    expect(sumTo(g, [3]).toArray()).toEqual([5, 7, 9]);
    expect(sumTo(g, [1, 1]).toArray()).toEqual([21]);
    expect(sumTo(g, [2, 1, 1]).shape).toEqual([2, 1, 1]);
    expect(sumTo(g, [2, 1, 3])).toBe(g);
  });
});
