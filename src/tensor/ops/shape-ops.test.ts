/**
 * Shape ops beyond the PyTorch fixture: which results are views (shared storage) and which are
 * copies, argument forms, dtype conversion, and errors that name the shapes, dims and indices.
 */
import { describe, expect, it } from 'vitest';
import { arange, tensor, zeros } from '../creation.js';
import { ArgumentError, DTypeError, IndexError, ShapeError } from '../errors.js';
import { cat, expand, flatten, gather, indexSelect, narrow, permute, reshape, slice, squeeze, stack, toDType, transpose, unsqueeze } from './shape-ops.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

const x234 = () => arange(24).reshape(2, 3, 4);

describe('views share storage', () => {
  it.each([
    ['reshape', () => x234(), (t: ReturnType<typeof x234>) => t.reshape(6, 4)],
    ['view', () => x234(), (t: ReturnType<typeof x234>) => t.view([4, -1])],
    ['flatten', () => x234(), (t: ReturnType<typeof x234>) => flatten(t, 1)],
    ['squeeze', () => zeros([1, 3, 1]), (t: ReturnType<typeof x234>) => squeeze(t)],
    ['unsqueeze', () => x234(), (t: ReturnType<typeof x234>) => unsqueeze(t, -1)],
  ])('%s', (_name, make, op) => {
    const t = make();
    const v = op(t);
    expect(v.data).toBe(t.data);
    v.data[0] = 99;
    expect(t.data[0]).toBe(99);
  });

  it('a view of a grad-requiring tensor still records the graph', () => {
    const t = zeros([2, 2], { requiresGrad: true });
    const v = t.reshape(4);
    expect(v.gradFn!.name).toBe('ViewBackward0');
  });
});

describe('copies own their storage', () => {
  it.each([
    ['transpose', (t: ReturnType<typeof x234>) => transpose(t, 0, 1)],
    ['permute', (t: ReturnType<typeof x234>) => permute(t, [2, 0, 1])],
    ['expand', (t: ReturnType<typeof x234>) => expand(t, [2, 2, 3, 4])],
    ['slice', (t: ReturnType<typeof x234>) => slice(t, 2, 0, 4)],
    ['narrow', (t: ReturnType<typeof x234>) => narrow(t, 0, 0, 2)],
    ['indexSelect', (t: ReturnType<typeof x234>) => indexSelect(t, 0, [0, 1])],
    ['clone', (t: ReturnType<typeof x234>) => t.clone()],
    ['cat', (t: ReturnType<typeof x234>) => cat([t])],
  ])('%s', (_name, op) => {
    const t = x234();
    const c = op(t);
    expect(c.data).not.toBe(t.data);
    const before = t.data[0];
    c.data[0] = 99;
    expect(t.data[0]).toBe(before);
  });
});

