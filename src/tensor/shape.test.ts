/** Shape arithmetic: sizes, strides, PyTorch's dim wrapping, broadcasting and reshape inference. */
import { describe, expect, it } from 'vitest';
import { IndexError, ShapeError, formatShape } from './errors.js';
import { broadcastShapes, checkShape, inferShape, normalizeDim, normalizeDims, sameShape, sizeOf, stridesOf } from './shape.js';

describe('shape helpers', () => {
  it('sizes and row-major strides', () => {
    expect(sizeOf([])).toBe(1);
    expect(sizeOf([2, 0, 3])).toBe(0);
    expect(stridesOf([2, 3, 4])).toEqual([12, 4, 1]);
    expect(stridesOf([])).toEqual([]);
    expect(sameShape([2, 3], [2, 3])).toBe(true);
    expect(sameShape([2, 3], [2, 3, 1])).toBe(false);
    expect(formatShape([2, 3])).toBe('[2, 3]');
    expect(formatShape([])).toBe('[]');
  });

  it('wraps dims like PyTorch, with [-1, 0] valid for a scalar', () => {
    expect(normalizeDim(-1, 3)).toBe(2);
    expect(normalizeDim(-3, 3)).toBe(0);
    expect(normalizeDim(0, 0)).toBe(0);
    expect(normalizeDim(-1, 0)).toBe(0);
    expect(() => normalizeDim(1, 0)).toThrow(IndexError);
    expect(() => normalizeDim(0.5, 2)).toThrow(IndexError);
    expect(normalizeDims([-1, 0], 3)).toEqual([0, 2]);
  });

  it('IndexError carries the dim and the range', () => {
    try {
      normalizeDim(3, 3);
      throw new Error('expected a throw');
    } catch (e) {
      expect(e).toBeInstanceOf(IndexError);
      expect((e as IndexError).value).toBe(3);
      expect((e as IndexError).range).toEqual([-3, 2]);
      expect((e as IndexError).name).toBe('IndexError');
      expect((e as IndexError).message).toBe('Dimension out of range (expected to be in range of [-3, 2], but got 3)');
    }
  });

  it('broadcasts right-aligned, with 1 and missing dims stretching', () => {
    expect(broadcastShapes([2, 1, 3], [4, 1])).toEqual([2, 4, 3]);
    expect(broadcastShapes([], [2, 2])).toEqual([2, 2]);
    expect(broadcastShapes([0], [1])).toEqual([0]);
    expect(() => broadcastShapes([0], [2])).toThrow(ShapeError);
    expect(() => broadcastShapes([3], [4])).toThrow(/\[3\] and \[4\]/);
  });

  it('infers one −1 in a reshape target', () => {
    expect(inferShape([-1, 4], 12, [3, 4])).toEqual([3, 4]);
    expect(inferShape([], 1, [1, 1])).toEqual([]);
    expect(() => inferShape([-1, 5], 12, [3, 4])).toThrow(ShapeError);
    expect(() => inferShape([0, -1], 0, [0])).toThrow(ShapeError);
    expect(() => inferShape([-2, 6], 12, [12])).toThrow(/invalid shape dimension -2/);
  });

  it('checkShape accepts non-negative integers only', () => {
    expect(checkShape([0, 2])).toEqual([0, 2]);
    expect(() => checkShape([NaN])).toThrow(ShapeError);
  });
});
