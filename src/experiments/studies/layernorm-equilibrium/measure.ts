/**
 * Per-layer measurements from a run's trace: the weight norm ‖W_t‖, the angular update per step
 * θ_t = ∠(W_{t−1}, W_t) = arccos(⟨W_{t−1}, W_t⟩ / (‖W_{t−1}‖‖W_t‖)) (trace.json's `rotations`,
 * recorded with `logging.every = 1`), and the effective learning rate η/‖W_t‖²; and their means
 * over the last part of training, where the equilibrium should hold.
 */
import type { Trace } from '../../run/trace.js';
import { effectiveLr } from './theory.js';

/** One parameter's curves. */
export interface LayerSeries {
  readonly name: string;
  readonly steps: readonly number[];
  readonly norm: readonly number[];
  /** Angle to the previous step's weights (radians); NaN where unknown (the first step). */
  readonly angle: readonly number[];
  readonly effectiveLr: readonly number[];
}

/** Means over the late window. */
export interface LateStats {
  /** First step of the window. */
  readonly from: number;
  readonly norm: number;
  readonly angle: number;
  readonly effectiveLr: number;
  /** Relative change of the norm across the window: (last half mean − first half mean) / mean. */
  readonly normDrift: number;
}

/** Share of the kept steps, at the end of training, over which late means are taken. */
export const LATE_FRACTION = 0.25;

/** The curves of parameter `name` from `trace` (null when the trace has no rotations for it). */
export function layerSeries(trace: Trace, name: string, lr: number): LayerSeries | null {
  const norm = trace.norms[name];
  const angle = trace.rotations?.[name];
  if (norm === undefined || angle === undefined) return null;
  return { name, steps: trace.steps, norm, angle, effectiveLr: norm.map((n) => effectiveLr(lr, n)) };
}

function mean(values: readonly number[]): number {
  const f = values.filter((v) => Number.isFinite(v));
  return f.length === 0 ? Number.NaN : f.reduce((a, b) => a + b, 0) / f.length;
}

/** Means over the last `fraction` of the kept steps (at least one point). */
export function lateStats(s: LayerSeries, fraction = LATE_FRACTION): LateStats {
  const n = s.steps.length;
  const start = Math.min(Math.max(0, n - 1), Math.floor(n * (1 - fraction)));
  const norm = s.norm.slice(start);
  const half = Math.floor(norm.length / 2);
  const m = mean(norm);
  return {
    from: s.steps[start] ?? Number.NaN,
    norm: m,
    angle: mean(s.angle.slice(start)),
    effectiveLr: mean(s.effectiveLr.slice(start)),
    normDrift: half === 0 ? 0 : (mean(norm.slice(half)) - mean(norm.slice(0, half))) / m,
  };
}

/** A centered moving average of `window` points (NaNs skipped), for drawing noisy per-step angles. */
export function movingAverage(values: readonly number[], window: number): number[] {
  const h = Math.max(0, Math.floor(window / 2));
  return values.map((_, i) => mean(values.slice(Math.max(0, i - h), i + h + 1)));
}
