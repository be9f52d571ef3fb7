/**
 * `trace.json`: the curves a report draws, recorded while training so reports never re-read event
 * files — the loss at logged steps, each parameter's L2 norm and angular update at those steps, the
 * evaluations, and histogram snapshots of every parameter at evenly spaced steps for ridgeline plots. Long runs keep
 * at most {@link MAX_TRACE_POINTS} points per curve (every k-th logged step). Reading it back is in
 * trace-read.ts.
 */
import { join } from 'node:path';
import type { ParameterInfo } from '../build/model.js';
import type { EvalRecord, TrainObserver } from '../train/loop.js';
import { writeJsonAtomic } from './atomic.js';

/** File name of the trace inside a run folder. */
export const TRACE_FILE = 'trace.json';
/** Most points kept per curve. */
export const MAX_TRACE_POINTS = 1000;
/** Histogram snapshots per parameter for ridgelines. */
export const RIDGELINE_SNAPSHOTS = 24;
/** Most equal-width bins per snapshot. */
export const RIDGELINE_BINS = 48;

/** Bins for a tensor of `n` values: 2√n, between 8 and {@link RIDGELINE_BINS} (few values, few bins). */
export function binsFor(n: number): number {
  return Math.min(RIDGELINE_BINS, Math.max(8, Math.round(2 * Math.sqrt(n))));
}

/** One histogram snapshot: equal-width bins over [min, max] of a parameter's values at `step`. */
export interface Snapshot {
  step: number;
  min: number;
  max: number;
  counts: number[];
}

/** Loss (and accuracy) on one split. */
export interface TraceMetrics {
  loss: number;
  accuracy?: number | undefined;
}

/** The contents of trace.json. Non-finite numbers are stored as null and read back as NaN. */
export interface Trace {
  format: 'decaylab.trace/1';
  /** The logged steps kept (every k-th for long runs). */
  steps: number[];
  /** Training loss at those steps. */
  loss: number[];
  /** Each parameter's L2 norm at those steps. */
  norms: Record<string, number[]>;
  /**
   * Each parameter's angular update at those steps: the angle in radians between its values at the
   * previous logged step and at this one ({@link angleBetween}); NaN at the first logged step.
   * Absent in traces written before it was recorded.
   */
  rotations?: Record<string, number[]> | undefined;
  /** Evaluations during training (the final one included). */
  evals: { step: number; train: TraceMetrics; test: TraceMetrics | null }[];
  /** Each parameter's histogram snapshots, in step order. */
  snapshots: Record<string, Snapshot[]>;
}

/** Equal-width histogram of `values` over their [min, max] with `bins` bins (all in the last bin when min = max). */
export function snapshotOf(step: number, values: ArrayLike<number>, bins = binsFor(values.length)): Snapshot {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const counts = new Array<number>(bins).fill(0);
  const width = (max - min) / bins;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    const b = width > 0 ? Math.min(bins - 1, Math.floor((v - min) / width)) : bins - 1;
    counts[b]!++;
  }
  return { step, min, max, counts };
}

/**
 * The angle in radians between two vectors, arccos(⟨a, b⟩ / (‖a‖‖b‖)), computed stably for small
 * angles as 2·asin(‖a/‖a‖ − b/‖b‖‖ / 2); NaN when either vector is zero.
 */
export function angleBetween(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  na = Math.sqrt(na);
  nb = Math.sqrt(nb);
  if (!(na > 0) || !(nb > 0)) return Number.NaN;
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    const e = a[i]! / na - b[i]! / nb;
    d += e * e;
  }
  return 2 * Math.asin(Math.min(1, Math.sqrt(d) / 2));
}

/** Records a {@link Trace} as a {@link TrainObserver}. */
export class TraceRecorder implements TrainObserver {
  private readonly trace: Trace;
  private readonly stride: number;
  private readonly snapshotSteps: Set<number>;
  private logged = 0;
  /** Each parameter's values at logged step number {@link copiedAt} (for the angular updates). */
  private previous: Float64Array[] | null = null;
  private readonly rotations: Record<string, number[]> = {};
  private copiedAt = -1;

  /** `totalSteps` and `every` fix which logged steps are kept and when snapshots are taken. */
  constructor(
    private readonly parameters: readonly ParameterInfo[],
    totalSteps: number,
    every: number,
  ) {
    const loggedSteps = Math.ceil(totalSteps / every);
    this.stride = Math.max(1, Math.ceil(loggedSteps / MAX_TRACE_POINTS));
    const n = Math.min(RIDGELINE_SNAPSHOTS, loggedSteps);
    this.snapshotSteps = new Set(Array.from({ length: n }, (_, i) => (n === 1 ? 0 : Math.round((i * (loggedSteps - 1)) / (n - 1))) * every));
    this.trace = { format: 'decaylab.trace/1', steps: [], loss: [], norms: {}, rotations: this.rotations, evals: [], snapshots: {} };
    for (const p of parameters) {
      this.trace.norms[p.name] = [];
      this.rotations[p.name] = [];
      this.trace.snapshots[p.name] = [];
    }
  }

  onLoggedStep(step: number, loss: number): void {
    const index = this.logged++;
    const keep = index % this.stride === 0;
    if (this.snapshotSteps.has(step)) for (const p of this.parameters) this.trace.snapshots[p.name]!.push(snapshotOf(step, p.tensor.data));
    if (keep) {
      this.trace.steps.push(step);
      this.trace.loss.push(loss);
      this.parameters.forEach((p, j) => {
        const d = p.tensor.data;
        let s = 0;
        for (let i = 0; i < d.length; i++) s += d[i]! * d[i]!;
        this.trace.norms[p.name]!.push(Math.sqrt(s));
        const before = this.previous?.[j];
        this.rotations[p.name]!.push(before !== undefined && this.copiedAt === index - 1 ? angleBetween(before, d) : Number.NaN);
      });
    }
    // Keep a copy of the values only when the next logged step is kept (every step for short runs).
    if ((index + 1) % this.stride === 0) {
      this.previous ??= this.parameters.map((p) => new Float64Array(p.tensor.data.length));
      this.parameters.forEach((p, j) => this.previous![j]!.set(p.tensor.data));
      this.copiedAt = index;
    }
  }

  onEval(record: EvalRecord): void {
    this.trace.evals.push({ step: record.step, train: { ...record.train }, test: record.test === null ? null : { ...record.test } });
  }

  /** The trace so far. */
  get value(): Trace {
    return this.trace;
  }
}

/** Writes `<dir>/trace.json` atomically (compact, 9 significant digits: float32 values read back exactly). */
export function writeTrace(dir: string, trace: Trace): void {
  writeJsonAtomic(join(dir, TRACE_FILE), trace, true);
}
