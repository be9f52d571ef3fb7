/**
 * Creating tensors: `tensor()` from nested arrays and typed arrays, constant fills, ranges
 * (checked against PyTorch's arange/linspace), eye, and the `*Like` variants.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/fixtures.js';
import { arange, eye, full, fullLike, linspace, ones, onesLike, tensor, zeros, zerosLike } from './creation.js';
import { ArgumentError, DTypeError, ShapeError } from './errors.js';

interface CreationCase {
  fn: 'arange' | 'linspace';
  args: [number, number, number];
  dtype: 'float32' | 'float64';
  data: number[];
}
const fixture = JSON.parse(readFileSync(new URL('./ops/fixtures/tensor_ops.json', import.meta.url), 'utf8')) as {
  creation: CreationCase[];
};

describe('tensor()', () => {
  it('infers the shape from nested arrays and defaults to float32', () => {
    const t = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(t.shape).toEqual([2, 3]);
    expect(t.dtype).toBe('float32');
    expect(t.data).toBeInstanceOf(Float32Array);
    expect(t.toArray()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(t.requiresGrad).toBe(false);
  });

  it('makes a 0-d tensor from a number and empty shapes from empty arrays', () => {
    expect(tensor(2.5).shape).toEqual([]);
    expect(tensor(2.5).item()).toBe(2.5);
    expect(tensor([]).shape).toEqual([0]);
    expect(tensor([[]]).shape).toEqual([1, 0]);
  });

  it('rounds to float32 unless float64 is asked for', () => {
    expect(tensor([0.1]).data[0]).toBe(Math.fround(0.1));
    expect(tensor([0.1], { dtype: 'float64' }).data[0]).toBe(0.1);
  });

  it('copies a typed array, keeping its dtype unless told otherwise', () => {
    const src = new Float64Array([1, 2, 3, 4]);
    const t = tensor(src, { shape: [2, 2] });
    expect(t.dtype).toBe('float64');
    expect(t.shape).toEqual([2, 2]);
    src[0] = 9;
    expect(t.data[0]).toBe(1);
    expect(tensor(new Int32Array([1, 2])).dtype).toBe('int32');
    expect(tensor(new Float32Array([1.5])).dtype).toBe('float32');
    expect(tensor(new Float64Array([1.7, -1.7]), { dtype: 'int32' }).toArray()).toEqual([1, -1]);
  });

  it('reshapes nested data with the shape option', () => {
    expect(tensor([[1, 2], [3, 4]], { shape: [4] }).shape).toEqual([4]);
  });

  it('makes a grad-requiring leaf on request', () => {
    const t = tensor([1], { requiresGrad: true });
    expect(t.requiresGrad).toBe(true);
    expect(t.isLeaf).toBe(true);
    expect(() => tensor([1], { dtype: 'int32', requiresGrad: true })).toThrow(DTypeError);
  });

  it('raises a DTypeError naming an unknown dtype (int64, bool, float16) and the supported ones', () => {
    // What a JavaScript caller (or a PyTorch habit) can pass past the type checker.
    for (const name of ['int64', 'bool', 'float16']) {
      const dtype = name as 'float32';
      expect(() => tensor([1, 2], { dtype })).toThrow(DTypeError);
      expect(() => tensor([1, 2], { dtype })).toThrow(new RegExp(`unknown dtype "${name}".*float32, float64 or int32`));
      expect(() => tensor(new Float32Array([1, 2]), { dtype })).toThrow(DTypeError);
      expect(() => zeros([2], { dtype })).toThrow(DTypeError);
      expect(() => full([2], 1, { dtype })).toThrow(DTypeError);
      expect(() => arange(0, 3, 1, { dtype })).toThrow(DTypeError);
    }
  });

  it('raises a ShapeError for ragged arrays, non-numbers and a shape that does not fit', () => {
    expect(() => tensor([[1, 2], [3]])).toThrow(ShapeError);
    expect(() => tensor([[1, 2], [3]])).toThrow(/ragged.*expected length 2.*got 1/);
    expect(() => tensor([[1, 2], 3] as never)).toThrow(ShapeError);
    expect(() => tensor([1, [2]] as never)).toThrow(/expected a number/);
    expect(() => tensor([1, 2, 3], { shape: [2, 2] })).toThrow(/3 values.*\[2, 2\]/);
    expect(() => tensor([1, 2], { shape: [-1, -2] })).toThrow(ShapeError);
  });
});

describe('constant fills', () => {
  it('zeros, ones and full with shape and dtype', () => {
    expect(zeros([2, 3]).toArray()).toEqual([0, 0, 0, 0, 0, 0]);
    expect(ones([2], { dtype: 'float64' }).data).toBeInstanceOf(Float64Array);
    expect(full([2, 2], 7, { dtype: 'int32' }).toArray()).toEqual([7, 7, 7, 7]);
    expect(full([], 3).shape).toEqual([]);
    expect(zeros([0, 4]).size).toBe(0);
    expect(ones([2], { requiresGrad: true }).requiresGrad).toBe(true);
  });

  it('*Like copy shape and dtype but not requiresGrad, unless asked', () => {
    const src = tensor([[1, 2]], { dtype: 'float64', requiresGrad: true });
    const z = zerosLike(src);
    expect(z.shape).toEqual([1, 2]);
    expect(z.dtype).toBe('float64');
    expect(z.requiresGrad).toBe(false);
    expect(onesLike(src, { dtype: 'float32' }).dtype).toBe('float32');
    expect(fullLike(src, 4, { requiresGrad: true }).requiresGrad).toBe(true);
    expect(fullLike(src, 4).toArray()).toEqual([4, 4]);
  });

  it('reject bad shapes', () => {
    expect(() => zeros([2, -1])).toThrow(ShapeError);
    expect(() => ones([1.5])).toThrow(/non-negative integers/);
  });
});

describe('arange and linspace against PyTorch', () => {
  it.each(fixture.creation.filter((c) => c.fn === 'arange').map((c) => [c.args.join(', '), c.dtype, c] as const))(
    'arange(%s) %s is bit-identical',
    (_args, _dtype, c) => {
      const [start, end, step] = c.args;
      const t = arange(start, end, step, { dtype: c.dtype });
      expect(t.dtype).toBe(c.dtype);
      expect(t.toArray()).toEqual(c.data);
    },
  );

  it.each(fixture.creation.filter((c) => c.fn === 'linspace').map((c) => [c.args.join(', '), c.dtype, c] as const))(
    'linspace(%s) %s matches to an ulp',
    (_args, _dtype, c) => {
      const [start, end, steps] = c.args;
      const t = linspace(start, end, steps, { dtype: c.dtype });
      expect(t.shape).toEqual([c.data.length]);
      expect(t.data[0]).toBe(c.data[0]);
      expect(t.data[t.size - 1]).toBe(c.data[c.data.length - 1]);
      expectClose(t.data, c.data, 0, c.dtype === 'float32' ? 1e-6 : 1e-14, `linspace(${c.args.join(', ')})`);
    },
  );

  it('arange with one argument counts from 0', () => {
    expect(arange(4).toArray()).toEqual([0, 1, 2, 3]);
    expect(arange(0).shape).toEqual([0]);
  });

  it('arange rejects a zero step and a step of the wrong sign', () => {
    expect(() => arange(0, 3, 0)).toThrow(ArgumentError);
    const err = (() => {
      try {
        arange(0, 3, -1);
      } catch (e) {
        return e as ArgumentError;
      }
      throw new Error('expected a throw');
    })();
    expect(err).toBeInstanceOf(ArgumentError);
    expect(err.argument).toBe('step');
    expect(err.message).toMatch(/start 0, end 3, step -1/);
  });

  it('linspace rejects a negative or fractional step count', () => {
    expect(() => linspace(0, 1, -1)).toThrow(ArgumentError);
    expect(() => linspace(0, 1, 2.5)).toThrow(/steps/);
  });
});

describe('eye', () => {
  it('is the identity, square or rectangular', () => {
    expect(eye(2).tolist()).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(eye(2, 3).tolist()).toEqual([
      [1, 0, 0],
      [0, 1, 0],
    ]);
    expect(eye(3, 1, { dtype: 'float64' }).tolist()).toEqual([[1], [0], [0]]);
    expect(() => eye(-1)).toThrow(ShapeError);
  });
});
