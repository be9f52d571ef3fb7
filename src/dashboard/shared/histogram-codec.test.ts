import { describe, expect, it } from 'vitest';
import { decodeHistogramColumns, encodeHistogramColumns, rowsOfPoint } from './histogram-codec.js';

const columns = {
  steps: Float64Array.from([0, 5, 10]),
  wallTimes: Float64Array.from([1.5, 2.5, 3.25]),
  min: Float64Array.from([-1, -0.5, NaN]),
  max: Float64Array.from([1, 2, NaN]),
  num: Float64Array.from([4, 3, 0]),
  sum: Float64Array.from([0.5, 1, NaN]),
  sumSquares: Float64Array.from([2, 3.5, NaN]),
  rowStart: [0, 2, 3, 3],
  rows: Float32Array.from([-1, 0, 1, 0, 1, 3, -0.5, 2, 3]),
};

describe('histogram series codec', () => {
  it('round-trips every column bit for bit, NaN included', () => {
    const bytes = encodeHistogramColumns(columns);
    const copy = bytes.slice().buffer;
    const d = decodeHistogramColumns(copy);
    expect(Array.from(d.steps)).toEqual([0, 5, 10]);
    expect(Array.from(d.wallTimes)).toEqual([1.5, 2.5, 3.25]);
    expect(Array.from(d.min)).toEqual([-1, -0.5, NaN]);
    expect(Array.from(d.sumSquares)).toEqual([2, 3.5, NaN]);
    expect(Array.from(d.rowStart)).toEqual([0, 2, 3, 3]);
    expect(Array.from(rowsOfPoint(d, 0))).toEqual([-1, 0, 1, 0, 1, 3]);
    expect(Array.from(rowsOfPoint(d, 1))).toEqual([-0.5, 2, 3]);
    expect(rowsOfPoint(d, 2).length).toBe(0);
    expect(bytes.byteLength).toBe(16 + 7 * 8 * 3 + 4 * 4 + 12 * 3);
  });

  it('encodes an empty series', () => {
    const empty = { ...columns, steps: new Float64Array(0), wallTimes: new Float64Array(0), min: new Float64Array(0), max: new Float64Array(0), num: new Float64Array(0), sum: new Float64Array(0), sumSquares: new Float64Array(0), rowStart: [0], rows: new Float32Array(0) };
    const d = decodeHistogramColumns(encodeHistogramColumns(empty).slice().buffer);
    expect(d.steps.length).toBe(0);
    expect(d.rows.length).toBe(0);
  });

  it('refuses inconsistent input and damaged bytes with the reason', () => {
    expect(() => encodeHistogramColumns({ ...columns, rowStart: [0, 2, 3] })).toThrow(/rowStart must have 4 entries/);
    expect(() => encodeHistogramColumns({ ...columns, rows: new Float32Array(4) })).toThrow(/whole \[left, right, count\] triples/);
    const bytes = encodeHistogramColumns(columns).slice();
    expect(() => decodeHistogramColumns(bytes.slice(0, bytes.length - 4).buffer)).toThrow(/needs \d+ bytes/);
    const bad = bytes.slice();
    bad[0] = 0;
    expect(() => decodeHistogramColumns(bad.buffer)).toThrow(/bad magic/);
    expect(() => decodeHistogramColumns(new ArrayBuffer(3))).toThrow(/too short/);
  });
});
