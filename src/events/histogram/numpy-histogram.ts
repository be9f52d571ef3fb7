/**
 * `np.histogram` counting, reproduced exactly:
 * - explicit edges: bin i holds edges[i] ≤ v < edges[i+1], the last bin also v = edges[n];
 *   values outside the edges and NaN are not counted;
 * - an integer bin count: `np.linspace(first, last, n + 1)` edges over [min, max] (widened by ±0.5
 *   when min = max), and numpy's index estimate `(v − first) / (last − first) · n` corrected
 *   against the edges.
 */
import { TENSORFLOW_EDGES, tensorflowBinOf } from './tensorflow-edges.js';

/** `np.linspace(start, stop, num)` with endpoint: `i·step + start`, the last edge exactly `stop`. */
export function linspace(start: number, stop: number, num: number): Float64Array {
  return linspaceInto(start, stop, new Float64Array(num));
}

/** {@link linspace} into `out` (num = out.length). */
export function linspaceInto(start: number, stop: number, out: Float64Array): Float64Array {
  const num = out.length;
  const div = num - 1;
  const delta = stop - start;
  const step = delta / div;
  for (let i = 0; i < num; i++) out[i] = step === 0 ? (i / div) * delta + start : i * step + start;
  if (num > 1) out[num - 1] = stop;
  return out;
}

/** numpy's outer edges for an integer bin count: [min, max], widened by 0.5 each side when equal. */
export function uniformRange(min: number, max: number): [number, number] {
  return min === max ? [min - 0.5, max + 0.5] : [min, max];
}

/** Adds the counts of `values` over `edges` into `counts` (length edges.length − 1) — numpy's rule. */
export function countByEdges(values: ArrayLike<number>, edges: Float64Array, counts: Float64Array): void {
  if (edges === TENSORFLOW_EDGES) {
    countTensorflowWithRange(values, counts);
    return;
  }
  const last = edges.length - 1;
  const lo = edges[0]!;
  const hi = edges[last]!;
  for (let j = 0; j < values.length; j++) {
    const v = values[j]!;
    if (!(v >= lo && v <= hi)) continue;
    // Largest i with edges[i] ≤ v (binary search), then close the last bin.
    let a = 0;
    let b = last;
    while (b - a > 1) {
      const m = (a + b) >>> 1;
      if (edges[m]! <= v) a = m;
      else b = m;
    }
    counts[a]!++;
  }
}

/**
 * Adds the counts of `values` into `counts[offset … offset + n)` over n equal-width bins with
 * `edges` = linspace(first, last, n + 1), following numpy's uniform-bin fast path.
 */
export function countUniform(values: ArrayLike<number>, edges: Float64Array, counts: Float64Array, offset = 0): void {
  const n = edges.length - 1;
  const first = edges[0]!;
  const last = edges[n]!;
  const denom = last - first;
  for (let j = 0; j < values.length; j++) {
    const v = values[j]!;
    if (!(v >= first && v <= last)) continue;
    let i = Math.trunc(((v - first) / denom) * n);
    if (i === n) i--;
    if (v < edges[i]!) i--;
    else if (i !== n - 1 && v >= edges[i + 1]!) i++;
    counts[offset + i]!++;
  }
}

/**
 * Counts `values` over {@link TENSORFLOW_EDGES} into `counts` (1548 bins) and returns, from the
 * same pass, `[min, max, first, last]`: the values' min and max (NaN if any is NaN) and the first
 * and last bins that received a value (−1 when none did), so that callers need not scan all bins.
 */
export function countTensorflowWithRange(values: ArrayLike<number>, counts: Float64Array): [number, number, number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  let first = counts.length;
  let last = -1;
  let nan = false;
  for (let j = 0; j < values.length; j++) {
    const v = values[j]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    const b = tensorflowBinOf(v);
    if (b >= 0) {
      counts[b]!++;
      if (b < first) first = b;
      if (b > last) last = b;
    } else if (v !== v) nan = true;
  }
  return [nan ? NaN : lo, nan ? NaN : hi, last < 0 ? -1 : first, last];
}
