import { describe, expect, it } from 'vitest';
import { directionOf, gridResolution, movementOf, resolvablyLarger } from './movement.js';

const DECADES = gridResolution([0, 0.001, 0.01, 0.1, 1, 10]);
const HALF_DECADES = gridResolution([0, 1e-5, 3e-5, 1e-4, 3e-4, 0.001]);

describe('coupled-vs-decoupled movement', () => {
  it('reads the smallest and largest gap of a λ grid, ignoring λ = 0', () => {
    expect(DECADES.minStep).toBeCloseTo(1, 12);
    expect(DECADES.maxStep).toBeCloseTo(1, 12);
    expect(HALF_DECADES.minStep).toBeCloseTo(Math.log10(3), 12);
    expect(HALF_DECADES.maxStep).toBeCloseTo(Math.log10(10 / 3), 12);
    expect(gridResolution([0, 0.1])).toEqual({ minStep: 1, maxStep: 1 });
  });

  it('calls a spread under one grid step flat, one grid step unresolvable and more than one a move', () => {
    expect(movementOf(0, DECADES)).toBe('flat');
    // lr 0.01 → 0.03 at a constant λ: λ_LH spreads log10(3) = 0.48 decades, under a 1-decade step.
    expect(movementOf(Math.log10(3), DECADES)).toBe('flat');
    expect(movementOf(Math.log10(0.1) - Math.log10(0.01), DECADES)).toBe('one-step');
    expect(movementOf(1 + Math.log10(3), DECADES)).toBe('moves');
    expect(movementOf(2, DECADES)).toBe('moves');
    // On a half-decade grid both gaps (0.48 and 0.52 decades) are one step; 1 decade is two.
    expect(movementOf(Math.log10(3), HALF_DECADES)).toBe('one-step');
    expect(movementOf(Math.log10(10 / 3), HALF_DECADES)).toBe('one-step');
    expect(movementOf(0.4, HALF_DECADES)).toBe('flat');
    expect(movementOf(1, HALF_DECADES)).toBe('moves');
  });

  it('compares spreads and reads directions beyond floating-point noise', () => {
    expect(resolvablyLarger(3, 1.5, DECADES)).toBe(true);
    expect(resolvablyLarger(2, 1, DECADES)).toBe(false);
    expect(directionOf([-3, -2, -1])).toBe('rises');
    expect(directionOf([-1, -1, -3])).toBe('falls');
    expect(directionOf([-2, -1, -2])).toBe('rises and falls');
  });
});
