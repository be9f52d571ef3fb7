/**
 * What TensorBoard shows of a histogram, so that decaylab's dashboard can show the same and its
 * compact bins can be checked against it:
 * - {@link histogramRows}: the backend's `[left, right, count]` rows of a HistogramProto
 *   (`data_compat._migrate_histogram_value`): drop the empty buckets before the first and after
 *   the last non-empty one; lefts = [min] + limits[s..e−1], rights = limits[s..e−1] + [max];
 *   stored as float32;
 * - {@link displayRange} and {@link rebinForDisplay}: the histogram dashboard's re-binning of every
 *   step into 30 equal-width bins over the range of all displayed steps, each bucket's count
 *   spread over the bins in proportion to the overlap (a zero-width bucket goes whole to the bin
 *   holding it; a zero-width range becomes [min/1.1 − 1, min·1.1 + 1]);
 * - {@link compressHistogram}: the distributions dashboard's values at basis points
 *   (plugins/distribution/compressor.py `compress_histogram`).
 */

/** Basis points of the distributions dashboard: −∞, −1.5σ, −σ, −0.5σ, 0, … of a normal CDF, ∞. */
export const NORMAL_HISTOGRAM_BPS: readonly number[] = [0, 668, 1587, 3085, 5000, 6915, 8413, 9332, 10000];

/** Number of bins the histogram dashboard draws. */
export const DISPLAY_BINS = 30;

/** The HistogramProto fields the derivation reads. */
export interface HistogramLike {
  min: number;
  max: number;
  bucketLimit: ArrayLike<number>;
  bucket: ArrayLike<number>;
}

/** TensorBoard's rows of a HistogramProto: float32 `[left, right, count]` × k, flattened. */
export function histogramRows(h: HistogramLike): Float32Array {
  const n = Math.min(h.bucket.length, h.bucketLimit.length);
  let s = 0;
  while (s < n && !(h.bucket[s]! > 0)) s++;
  let e = n - 1;
  while (e >= 0 && !(h.bucket[e]! > 0)) e--;
  if (s > e) return new Float32Array(0);
  const k = e - s + 1;
  const rows = new Float32Array(3 * k);
  for (let r = 0; r < k; r++) {
    const i = s + r;
    rows[3 * r] = r === 0 ? h.min : h.bucketLimit[i - 1]!;
    rows[3 * r + 1] = r === k - 1 ? h.max : h.bucketLimit[i]!;
    rows[3 * r + 2] = h.bucket[i]!;
  }
  return rows;
}

/** `[min of all lefts, max of all rights]` over the steps' rows; `null` when every step is empty. */
export function displayRange(rowsPerStep: Iterable<ArrayLike<number>>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const rows of rowsPerStep) {
    for (let r = 0; r + 2 < rows.length; r += 3) {
      if (rows[r]! < lo) lo = rows[r]!;
      if (rows[r + 1]! > hi) hi = rows[r + 1]!;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/**
 * One step's rows re-binned into `numBins` equal-width bins over [min, max] (the display range);
 * returns the bin counts. Rows outside the range are clipped to it.
 */
export function rebinForDisplay(rows: ArrayLike<number>, min: number, max: number, numBins = DISPLAY_BINS): Float64Array {
  let lo = min;
  let hi = max;
  if (hi === lo) {
    hi = min * 1.1 + 1;
    lo = min / 1.1 - 1;
  }
  const width = (hi - lo) / numBins;
  const out = new Float64Array(numBins);
  const binOf = (x: number): number => Math.min(numBins - 1, Math.max(0, Math.floor((x - lo) / width)));
  for (let r = 0; r + 2 < rows.length; r += 3) {
    const left = Math.max(lo, rows[r]!);
    const right = Math.min(hi, rows[r + 1]!);
    const count = rows[r + 2]!;
    if (count === 0) continue;
    if (!(right > left)) {
      if (right === left) out[binOf(left)]! += count;
      continue;
    }
    const first = binOf(left);
    const last = binOf(right);
    for (let b = first; b <= last; b++) {
      const binLeft = lo + b * width;
      const overlap = Math.min(right, binLeft + width) - Math.max(left, binLeft);
      if (overlap > 0) out[b]! += (overlap / (right - left)) * count;
    }
  }
  return out;
}

/**
 * The distributions dashboard's value at each basis point (1/100 of a percent) of one step's rows:
 * the cumulative counts are scaled to 10000 and each basis point is interpolated linearly inside
 * the row that reaches it (the first row from the overall left edge).
 */
export function compressHistogram(rows: ArrayLike<number>, bps: readonly number[] = NORMAL_HISTOGRAM_BPS): Float64Array {
  const k = Math.floor(rows.length / 3);
  const out = new Float64Array(bps.length);
  if (k === 0) return out;
  const minmin = rows[0]!;
  const maxmax = rows[3 * (k - 1) + 1]!;
  let total = 0;
  for (let r = 0; r < k; r++) total += rows[3 * r + 2]!;
  const scale = bps[bps.length - 1]! / (total === 0 ? 1 : total);
  const weights = new Float64Array(k);
  let acc = 0;
  for (let r = 0; r < k; r++) weights[r] = acc += rows[3 * r + 2]! * scale;
  let j = 0;
  outer: while (j < bps.length) {
    const bp = bps[j]!;
    let i = 0; // first weight > bp (searchsorted side='right')
    while (i < k && weights[i]! <= bp) i++;
    for (; i < k; i++) {
      const cum = weights[i]!;
      const prev = i > 0 ? weights[i - 1]! : 0;
      if (cum === prev) continue;
      const lhs = i === 0 || prev === 0 ? minmin : Math.max(rows[3 * (i - 1) + 1]!, minmin);
      const rhs = Math.min(rows[3 * i + 1]!, maxmax);
      out[j] = lhs + ((bp - prev) * (rhs - lhs)) / (cum - prev);
      j++;
      continue outer;
    }
    break;
  }
  for (; j < bps.length; j++) out[j] = maxmax;
  return out;
}
