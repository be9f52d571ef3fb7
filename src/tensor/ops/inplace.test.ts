/**
 * In-place updates: allowed on plain tensors and, inside noGrad, on tensors that require grad
 * (what optimizers do); they keep storage (views see them), broadcast the operand, and refuse
 * shapes that would grow the destination.
 */
import { describe, expect, it } from 'vitest';
import { noGrad } from '../autograd/grad-mode.js';
import { tensor, zeros } from '../creation.js';
import { AutogradError, DTypeError, ShapeError } from '../errors.js';

describe('in-place on tensors that require grad', () => {
  it('raises AutogradError outside noGrad, for every in-place method', () => {
    const w = tensor([1, 2], { requiresGrad: true });
    for (const op of [
      () => w.add_(1),
      () => w.sub_(1),
      () => w.mul_(2),
      () => w.div_(2),
      () => w.fill_(0),
      () => w.zero_(),
      () => w.copy_(tensor([3, 4])),
      () => w.clamp_(0, 1),
    ]) {
      expect(op).toThrow(AutogradError);
      expect(op).toThrow(/noGrad/);
    }
    expect(w.toArray()).toEqual([1, 2]);
  });

  it('also guards a view of such a tensor', () => {
    const w = tensor([1, 2], { requiresGrad: true });
    expect(() => w.reshape(2, 1).add_(1)).toThrow(AutogradError);
  });

  it('works inside noGrad: an SGD step changes the data and later graphs use it', () => {
    const w = tensor([1, 2], { requiresGrad: true });
    w.mul(w).sum().backward();
    noGrad(() => {
      w.sub_(w.grad!, 0.25); // w ← w − 0.25·2w
      w.grad!.zero_();
    });
    expect(w.toArray()).toEqual([0.5, 1]);
    expect(w.requiresGrad).toBe(true);
    expect(w.isLeaf).toBe(true);
    w.mul(w).sum().backward();
    expect(w.grad!.toArray()).toEqual([1, 2]);
  });

  it('direct writes to .data inside noGrad are what optimizers may do', () => {
    const w = tensor([1, 2], { requiresGrad: true });
    noGrad(() => {
      w.data[0] = 5;
    });
    expect(w.mul(1).toArray()).toEqual([5, 2]);
  });
});

describe('in-place values', () => {
  it('keeps storage, so views see the update', () => {
    const t = zeros([2, 2]);
    const v = t.reshape(4);
    const data = t.data;
    t.add_(tensor([1, 2])).mul_(3);
    expect(t.data).toBe(data);
    expect(v.toArray()).toEqual([3, 6, 3, 6]);
  });

  it('applies alpha and broadcasts the operand', () => {
    const t = tensor([[1, 1], [1, 1]]);
    t.add_(tensor([[1], [2]]), 2);
    expect(t.tolist()).toEqual([
      [3, 3],
      [5, 5],
    ]);
    t.sub_(1, 0.5).div_(tensor([2, 5]));
    expect(t.tolist()).toEqual([
      [1.25, 0.5],
      [2.25, 0.9],
    ].map((r) => r.map((v) => Math.fround(v))));
  });

  it('clamps and fills in place', () => {
    const t = tensor([-2, 0.5, 3]);
    expect(t.clamp_(0, 1).toArray()).toEqual([0, 0.5, 1]);
    expect(t.clamp_(null, 0.25).toArray()).toEqual([0, 0.25, 0.25]);
    expect(t.fill_(7).toArray()).toEqual([7, 7, 7]);
  });

  it('copy_ converts dtype and broadcasts', () => {
    const i = zeros([2, 2], { dtype: 'int32' });
    i.copy_(tensor([1.9, -1.9], { dtype: 'float64' }));
    expect(i.toArray()).toEqual([1, -1, 1, -1]);
    const f = zeros([3]);
    f.copy_(2.5);
    expect(f.toArray()).toEqual([2.5, 2.5, 2.5]);
  });
});

describe('in-place errors', () => {
  it('refuses an operand that would grow the destination, naming both shapes', () => {
    const t = zeros([3]);
    expect(() => t.add_(zeros([2, 3]))).toThrow(ShapeError);
    expect(() => t.add_(zeros([2, 3]))).toThrow(/\[2, 3\].*\[3\]/);
    expect(() => t.copy_(zeros([4]))).toThrow(ShapeError);
  });

  it('refuses arithmetic on int32 and mixed float dtypes', () => {
    expect(() => zeros([2], { dtype: 'int32' }).add_(1)).toThrow(DTypeError);
    expect(() => zeros([2]).mul_(zeros([2], { dtype: 'float64' }))).toThrow(/float32.*float64/);
  });
});
