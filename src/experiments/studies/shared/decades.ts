/**
 * Log-scale helpers for λ grids that include 0: the grid step in decades, and log10 of a value
 * with 0 placed one grid step below the smallest positive value (so "no decay" has a place on a
 * log axis and in spreads).
 */
import { sortedUnique } from './runs.js';

/** Smallest log10 gap between consecutive positive values (1 when there are fewer than two). */
export function gridStepOf(values: readonly number[]): number {
  const logs = sortedUnique(values.filter((v) => v > 0)).map(Math.log10);
  let step = Infinity;
  for (let i = 1; i < logs.length; i++) step = Math.min(step, logs[i]! - logs[i - 1]!);
  return Number.isFinite(step) ? step : 1;
}

/** log10 of `value`, with 0 placed one `gridStep` below the smallest positive value of `grid` (0 when there is none). */
export function decadeOf(value: number, grid: readonly number[], gridStep: number): number {
  if (value > 0) return Math.log10(value);
  const smallest = Math.min(...grid.filter((v) => v > 0));
  return Number.isFinite(smallest) ? Math.log10(smallest) - gridStep : 0;
}

/** max − min of the finite values (0 for fewer than two). */
export function spreadOf(values: readonly number[]): number {
  const f = values.filter((v) => Number.isFinite(v));
  return f.length < 2 ? 0 : Math.max(...f) - Math.min(...f);
}
