/**
 * Elementwise ops beyond the PyTorch fixture (ops.torch.test.ts): broadcasting and dtype errors,
 * operand coercion, NaN handling and the non-differentiable ops.
 */
import { describe, expect, it } from 'vitest';
import { tensor } from '../creation.js';
import { DTypeError, ShapeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { add, clamp, compare, div, maximum, minimum, mul, pow, sign, sub, where } from './elementwise.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('broadcasting', () => {
  it('broadcasts [2,1,3] with [4,1] to [2,4,3] row-major', () => {
    const a = tensor([[[0, 1, 2]], [[10, 11, 12]]]);
    const b = tensor([[100], [200], [300], [400]]);
    const c = add(a, b);
    expect(c.shape).toEqual([2, 4, 3]);
    expect(c.tolist()).toEqual([
      [
        [100, 101, 102],
        [200, 201, 202],
        [300, 301, 302],
        [400, 401, 402],
      ],
      [
        [110, 111, 112],
        [210, 211, 212],
        [310, 311, 312],
        [410, 411, 412],
      ],
    ]);
  });

  it('broadcasts a 0-d tensor and a [1] tensor against anything', () => {
    expect(mul(tensor([[1, 2]]), tensor(3)).tolist()).toEqual([[3, 6]]);
    expect(sub(tensor([1]), tensor([[1, 2], [3, 4]])).tolist()).toEqual([
      [0, -1],
      [-2, -3],
    ]);
  });

  it('handles empty broadcasts', () => {
    const c = add(tensor([[]]).reshape(1, 0), tensor([[1], [2]]));
    expect(c.shape).toEqual([2, 0]);
  });

  it('raises a ShapeError naming both shapes and the dimension', () => {
    const err = thrown(() => add(tensor([[1, 2, 3]]), tensor([[1, 2], [3, 4]])));
    expect(err).toBeInstanceOf(ShapeError);
    const e = err as ShapeError;
    expect(e.message).toContain('[1, 3]');
    expect(e.message).toContain('[2, 2]');
    expect(e.message).toMatch(/dimension 1/);
    expect(e.shapes).toEqual([
      [1, 3],
      [2, 2],
    ]);
  });

  it('raises for where with an incompatible condition', () => {
    expect(() => where(tensor([1, 0, 1]), tensor([1, 2]), 0)).toThrow(ShapeError);
  });
});

describe('dtypes', () => {
  it('keeps float32 by default and float64 when both operands are float64', () => {
    expect(add(tensor([1]), tensor([2])).dtype).toBe('float32');
    const d = tensor([1], { dtype: 'float64' });
    expect(add(d, d).dtype).toBe('float64');
  });

  it('rounds float32 results to float32', () => {
    expect(div(tensor([1]), 3).data[0]).toBe(Math.fround(1 / 3));
    expect(div(tensor([1], { dtype: 'float64' }), 3).data[0]).toBe(1 / 3);
  });

  it('gives a number operand the dtype of the tensor operand', () => {
    expect(add(tensor([1], { dtype: 'float64' }), 0.1).dtype).toBe('float64');
    expect(sub(1, tensor([1], { dtype: 'float64' })).dtype).toBe('float64');
    expect(add(tensor([1], { dtype: 'float64' }), 0.1).data[0]).toBe(1.1);
  });

  it('raises a DTypeError naming both dtypes and shapes for float32 with float64', () => {
    const err = thrown(() => mul(tensor([1, 2]), tensor([[1]], { dtype: 'float64' })));
    expect(err).toBeInstanceOf(DTypeError);
    const e = err as DTypeError;
    expect(e.dtypes).toEqual(['float32', 'float64']);
    expect(e.message).toMatch(/float32.*float64/);
    expect(e.message).toContain('[2]');
    expect(e.message).toContain('[1, 1]');
  });

  it('refuses arithmetic on int32 tensors', () => {
    const i = tensor([1, 2], { dtype: 'int32' });
    expect(() => add(i, 1)).toThrow(DTypeError);
    expect(() => i.neg()).toThrow(/int32/);
    expect(() => clamp(i, 0, 1)).toThrow(DTypeError);
    expect(() => pow(i, 2)).toThrow(DTypeError);
  });
});

describe('pow', () => {
  it('uses the fast paths for 2 and 0.5 with the same values as Math.pow', () => {
    const x = tensor([0, 1.5, 4, 9], { dtype: 'float64' });
    expect(pow(x, 2).toArray()).toEqual([0, 2.25, 16, 81]);
    expect(pow(x, 0.5).toArray()).toEqual([0, Math.sqrt(1.5), 2, 3]);
    expect(pow(x, 0).toArray()).toEqual([1, 1, 1, 1]);
  });

  it('gives NaN for a negative base with a fractional exponent, as PyTorch', () => {
    expect(Number.isNaN(pow(tensor([-4]), 0.5).data[0])).toBe(true);
  });

  it('takes a number base (torch.pow(2, x))', () => {
    const x = tensor([0, 1, 3], { requiresGrad: true });
    const y = pow(2, x);
    expect(y.toArray()).toEqual([1, 2, 8]);
    y.sum().backward();
    expect(x.grad!.toArray().map((v) => Math.round(v * 1e5) / 1e5)).toEqual([0.69315, 1.38629, 5.54518]);
  });
});

