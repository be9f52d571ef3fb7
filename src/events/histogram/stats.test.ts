import { describe, expect, it } from 'vitest';
import { minMax, numpySum, sumAndSumOfSquares, sumOfSquares } from './stats.js';

describe('stats', () => {
  it('the fused sum and sum of squares equal the separate pairwise ones bit for bit', () => {
    const out = new Float64Array(2);
    for (const n of [0, 1, 7, 8, 9, 127, 128, 129, 300, 1001, 4096]) {
      const values = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 0.37) * 10 ** ((i % 9) - 4));
      sumAndSumOfSquares(values, out);
      expect(out[0]).toBe(numpySum(values));
      expect(out[1]).toBe(sumOfSquares(values));
    }
  });

  it('minMax propagates NaN like numpy', () => {
    expect(minMax([3, -1, 2])).toEqual([-1, 3]);
    expect(minMax([3, NaN, 2])).toEqual([NaN, NaN]);
  });
});
