import { describe, expect, it } from 'vitest';
import { compareArrays, loadFixture } from '../../../test/fixtures.js';
import { tensor } from '../../tensor/creation.js';
import { HistogramError } from '../errors.js';
import { COMPACT_BINS, makeHistogram } from './make-histogram.js';
import { TENSORFLOW_EDGES } from './tensorflow-edges.js';

interface Case {
  name: string;
  max_bins: number | null;
  values: number[];
  min: number;
  max: number;
  num: number;
  sum: number;
  sum_squares: number;
  bucket_limit: number[];
  bucket: number[];
}
interface Fixture {
  default_edges_count: number;
  default_edges_first3: number[];
  default_edges_last3: number[];
  cases: Case[];
}

const fixture = loadFixture<Fixture>('tensorboardx/histograms.json');

function relClose(actual: number, expected: number, rtol: number): boolean {
  return actual === expected || Math.abs(actual - expected) <= rtol * Math.abs(expected);
}

describe('tensorflow edges', () => {
  it('are tensorboardX default_bins', () => {
    expect(TENSORFLOW_EDGES.length).toBe(fixture.default_edges_count);
    expect(Array.from(TENSORFLOW_EDGES.subarray(0, 3))).toEqual(fixture.default_edges_first3);
    expect(Array.from(TENSORFLOW_EDGES.subarray(-3))).toEqual(fixture.default_edges_last3);
    expect(TENSORFLOW_EDGES[774]).toBe(0);
  });
});

describe("makeHistogram with 'tensorflow' bins reproduces tensorboardX", () => {
  for (const c of fixture.cases) {
    it(`${c.name}, max_bins=${c.max_bins}`, () => {
      const h = makeHistogram(c.values, { bins: 'tensorflow', maxBins: c.max_bins });
      expect(compareArrays(h.bucketLimit, c.bucket_limit, 1e-12, 0)).toBeNull();
      expect(Array.from(h.bucket)).toEqual(c.bucket);
      for (const [got, want] of [
        [h.min, c.min],
        [h.max, c.max],
        [h.num, c.num],
        [h.sum, c.sum],
        [h.sumSquares, c.sum_squares],
      ] as const) {
        expect(relClose(got, want, 1e-9), `${got} vs ${want}`).toBe(true);
      }
    });
  }

  it('gives the same result from a float32 Tensor as from its float64 values', () => {
    const c = fixture.cases.find((x) => x.name.startsWith('float32'))!;
    const t = tensor(c.values); // float32 storage; the fixture's values are float32 widened
    const h = makeHistogram(t, { bins: 'tensorflow' });
    expect(Array.from(h.bucket)).toEqual(c.bucket);
  });
});

describe('equal-width bins', () => {
  it('keep numpy edges over [min, max] with the leading empty bucket of tensorboardX', () => {
    const h = makeHistogram([0, 1, 2, 3, 4], { bins: 4 });
    expect(Array.from(h.bucketLimit)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(h.bucket)).toEqual([0, 1, 1, 1, 2]); // the last bin is closed
  });

  it('widen a constant input by ±0.5 as numpy does', () => {
    const h = makeHistogram([2.5, 2.5, 2.5], { bins: 2 });
    // edges [2, 2.5, 3]: the values fall in [2.5, 3], so the kept empty bucket is [2, 2.5)
    expect(Array.from(h.bucketLimit)).toEqual([2.5, 3]);
    expect(Array.from(h.bucket)).toEqual([0, 3]);
  });

  it("use COMPACT_BINS bins by default and always span [min, max]", () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 3 + 0.5);
    const h = makeHistogram(values);
    expect(h.bucket.length).toBe(COMPACT_BINS + 1);
    expect(h.bucketLimit[0]).toBe(h.min);
    expect(h.bucketLimit[COMPACT_BINS]).toBe(h.max);
    expect(h.bucket.reduce((a, b) => a + b, 0)).toBe(1000);
  });
});

describe('bad input', () => {
  it('rejects empty values, non-finite ranges and bad bins with HistogramError', () => {
    expect(() => makeHistogram([], {}, 'w')).toThrow(HistogramError);
    expect(() => makeHistogram([1, NaN])).toThrow(/not finite/);
    expect(() => makeHistogram([1, 2], { bins: 0 })).toThrow(HistogramError);
    expect(() => makeHistogram([1, 2], { bins: [3, 1] })).toThrow(/monotonically/);
    expect(() => makeHistogram([1, 2], { bins: 'auto' as 'compact' })).toThrow(/unknown bins/);
    expect(() => makeHistogram([1e30], { bins: 'tensorflow' })).toThrow(/empty/);
  });

  it("bins NaN like numpy with 'tensorflow' edges: not counted, min/max/sum NaN", () => {
    const h = makeHistogram([1, NaN, 2], { bins: 'tensorflow' });
    expect(h.bucket.reduce((a, b) => a + b, 0)).toBe(2);
    expect(h.min).toBeNaN();
    expect(h.num).toBe(3);
  });
});
