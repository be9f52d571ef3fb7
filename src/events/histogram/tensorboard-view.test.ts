import { describe, expect, it } from 'vitest';
import { makeHistogram } from './make-histogram.js';
import { compressHistogram, displayRange, histogramRows, rebinForDisplay } from './tensorboard-view.js';

describe("TensorBoard's views of a histogram", () => {
  it('derives [left, right, count] rows as data_compat does (the format notes example)', () => {
    const rows = histogramRows({ min: -1, max: 2, bucketLimit: [0.5, 2], bucket: [1, 2] });
    expect(Array.from(rows)).toEqual([-1, 0.5, 1, 0.5, 2, 2]);
  });

  it('drops empty outer buckets, keeps inner ones, and uses min/max as outer edges', () => {
    const rows = histogramRows({ min: 0.2, max: 2.7, bucketLimit: [0, 1, 2, 3, 4], bucket: [0, 3, 0, 1, 0] });
    expect(Array.from(rows)).toEqual([0.2, 1, 3, 1, 2, 0, 2, 2.7, 1].map(Math.fround));
    expect(histogramRows({ min: 0, max: 0, bucketLimit: [1], bucket: [0] }).length).toBe(0);
  });

  it('re-binning into display bins conserves the count and spreads by overlap', () => {
    const values = Float64Array.from({ length: 999 }, (_, i) => Math.cos(i) * 3);
    const rows = histogramRows(makeHistogram(values));
    const [lo, hi] = displayRange([rows])!;
    const bins = rebinForDisplay(rows, lo, hi);
    expect(bins.length).toBe(30);
    expect(bins.reduce((a, b) => a + b, 0)).toBeCloseTo(999, 9);
    // one row [0, 1] of 10 over display [0, 2] in 4 bins: 5 + 5 in the first two
    expect(Array.from(rebinForDisplay([0, 1, 10], 0, 2, 4))).toEqual([5, 5, 0, 0]);
    // a zero-width row goes whole to the bin holding it; a zero-width range is widened
    expect(Array.from(rebinForDisplay([1.2, 1.2, 7], 0, 2, 4))).toEqual([0, 0, 7, 0]);
    expect(rebinForDisplay([3, 3, 4], 3, 3, 30).reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('compresses to the distribution basis points by linear interpolation', () => {
    const q = compressHistogram([0, 10, 100]);
    [0, 0.668, 1.587, 3.085, 5, 6.915, 8.413, 9.332, 10].forEach((x, i) => expect(q[i]).toBeCloseTo(x, 12));
    expect(Array.from(compressHistogram(new Float32Array(0)))).toEqual(new Array(9).fill(0));
  });
});