describe('values', () => {
  it('transposes and permutes into contiguous row-major order', () => {
    const t = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(transpose(t, 0, 1).tolist()).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(t.t().shape).toEqual([3, 2]);
    expect(permute(x234(), [2, 0, 1]).shape).toEqual([4, 2, 3]);
    expect(permute(x234(), [2, 0, 1]).data[1]).toBe(4);
  });

  it('accepts shapes as arguments or as one array', () => {
    expect(x234().reshape([4, 6]).shape).toEqual([4, 6]);
    expect(x234().reshape(4, 6).shape).toEqual([4, 6]);
    expect(x234().permute(1, 0, 2).shape).toEqual([3, 2, 4]);
    expect(tensor([1, 2]).expand(3, -1).shape).toEqual([3, 2]);
  });

  it('slices with negative bounds, steps and empty ranges', () => {
    const t = arange(10);
    expect(slice(t, 0, -3).toArray()).toEqual([7, 8, 9]);
    expect(slice(t, 0, 1, 8, 3).toArray()).toEqual([1, 4, 7]);
    expect(slice(t, 0, 5, 2).shape).toEqual([0]);
    expect(slice(t, 0, -100, 100).toArray().length).toBe(10);
    expect(narrow(t, 0, -2, 2).toArray()).toEqual([8, 9]);
  });

  it('takes mini-batch rows with indexSelect, repeated rows adding their gradients', () => {
    const data = tensor([[1, 2], [3, 4], [5, 6]], { requiresGrad: true });
    const batch = indexSelect(data, 0, tensor([2, 0, 2], { dtype: 'int32' }));
    expect(batch.tolist()).toEqual([
      [5, 6],
      [1, 2],
      [5, 6],
    ]);
    batch.sum().backward();
    expect(data.grad!.tolist()).toEqual([
      [1, 1],
      [0, 0],
      [2, 2],
    ]);
    expect(indexSelect(data, 0, [-1]).tolist()).toEqual([[5, 6]]);
  });

  it('gathers along a dim, scattering repeated gradients back', () => {
    const t = tensor([[1, 2, 3], [4, 5, 6]], { requiresGrad: true });
    const g = gather(t, 1, tensor([[2, 2], [0, 1]], { dtype: 'int32' }));
    expect(g.tolist()).toEqual([
      [3, 3],
      [4, 5],
    ]);
    g.sum().backward();
    expect(t.grad!.tolist()).toEqual([
      [0, 0, 2],
      [1, 1, 0],
    ]);
  });

  it('stacks along a new dim and cats along an existing one', () => {
    const a = tensor([1, 2]);
    const b = tensor([3, 4]);
    expect(stack([a, b]).tolist()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(stack([a, b], 1).tolist()).toEqual([
      [1, 3],
      [2, 4],
    ]);
    expect(cat([a, b]).toArray()).toEqual([1, 2, 3, 4]);
  });

  it('squeeze with a dim of size > 1 is a no-op; unsqueeze accepts ndim', () => {
    expect(squeeze(zeros([2, 3]), 0).shape).toEqual([2, 3]);
    expect(unsqueeze(zeros([2, 3]), 2).shape).toEqual([2, 3, 1]);
    expect(flatten(tensor(3)).shape).toEqual([1]);
  });
});

describe('dtype conversion', () => {
  it('converts float to int32 by truncation toward zero and back', () => {
    const t = tensor([-1.7, -0.2, 0.9, 2.5]);
    expect(toDType(t, 'int32').toArray()).toEqual([-1, 0, 0, 2]);
    expect(t.to('float32')).toBe(t);
  });

  it('is differentiable between float dtypes, returning the gradient in the source dtype', () => {
    const t = tensor([1, 2], { requiresGrad: true });
    const d = t.double();
    expect(d.dtype).toBe('float64');
    d.mul(d).sum().backward();
    expect(t.grad!.dtype).toBe('float32');
    expect(t.grad!.toArray()).toEqual([2, 4]);
  });
});

describe('errors', () => {
  it('reshape names the target shape, the size and the source shape', () => {
    const err = thrown(() => x234().reshape(5, -1));
    expect(err).toBeInstanceOf(ShapeError);
    expect((err as ShapeError).message).toMatch(/\[5, -1\].*24.*\[2, 3, 4\]/);
    expect(() => x234().reshape(-1, -1)).toThrow(/only one dimension/);
    expect(() => x234().reshape(2, 3)).toThrow(ShapeError);
  });

  it('dims out of range raise IndexError naming the dim', () => {
    for (const fn of [
      () => transpose(x234(), 0, 3),
      () => unsqueeze(x234(), 4),
      () => squeeze(x234(), -4),
      () => squeeze(tensor(1), 2),
      () => narrow(x234(), 3, 0, 1),
      () => slice(x234(), -4),
      () => cat([x234()], 3),
      () => stack([x234()], 4),
      () => flatten(x234(), 3),
      () => gather(x234(), 3, zeros([1, 1, 1], { dtype: 'int32' })),
    ]) {
      const err = thrown(fn);
      expect(err).toBeInstanceOf(IndexError);
      expect((err as IndexError).message).toMatch(/Dimension out of range.*got -?\d/);
    }
  });

  it('expand names both shapes', () => {
    const err = thrown(() => expand(zeros([2, 3]), [4, 3, 2]));
    expect(err).toBeInstanceOf(ShapeError);
    expect((err as ShapeError).message).toMatch(/\[4, 3, 2\].*\[2, 3\]/);
    expect(() => expand(zeros([2, 3]), [3])).toThrow(/fewer dims/);
    expect(() => expand(zeros([3]), [-1, 3])).toThrow(ShapeError);
  });

  it('permute rejects a wrong number of dims and repeated dims', () => {
    expect(() => permute(x234(), [0, 1])).toThrow(ShapeError);
    expect(() => permute(x234(), [0, 1, -3])).toThrow(ArgumentError);
  });

  it('narrow, slice, indexSelect and gather reject out-of-range positions', () => {
    expect(() => narrow(arange(4), 0, 2, 3)).toThrow(IndexError);
    expect(() => slice(arange(4), 0, 0, 2, 0)).toThrow(ArgumentError);
    expect(() => narrow(tensor(3), 0, 0, 1)).toThrow(/0-d tensor/);
    expect(() => slice(tensor(3), -1)).toThrow(ShapeError);
    const err = thrown(() => indexSelect(arange(4), 0, [1, 4]));
    expect(err).toBeInstanceOf(IndexError);
    expect((err as IndexError).value).toBe(4);
    expect((err as IndexError).message).toMatch(/index 4.*size 4/);
    expect(() => indexSelect(zeros([3, 2]), 0, tensor([[0]], { dtype: 'int32' }))).toThrow(ShapeError);
    expect(() => indexSelect(zeros([3, 2]), 0, [0.5])).toThrow(IndexError);
    expect(() => gather(zeros([2, 2]), 1, tensor([[0, 2]], { dtype: 'int32' }))).toThrow(IndexError);
    expect(() => gather(zeros([2, 2]), 1, tensor([0, 1], { dtype: 'int32' }))).toThrow(ShapeError);
    expect(() => gather(zeros([2, 2]), 1, zeros([3, 1], { dtype: 'int32' }))).toThrow(ShapeError);
  });

  it('cat and stack name both shapes, reject mixed dtypes, empty lists and 0-d tensors', () => {
    const err = thrown(() => cat([zeros([2, 3]), zeros([2, 4])]));
    expect(err).toBeInstanceOf(ShapeError);
    expect((err as ShapeError).message).toMatch(/\[2, 3\] and \[2, 4\]/);
    expect(cat([zeros([2, 3]), zeros([2, 4])], 1).shape).toEqual([2, 7]);
    expect(() => cat([zeros([2]), zeros([2, 1])])).toThrow(ShapeError);
    expect(() => stack([zeros([2]), zeros([3])])).toThrow(/\[2\] and \[3\]/);
    const d = thrown(() => cat([zeros([2]), zeros([2], { dtype: 'float64' })]));
    expect(d).toBeInstanceOf(DTypeError);
    expect((d as DTypeError).dtypes).toEqual(['float32', 'float64']);
    expect(() => cat([])).toThrow(ArgumentError);
    expect(() => stack([])).toThrow(ArgumentError);
    expect(() => cat([tensor(1), tensor(2)])).toThrow(/zero-dimensional/);
  });
});
