/**
 * Reverse-mode autograd semantics, as in PyTorch: accumulation into leaves, shared subgraphs,
 * retained and freed graphs, backward's seed rules, requiresGrad propagation and detach.
 */
import { describe, expect, it } from 'vitest';
import { ones, tensor } from '../creation.js';
import { AutogradError, DTypeError, ShapeError } from '../errors.js';
import { cat } from '../ops/shape-ops.js';
import { Tensor } from '../tensor.js';
import { noGrad } from './grad-mode.js';

const leaf = (values: number[], shape?: number[]): Tensor =>
  tensor(Float64Array.from(values), { shape: shape ?? [values.length], requiresGrad: true });

describe('backward', () => {
  it('computes the gradient of a scalar into the leaves', () => {
    const x = leaf([1, 2, 3]);
    x.mul(x).sum().backward(); // d/dx Σx² = 2x
    expect(x.grad!.toArray()).toEqual([2, 4, 6]);
    expect(x.grad!.shape).toEqual([3]);
    expect(x.grad!.dtype).toBe('float64');
  });

  it('accepts a one-element non-0-d root without a gradient', () => {
    const x = leaf([3]);
    x.mul(2).backward();
    expect(x.grad!.toArray()).toEqual([2]);
  });

  it('accumulates into .grad across two backward passes, in place after the first', () => {
    const x = leaf([1, 2]);
    x.mul(3).sum().backward();
    const first = x.grad!;
    expect(first.toArray()).toEqual([3, 3]);
    x.mul(x).sum().backward();
    expect(x.grad).toBe(first);
    expect(x.grad!.toArray()).toEqual([5, 7]);
  });

  it('sums the gradients of a tensor used twice (diamond)', () => {
    const x = leaf([2, -1]);
    const y = x.exp();
    const z = y.mul(x).add(y.mul(3)).sum(); // z = Σ(x+3)e^x, dz/dx = (x+4)e^x
    z.backward();
    expectArrayClose(x.grad!.toArray(), [6 * Math.exp(2), 3 * Math.exp(-1)]);
  });

  it('handles the same tensor as both operands of one op', () => {
    const x = leaf([1.5, -2]);
    x.mul(x).sum().backward();
    expect(x.grad!.toArray()).toEqual([3, -4]);
  });

  it('takes the given gradient for a non-scalar root (vector-Jacobian product)', () => {
    const x = leaf([1, 2, 3]);
    const y = x.mul(x);
    y.backward(tensor(Float64Array.from([1, 0.5, -1])));
    expect(x.grad!.toArray()).toEqual([2, 2, -6]);
  });

  it('converts a gradient of another dtype to the root dtype, as PyTorch does', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    x.mul(2).backward(tensor(Float64Array.from([1, 1])));
    expect(x.grad!.dtype).toBe('float32');
    expect(x.grad!.toArray()).toEqual([2, 2]);
  });

  it('does not alias the caller-supplied gradient', () => {
    const x = leaf([1, 2]);
    const g = tensor(Float64Array.from([5, 6]));
    x.reshape(2).backward(g);
    g.data[0] = 100;
    expect(x.grad!.toArray()).toEqual([5, 6]);
    x.backward(g);
    expect(g.toArray()).toEqual([100, 6]);
  });

  it('reaches a leaf through a reshape view with the leaf shape', () => {
    const x = leaf([1, 2, 3, 4], [2, 2]);
    x.reshape(4).mul(tensor(Float64Array.from([1, 2, 3, 4]))).sum().backward();
    expect(x.grad!.shape).toEqual([2, 2]);
    expect(x.grad!.tolist()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('leaves inputs that do not require grad without .grad', () => {
    const x = leaf([1, 2]);
    const c = tensor(Float64Array.from([3, 4]));
    x.mul(c).sum().backward();
    expect(c.grad).toBeNull();
    expect(x.grad!.toArray()).toEqual([3, 4]);
  });

  it('gives gradients only to the parts of cat that require grad', () => {
    const a = leaf([1, 2]);
    const b = tensor(Float64Array.from([3]));
    cat([a, b]).mul(tensor(Float64Array.from([10, 20, 30]))).sum().backward();
    expect(a.grad!.toArray()).toEqual([10, 20]);
    expect(b.grad).toBeNull();
  });

  it('keeps the gradient of a non-leaf after retainGrad()', () => {
    const x = leaf([1, 2]);
    const y = x.mul(3);
    y.retainGrad();
    y.mul(y).sum().backward(); // d/dy Σy² = 2y
    expect(y.grad!.toArray()).toEqual([6, 12]);
    expect(x.grad!.toArray()).toEqual([18, 36]);
  });

  it('leaves no .grad on non-leaves by default', () => {
    const x = leaf([1]);
    const y = x.mul(2);
    y.sum().backward();
    expect(y.grad).toBeNull();
  });

  it('walks a 20 000-op chain without recursion', () => {
    const x = leaf([1]);
    let y = x;
    for (let i = 0; i < 20000; i++) y = y.add(1);
    y.backward();
    expect(x.grad!.toArray()).toEqual([1]);
  });

  it('seeds a leaf root with ones', () => {
    const x = leaf([4]);
    x.backward();
    expect(x.grad!.toArray()).toEqual([1]);
  });
});

describe('freed and retained graphs', () => {
  it('raises AutogradError on a second backward through a freed graph', () => {
    const x = leaf([1, 2]);
    const loss = x.mul(x).sum();
    loss.backward();
    expect(() => loss.backward()).toThrow(AutogradError);
    expect(() => loss.backward()).toThrow(/second time.*retainGraph/s);
  });

  it('raises when a new graph reaches into a freed part of an old one', () => {
    const x = leaf([1, 2]);
    const y = x.mul(x);
    y.sum().backward();
    expect(() => y.mul(2).sum().backward()).toThrow(AutogradError);
  });

  it('allows a second backward with retainGraph and accumulates both', () => {
    const x = leaf([1, 2]);
    const loss = x.mul(x).sum();
    loss.backward(undefined, { retainGraph: true });
    loss.backward();
    expect(x.grad!.toArray()).toEqual([4, 8]);
    expect(() => loss.backward()).toThrow(AutogradError);
  });

  it('keeps the graph usable after a failed backward argument check', () => {
    const x = leaf([1, 2]);
    const y = x.mul(x);
    expect(() => y.backward()).toThrow(AutogradError);
    y.sum().backward();
    expect(x.grad!.toArray()).toEqual([2, 4]);
  });
});

describe('backward argument errors', () => {
  it('rejects a non-scalar root without a gradient, naming its shape', () => {
    const y = leaf([1, 2, 3, 4], [2, 2]).mul(2);
    expect(() => y.backward()).toThrow(AutogradError);
    expect(() => y.backward()).toThrow(/scalar outputs.*\[2, 2\]/);
  });

  it('rejects a gradient of the wrong shape, naming both shapes', () => {
    const y = leaf([1, 2, 3]).mul(2);
    let err: unknown;
    try {
      y.backward(tensor(Float64Array.from([1, 2]), { shape: [2] }));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ShapeError);
    expect((err as ShapeError).message).toMatch(/\[2\].*\[3\]/);
    expect((err as ShapeError).shapes).toEqual([[2], [3]]);
  });

  it('rejects backward on a tensor that does not require grad', () => {
    expect(() => ones([1]).backward()).toThrow(AutogradError);
    expect(() => noGrad(() => leaf([1]).mul(2)).backward()).toThrow(/does not require grad/);
  });
});

describe('requiresGrad propagation', () => {
  it('marks results of ops on grad-requiring inputs and records their gradFn', () => {
    const x = leaf([1]);
    const c = tensor(Float64Array.from([2]));
    const y = x.mul(c);
    expect(y.requiresGrad).toBe(true);
    expect(y.isLeaf).toBe(false);
    expect(y.gradFn!.name).toBe('MulBackward0');
    expect(y.gradFn!.inputs[0]).toBe(x);
    const z = c.mul(c);
    expect(z.requiresGrad).toBe(false);
    expect(z.gradFn).toBeNull();
    expect(z.isLeaf).toBe(true);
  });

  it('propagates through chains, reductions and shape ops', () => {
    const x = leaf([1, 2, 3, 4], [2, 2]);
    const y = x.transpose(0, 1).reshape(4).narrow(0, 1, 2).sum();
    expect(y.requiresGrad).toBe(true);
    expect(y.gradFn!.name).toBe('SumBackward1');
  });

  it('does not let comparisons and argmax require grad', () => {
    const x = leaf([1, 2]);
    expect(x.gt(1).requiresGrad).toBe(false);
    expect(x.argmax().requiresGrad).toBe(false);
  });

  it('refuses requiresGrad on int32 tensors with a DTypeError naming the dtype', () => {
    expect(() => tensor([1, 2], { dtype: 'int32', requiresGrad: true })).toThrow(DTypeError);
    const i = tensor([1, 2], { dtype: 'int32' });
    expect(() => (i.requiresGrad = true)).toThrow(/int32/);
    expect(() => i.requiresGrad_()).toThrow(DTypeError);
  });

  it('lets only leaves turn requiresGrad off', () => {
    const x = leaf([1]);
    const y = x.mul(2);
    expect(() => (y.requiresGrad = false)).toThrow(AutogradError);
    x.requiresGrad = false;
    expect(x.mul(2).requiresGrad).toBe(false);
  });
});

describe('detach', () => {
  it('shares storage with the original', () => {
    const x = leaf([1, 2]);
    const d = x.detach();
    expect(d.data).toBe(x.data);
    d.data[0] = 10;
    expect(x.data[0]).toBe(10);
  });

  it('cuts the graph: no gradient flows through the detached branch', () => {
    const x = leaf([1, 2]);
    const y = x.mul(x);
    expect(y.detach().requiresGrad).toBe(false);
    expect(y.detach().gradFn).toBeNull();
    const z = y.detach().mul(x).sum(); // d/dx (const · x) = const = x²
    z.backward();
    expect(x.grad!.toArray()).toEqual([1, 4]);
  });
});

function expectArrayClose(actual: number[], expected: number[], tol = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => expect(Math.abs(a - expected[i]!)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected[i]!))));
}
