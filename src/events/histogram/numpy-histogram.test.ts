import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countByEdges, countUniform, linspace, uniformRange } from './numpy-histogram.js';
import { minMax, numpySum, sumOfSquares } from './stats.js';

interface Case {
  name: string;
  bins: number;
  values: number[];
  edges: number[];
  counts: number[];
  sum: number;
  dot: number;
}
const { cases } = JSON.parse(readFileSync(new URL('./fixtures/numpy-histograms.json', import.meta.url), 'utf8')) as { cases: Case[] };

describe('numpy equal-width histogram (fixtures from numpy, scripts/fixtures/events_numpy_histograms.py)', () => {
  for (const c of cases) {
    it(`${c.name}, bins=${c.bins}`, () => {
      const [min, max] = minMax(c.values);
      const [first, last] = uniformRange(min, max);
      const edges = linspace(first, last, c.bins + 1);
      expect(Array.from(edges)).toEqual(c.edges); // bit-identical edges
      const counts = new Float64Array(c.bins);
      countUniform(c.values, edges, counts);
      expect(Array.from(counts)).toEqual(c.counts);
      // The same edges given explicitly go through numpy's searchsorted rule: same counts.
      const explicit = new Float64Array(c.bins);
      countByEdges(c.values, edges, explicit);
      expect(Array.from(explicit)).toEqual(c.counts);
    });
  }

  it('np.sum is reproduced bit for bit (pairwise summation)', () => {
    for (const c of cases) expect(numpySum(c.values)).toBe(c.sum);
  });

  it('values.dot(values) agrees within 1e-13 relative', () => {
    for (const c of cases) expect(Math.abs(sumOfSquares(c.values) - c.dot)).toBeLessThanOrEqual(1e-13 * c.dot);
  });
});
