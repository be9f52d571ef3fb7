import { describe, expect, it } from 'vitest';
import { smoothScalars } from './smoothing.js';

describe('TensorBoard smoothing (debiased EMA)', () => {
  it('follows last = w·last + (1−w)·v, divided by 1 − w^t', () => {
    const w = 0.6;
    const s = smoothScalars([1, 2, 4], w);
    // t=1: last = 0.4 → 0.4 / 0.4 = 1
    // t=2: last = 0.24 + 0.8 = 1.04 → 1.04 / (1 − 0.36) = 1.625
    // t=3: last = 0.624 + 1.6 = 2.224 → 2.224 / (1 − 0.216) = 2.836734…
    expect(s[0]).toBeCloseTo(1, 12);
    expect(s[1]).toBeCloseTo(1.625, 12);
    expect(s[2]).toBeCloseTo(2.224 / 0.784, 12);
  });

  it('weight 0 is the raw series', () => {
    expect(Array.from(smoothScalars([3, -1, 7], 0))).toEqual([3, -1, 7]);
  });

  it('passes non-finite values through without counting them', () => {
    const s = smoothScalars([1, NaN, 3], 0.5);
    expect(s[0]).toBeCloseTo(1, 12);
    expect(Number.isNaN(s[1])).toBe(true);
    // second finite value: last = 0.25 + 1.5 = 1.75, debias 1 − 0.25 → 2.333…
    expect(s[2]).toBeCloseTo(1.75 / 0.75, 12);
  });

  it('leaves a constant series unchanged and handles the empty one', () => {
    expect(Array.from(smoothScalars([0.1, 0.1, 0.1], 0.9))).toEqual([0.1, 0.1, 0.1]);
    expect(smoothScalars([], 0.6).length).toBe(0);
  });
});
