/** The Tensor class itself: storage and shape, conversions out, clone/detach, and the grad flags. */
import { describe, expect, it } from 'vitest';
import { tensor, zeros } from './creation.js';
import { AutogradError, IndexError, ShapeError } from './errors.js';
import { Tensor } from './tensor.js';

describe('construction', () => {
  it('wraps storage without copying and freezes the shape', () => {
    const data = new Float32Array(6);
    const t = new Tensor(data, [2, 3]);
    expect(t.data).toBe(data);
    expect(Object.isFrozen(t.shape)).toBe(true);
    expect(t.dtype).toBe('float32');
    expect(new Tensor(new Float64Array(1), []).dtype).toBe('float64');
    expect(new Tensor(new Int32Array(2), [2]).dtype).toBe('int32');
  });

  it('copies the shape array it is given', () => {
    const shape = [2, 2];
    const t = new Tensor(new Float32Array(4), shape);
    shape[0] = 1;
    expect(t.shape).toEqual([2, 2]);
  });

  it('rejects storage that does not fit and invalid shapes, naming the shape', () => {
    expect(() => new Tensor(new Float32Array(5), [2, 3])).toThrow(ShapeError);
    expect(() => new Tensor(new Float32Array(5), [2, 3])).toThrow(/5 elements.*\[2, 3\]/);
    expect(() => new Tensor(new Float32Array(2), [-1, -2])).toThrow(ShapeError);
    expect(() => new Tensor(new Float32Array(2), [2.5])).toThrow(ShapeError);
  });

  it('reports ndim, size, numel and dimSize (negative dims count from the end)', () => {
    const t = zeros([2, 3, 4]);
    expect([t.ndim, t.size, t.numel()]).toEqual([3, 24, 24]);
    expect(t.dimSize(-1)).toBe(4);
    expect(t.dimSize(0)).toBe(2);
    expect(() => t.dimSize(3)).toThrow(IndexError);
    expect(tensor(1).ndim).toBe(0);
  });
});

describe('reading values', () => {
  it('item() reads a one-element tensor of any rank', () => {
    expect(tensor(3).item()).toBe(3);
    expect(tensor([[4]]).item()).toBe(4);
    expect(() => tensor([1, 2]).item()).toThrow(ShapeError);
    expect(() => tensor([1, 2]).item()).toThrow(/2 elements.*\[2\]/);
  });

  it('tolist() nests by shape and returns a number for a 0-d tensor', () => {
    expect(tensor(5).tolist()).toBe(5);
    const t = new Tensor(Float64Array.from({ length: 12 }, (_, i) => i), [2, 3, 2]);
    expect(t.tolist()).toEqual([
      [
        [0, 1],
        [2, 3],
        [4, 5],
      ],
      [
        [6, 7],
        [8, 9],
        [10, 11],
      ],
    ]);
    expect(zeros([2, 0]).tolist()).toEqual([[], []]);
    expect(zeros([0, 2]).tolist()).toEqual([]);
  });

  it('toString() shows values, shape, dtype and grad status', () => {
    expect(tensor([[1, 2]]).toString()).toBe('tensor([[1,2]], shape=[1, 2])');
    expect(tensor([1], { dtype: 'float64', requiresGrad: true }).toString()).toBe('tensor([1], shape=[1], dtype=float64, requiresGrad=true)');
    expect(tensor([1], { requiresGrad: true }).mul(2).toString()).toContain('gradFn=MulBackward0');
  });
});

describe('clone, detach, to', () => {
  it('clone copies storage and is differentiable', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const c = x.clone();
    expect(c.data).not.toBe(x.data);
    expect(c.toArray()).toEqual([1, 2]);
    expect(c.gradFn!.name).toBe('CloneBackward0');
    c.mul(tensor([3, 4])).sum().backward();
    expect(x.grad!.toArray()).toEqual([3, 4]);
  });

  it('detach shares storage and returns a leaf that does not require grad', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const d = x.detach();
    expect(d.data).toBe(x.data);
    expect(d.requiresGrad).toBe(false);
    expect(d.isLeaf).toBe(true);
  });

  it('to / float / double convert, returning the same tensor for the same dtype', () => {
    const t = tensor([1.5]);
    expect(t.float()).toBe(t);
    expect(t.double().dtype).toBe('float64');
    expect(t.to('int32').toArray()).toEqual([1]);
  });
});

describe('grad flags', () => {
  it('requiresGrad_ sets the flag and returns the tensor', () => {
    const t = zeros([2]);
    expect(t.requiresGrad_()).toBe(t);
    expect(t.requiresGrad).toBe(true);
    t.requiresGrad_(false);
    expect(t.requiresGrad).toBe(false);
  });

  it('grad starts null and can be assigned and cleared', () => {
    const t = zeros([2], { requiresGrad: true });
    expect(t.grad).toBeNull();
    t.grad = zeros([2]);
    t.grad = null;
    expect(t.grad).toBeNull();
  });

  it('retainGrad needs a tensor that requires grad', () => {
    expect(() => zeros([1]).retainGrad()).toThrow(AutogradError);
  });

  it('t() transposes up to 2-D and rejects more', () => {
    expect(tensor([1, 2]).t().shape).toEqual([2]);
    expect(() => zeros([1, 2, 3]).t()).toThrow(/<= 2 dimensions/);
  });
});
