import { describe, expect, it } from 'vitest';
import { formatDuration, formatValue } from './format.js';

describe('formatValue', () => {
  it('prints 6 significant digits without trailing zeros, integers as they are', () => {
    expect(formatValue(0.012345678)).toBe('0.0123457');
    expect(formatValue(1234567.8)).toBe('1.23457e+6');
    expect(formatValue(0.5)).toBe('0.5');
    expect(formatValue(-3)).toBe('-3');
    expect(formatValue(999)).toBe('999');
    expect(formatValue(1e-7)).toBe('1e-7');
    expect(formatValue(NaN)).toBe('NaN');
    expect(formatValue(-Infinity)).toBe('-Infinity');
  });
  it('formats durations', () => {
    expect(formatDuration(4.24)).toBe('4.2s');
    expect(formatDuration(185)).toBe('3m 05s');
    expect(formatDuration(3720)).toBe('1h 02m');
  });
});
