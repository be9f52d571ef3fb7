/**
 * What the histogram drawings need from a series, computed the way TensorBoard's histogram
 * dashboard does (histogramCore.ts, via src/events' tensorboard-view): one display range over all
 * steps (min of the lefts, max of the rights) and every step re-binned into 30 equal-width bins
 * over it, each row's count spread over the bins in proportion to the overlap. All steps are kept;
 * only the drawing picks a subset of ridges ({@link ridgeIndices}).
 */
import { DISPLAY_BINS, displayRange, rebinForDisplay } from '../../events/histogram/tensorboard-view.js';
import { type HistogramColumns, rowsOfPoint } from '../shared/histogram-codec.js';

/**
 * A series re-binned for display. Steps are re-binned on first use ({@link countsAt}), so drawing
 * 60 ridges of a 1000-step series re-bins 60 steps, not 1000; every step stays available.
 */
export class HistogramView {
  readonly n: number;
  readonly steps: Float64Array;
  /** Display range. */
  readonly lo: number;
  readonly hi: number;
  private readonly cache: (Float64Array | undefined)[];

  constructor(
    private readonly c: HistogramColumns,
    range: [number, number] | null = null,
    readonly bins = DISPLAY_BINS,
  ) {
    this.n = c.steps.length;
    this.steps = c.steps;
    let [lo, hi] = range ?? seriesRange(c) ?? [0, 1];
    if (hi === lo) {
      hi = lo * 1.1 + 1;
      lo = lo / 1.1 - 1;
    }
    this.lo = lo;
    this.hi = hi;
    this.cache = new Array<Float64Array | undefined>(this.n);
  }

  /** The `bins` counts of step index `i` (TensorBoard's re-binning over the display range). */
  countsAt(i: number): Float64Array {
    let counts = this.cache[i];
    if (counts === undefined) {
      counts = rebinForDisplay(rowsOfPoint(this.c, i), this.lo, this.hi, this.bins);
      this.cache[i] = counts;
    }
    return counts;
  }

  /** The largest bin count over the steps `indices`. */
  maxOver(indices: Iterable<number>): number {
    let max = 0;
    for (const i of indices) for (const v of this.countsAt(i)) if (v > max) max = v;
    return max;
  }
}

/** `c` re-binned over `range` (default: the series' own display range). */
export function buildHistogramView(c: HistogramColumns, range: [number, number] | null = null, bins = DISPLAY_BINS): HistogramView {
  return new HistogramView(c, range, bins);
}

/** The display range of a series (null when every step is empty). */
export function seriesRange(c: HistogramColumns): [number, number] | null {
  const n = c.steps.length;
  const rows = function* (): Generator<Float32Array> {
    for (let i = 0; i < n; i++) yield rowsOfPoint(c, i);
  };
  return displayRange(rows());
}

/** The union of display ranges (for side-by-side comparison on one x axis). */
export function unionRange(ranges: readonly ([number, number] | null)[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of ranges) {
    if (r === null) continue;
    lo = Math.min(lo, r[0]);
    hi = Math.max(hi, r[1]);
  }
  return lo <= hi ? [lo, hi] : null;
}

/** Index of the step to show for `step`: the last step ≤ it (the first step if none; the last step for null). */
export function indexOfStep(steps: ArrayLike<number>, step: number | null): number {
  const n = steps.length;
  if (n === 0) return -1;
  if (step === null) return n - 1;
  let lo = 0;
  let hi = n - 1;
  if (steps[0]! > step) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (steps[mid]! <= step) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * At most `max` step indices spread evenly over 0 … n−1, always with the first, the last and
 * `selected` — the ridges drawn in offset and overlay mode (every step stays selectable).
 */
export function ridgeIndices(n: number, max: number, selected: number): number[] {
  if (n <= 0) return [];
  const set = new Set<number>();
  const count = Math.min(n, Math.max(2, max));
  for (let k = 0; k < count; k++) set.add(Math.round((k * (n - 1)) / Math.max(1, count - 1)));
  if (selected >= 0 && selected < n) set.add(selected);
  return [...set].sort((a, b) => a - b);
}

/** Statistics of one step, from the HistogramProto fields (estimated from the rows when absent). */
export interface PointStats {
  step: number;
  min: number;
  max: number;
  count: number;
  mean: number;
  std: number;
  /** L2 norm √(Σx²) of the logged tensor. */
  norm: number;
  /** Whether mean/std/norm were estimated from the bins (tensor histograms carry no sums). */
  estimated: boolean;
}

/** The statistics of step index `i` of `c`. */
export function pointStats(c: HistogramColumns, i: number): PointStats {
  let num = c.num[i]!;
  let sum = c.sum[i]!;
  let sumSquares = c.sumSquares[i]!;
  let estimated = false;
  if (!Number.isFinite(sum) || !Number.isFinite(sumSquares)) {
    const rows = rowsOfPoint(c, i);
    num = 0;
    sum = 0;
    sumSquares = 0;
    for (let r = 0; r + 2 < rows.length; r += 3) {
      const mid = (rows[r]! + rows[r + 1]!) / 2;
      const k = rows[r + 2]!;
      num += k;
      sum += k * mid;
      sumSquares += k * mid * mid;
    }
    estimated = true;
  }
  const mean = num > 0 ? sum / num : NaN;
  const variance = num > 0 ? Math.max(0, sumSquares / num - mean * mean) : NaN;
  return { step: c.steps[i]!, min: c.min[i]!, max: c.max[i]!, count: num, mean, std: Math.sqrt(variance), norm: Math.sqrt(sumSquares), estimated };
}
