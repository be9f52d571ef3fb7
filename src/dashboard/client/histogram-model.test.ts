import { describe, expect, it } from 'vitest';
import { rebinForDisplay } from '../../events/histogram/tensorboard-view.js';
import { buildHistogramView, indexOfStep, pointStats, ridgeIndices, seriesRange, unionRange } from './histogram-model.js';

const series = {
  steps: Float64Array.from([0, 10, 20]),
  wallTimes: Float64Array.from([1, 2, 3]),
  min: Float64Array.from([-1, -2, 0]),
  max: Float64Array.from([1, 2, 4]),
  num: Float64Array.from([4, 4, 2]),
  sum: Float64Array.from([0, 1, 5]),
  sumSquares: Float64Array.from([2, 9, 17]),
  rowStart: [0, 2, 3, 4],
  rows: Float32Array.from([-1, 0, 2, 0, 1, 2, -2, 2, 4, 0, 4, 2]),
};

describe('histogram model', () => {
  it('re-bins every step over the range of all steps, as TensorBoard', () => {
    expect(seriesRange(series)).toEqual([-2, 4]);
    const v = buildHistogramView(series);
    expect(v.n).toBe(3);
    expect([v.lo, v.hi]).toEqual([-2, 4]);
    expect(Array.from(v.countsAt(1))).toEqual(Array.from(rebinForDisplay(series.rows.subarray(6, 9), -2, 4, 30)));
    expect(v.countsAt(1)).toBe(v.countsAt(1));
    const total = v.countsAt(0).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(4, 12);
    expect(v.maxOver([0, 1, 2])).toBe(Math.max(...[0, 1, 2].flatMap((i) => Array.from(v.countsAt(i)))));
    const shared = buildHistogramView(series, [-10, 10]);
    expect([shared.lo, shared.hi]).toEqual([-10, 10]);
  });

  it('unions ranges for side-by-side comparison', () => {
    expect(unionRange([[-1, 1], null, [0, 3]])).toEqual([-1, 3]);
    expect(unionRange([null])).toBeNull();
  });

  it('finds the last step at or before a step', () => {
    const steps = [0, 10, 20];
    expect(indexOfStep(steps, null)).toBe(2);
    expect(indexOfStep(steps, 10)).toBe(1);
    expect(indexOfStep(steps, 15)).toBe(1);
    expect(indexOfStep(steps, -5)).toBe(0);
    expect(indexOfStep(steps, 99)).toBe(2);
    expect(indexOfStep([], 3)).toBe(-1);
  });

  it('draws at most max ridges, always the first, the last and the selected one', () => {
    const r = ridgeIndices(1000, 10, 537);
    expect(r.length).toBeLessThanOrEqual(11);
    expect(r).toContain(0);
    expect(r).toContain(999);
    expect(r).toContain(537);
    expect(ridgeIndices(3, 50, 1)).toEqual([0, 1, 2]);
  });

  it('statistics come from the HistogramProto sums: mean, std, L2 norm', () => {
    const s = pointStats(series, 1);
    expect(s.mean).toBeCloseTo(0.25, 12);
    expect(s.std).toBeCloseTo(Math.sqrt(9 / 4 - 0.0625), 12);
    expect(s.norm).toBe(3);
    expect(s.estimated).toBe(false);
    const noSums = { ...series, sum: Float64Array.from([NaN, NaN, NaN]), sumSquares: Float64Array.from([NaN, NaN, NaN]) };
    const e = pointStats(noSums, 2);
    expect(e.estimated).toBe(true);
    expect(e.count).toBe(2);
    expect(e.mean).toBeCloseTo(2, 12); // both values at the row's middle
  });
});
