/**
 * Does a best λ move with the learning rate? One definition, used for every parameterisation and
 * for the claim. Each best λ is the grid point nearest the true optimum, so it is off by at most
 * half a grid gap, and a spread (max − min of log10 best λ across learning rates) is off by at most
 * one gap. Hence, with the grid's gaps between `minStep` and `maxStep` decades:
 *
 * - `flat`: spread < minStep — the bests stay within less than one grid step;
 * - `one-step`: minStep ≤ spread ≤ maxStep — about one grid step, which rounding to the grid alone
 *   can produce: the grid cannot resolve whether it moves;
 * - `moves`: spread > maxStep — more than rounding can explain, so the best λ really moves.
 */
import { sortedUnique } from '../shared/runs.js';

/** How far a best λ moves, in grid steps (see the module comment). */
export type Movement = 'flat' | 'one-step' | 'moves';

/** The smallest and largest log10 gaps between consecutive positive λs, in decades (1 and 1 for fewer than two). */
export interface GridResolution {
  readonly minStep: number;
  readonly maxStep: number;
}

/** Relative slack for comparing spreads with steps (the decades are sums of floating-point logs). */
const SLACK = 1e-6;

/** The resolution of a λ grid (λ = 0 ignored: it sits one `minStep` below the smallest λ). */
export function gridResolution(weightDecays: readonly number[]): GridResolution {
  const logs = sortedUnique(weightDecays.filter((v) => v > 0)).map(Math.log10);
  const gaps = logs.slice(1).map((l, i) => l - logs[i]!);
  return gaps.length === 0 ? { minStep: 1, maxStep: 1 } : { minStep: Math.min(...gaps), maxStep: Math.max(...gaps) };
}

/** The movement of a spread (decades) on a grid of this resolution. */
export function movementOf(spread: number, r: GridResolution): Movement {
  if (spread > r.maxStep * (1 + SLACK)) return 'moves';
  if (spread >= r.minStep * (1 - SLACK)) return 'one-step';
  return 'flat';
}

/** Whether `a` (decades) exceeds `b` by more than the grid can resolve (more than `maxStep`). */
export function resolvablyLarger(a: number, b: number, r: GridResolution): boolean {
  return a - b > r.maxStep * (1 + SLACK);
}

/** Which way a sequence of log10 best λs (in learning-rate order) goes: up, down, or both (meant for a sequence that moves). */
export function directionOf(decades: readonly number[]): 'rises' | 'falls' | 'rises and falls' {
  const steps = decades.slice(1).map((d, i) => d - decades[i]!);
  const up = steps.some((s) => s > SLACK);
  const down = steps.some((s) => s < -SLACK);
  return up && down ? 'rises and falls' : down ? 'falls' : 'rises';
}