describe('maximum / minimum', () => {
  it('propagate NaN from either side, as torch.maximum', () => {
    const a = tensor([NaN, 1, 2]);
    const b = tensor([0, NaN, 3]);
    expect(maximum(a, b).toArray().map(String)).toEqual(['NaN', 'NaN', '3']);
    expect(minimum(a, b).toArray().map(String)).toEqual(['NaN', 'NaN', '2']);
  });

  it('split the gradient half-half at ties and send it to one side elsewhere', () => {
    const a = tensor([1, 5, 2], { requiresGrad: true });
    const b = tensor([1, 3, 4], { requiresGrad: true });
    maximum(a, b).sum().backward();
    expect(a.grad!.toArray()).toEqual([0.5, 1, 0]);
    expect(b.grad!.toArray()).toEqual([0.5, 0, 1]);
  });

  it('sum the gradient of a broadcast operand', () => {
    const a = tensor([[1, 5], [3, 0]], { requiresGrad: true });
    const b = tensor([2], { requiresGrad: true });
    minimum(a, b).sum().backward();
    expect(b.grad!.toArray()).toEqual([2]);
    expect(a.grad!.toArray()).toEqual([1, 0, 0, 1]);
  });
});

describe('sign and comparisons', () => {
  it('sign is −1, 0 or 1, with 0 for ±0 and NaN (PyTorch CPU)', () => {
    const s = sign(tensor([-2, -0, 0, 3, NaN, -Infinity])).toArray();
    expect(s).toEqual([-1, 0, 0, 1, 0, -1]);
    expect(Object.is(s[1], 0)).toBe(true);
  });

  it('sign has a zero gradient', () => {
    const x = tensor([-2, 3], { requiresGrad: true });
    sign(x).sum().backward();
    expect(x.grad!.toArray()).toEqual([0, 0]);
  });

  it('comparisons give 0/1 tensors that do not require grad', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    const lt = compare(x, 2, 'lt');
    expect(lt.toArray()).toEqual([1, 0, 0]);
    expect(lt.requiresGrad).toBe(false);
    expect(x.ge(2).toArray()).toEqual([0, 1, 1]);
    expect(x.eq(tensor([1, 0, 3])).toArray()).toEqual([1, 0, 1]);
    expect(x.ne(2).toArray()).toEqual([1, 0, 1]);
  });

  it('comparisons of int32 tensors give float32 and allow mixed dtypes', () => {
    const i = tensor([1, 5], { dtype: 'int32' });
    expect(i.gt(2).dtype).toBe('float32');
    expect(i.gt(2).toArray()).toEqual([0, 1]);
    expect(tensor([1, 2], { dtype: 'float64' }).le(tensor([2, 1])).toArray()).toEqual([1, 0]);
  });

  it('NaN compares false except with ne', () => {
    const x = tensor([NaN]);
    expect([x.eq(x), x.lt(1), x.ge(1), x.ne(x)].map((t) => t.item())).toEqual([0, 0, 0, 1]);
  });

  it('where takes a comparison result as its condition', () => {
    const x = tensor([-1, 2, -3], { requiresGrad: true });
    const y = where(x.gt(0), x, x.mul(0.1));
    expect(Array.from(y.data)).toEqual([Math.fround(-0.1), 2, Math.fround(-0.3)]);
    y.sum().backward();
    expect(x.grad!.toArray()).toEqual([Math.fround(0.1), 1, Math.fround(0.1)]);
  });
});

describe('clamp', () => {
  it('clamps with only one bound and passes NaN through', () => {
    expect(clamp(tensor([-1, 0.5, 2]), null, 1).toArray()).toEqual([-1, 0.5, 1]);
    expect(clamp(tensor([-1, 0.5, 2]), 0, null).toArray()).toEqual([0, 0.5, 2]);
    expect(Number.isNaN(clamp(tensor([NaN]), 0, 1).data[0])).toBe(true);
  });

  it('passes the gradient at the bounds themselves (PyTorch: min ≤ x ≤ max)', () => {
    const x = tensor([-1, 0, 0.5, 1, 2], { requiresGrad: true });
    clamp(x, 0, 1).sum().backward();
    expect(x.grad!.toArray()).toEqual([0, 1, 1, 1, 0]);
  });
});

describe('numbers as operands', () => {
  it('combine two numbers into a float32 0-d tensor', () => {
    const t = add(1, 2);
    expect(t).toBeInstanceOf(Tensor);
    expect(t.shape).toEqual([]);
    expect(t.item()).toBe(3);
  });
});
