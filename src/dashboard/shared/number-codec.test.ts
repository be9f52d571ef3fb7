import { describe, expect, it } from 'vitest';
import { fromJsonNumber, fromJsonNumbers, toJsonNumber, toJsonNumbers } from './number-codec.js';

describe('non-finite numbers over JSON', () => {
  it('round-trips finite and non-finite values through JSON text', () => {
    const values = [0, -0.1, Math.fround(0.1), 1e300, NaN, Infinity, -Infinity];
    const back = fromJsonNumbers(JSON.parse(JSON.stringify(toJsonNumbers(values))) as (number | 'NaN' | 'Infinity' | '-Infinity')[]);
    expect(Array.from(back)).toEqual(values);
    expect(toJsonNumber(NaN)).toBe('NaN');
    expect(toJsonNumber(-Infinity)).toBe('-Infinity');
  });
  it('reads anything unexpected as NaN', () => {
    expect(fromJsonNumber(null)).toBeNaN();
    expect(fromJsonNumber(undefined)).toBeNaN();
  });
});
