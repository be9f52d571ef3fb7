/**
 * The summary statistics of a HistogramProto, with numpy's float64 semantics: `values.min()`,
 * `values.max()` (NaN if any value is NaN), `values.sum()` with numpy's pairwise summation
 * (`pairwise_sum`: below 8 elements a plain loop from −0.0; up to 128 elements eight interleaved
 * accumulators combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) plus the remainder; above that the
 * halves, split at a multiple of 8), so sums agree bit for bit; and `values.dot(values)` for
 * sum_squares, summed the same pairwise way (BLAS's order of additions differs only in the last bits).
 */

const BLOCK = 128;

function pairwiseSum(x: ArrayLike<number>, start: number, n: number): number {
  if (n < 8) {
    let res = -0;
    for (let i = 0; i < n; i++) res += x[start + i]!;
    return res;
  }
  if (n <= BLOCK) {
    let r0 = x[start]!, r1 = x[start + 1]!, r2 = x[start + 2]!, r3 = x[start + 3]!;
    let r4 = x[start + 4]!, r5 = x[start + 5]!, r6 = x[start + 6]!, r7 = x[start + 7]!;
    const stop = start + n - (n % 8);
    let i = start + 8;
    for (; i < stop; i += 8) {
      r0 += x[i]!; r1 += x[i + 1]!; r2 += x[i + 2]!; r3 += x[i + 3]!;
      r4 += x[i + 4]!; r5 += x[i + 5]!; r6 += x[i + 6]!; r7 += x[i + 7]!;
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < start + n; i++) res += x[i]!;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(x, start, n2) + pairwiseSum(x, start + n2, n - n2);
}

function pairwiseSumSquares(x: ArrayLike<number>, start: number, n: number): number {
  if (n < 8) {
    let res = -0;
    for (let i = 0; i < n; i++) res += x[start + i]! * x[start + i]!;
    return res;
  }
  if (n <= BLOCK) {
    const s = start;
    let r0 = x[s]! * x[s]!, r1 = x[s + 1]! * x[s + 1]!, r2 = x[s + 2]! * x[s + 2]!, r3 = x[s + 3]! * x[s + 3]!;
    let r4 = x[s + 4]! * x[s + 4]!, r5 = x[s + 5]! * x[s + 5]!, r6 = x[s + 6]! * x[s + 6]!, r7 = x[s + 7]! * x[s + 7]!;
    const stop = s + n - (n % 8);
    let i = s + 8;
    for (; i < stop; i += 8) {
      r0 += x[i]! * x[i]!; r1 += x[i + 1]! * x[i + 1]!; r2 += x[i + 2]! * x[i + 2]!; r3 += x[i + 3]! * x[i + 3]!;
      r4 += x[i + 4]! * x[i + 4]!; r5 += x[i + 5]! * x[i + 5]!; r6 += x[i + 6]! * x[i + 6]!; r7 += x[i + 7]! * x[i + 7]!;
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < s + n; i++) res += x[i]! * x[i]!;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSumSquares(x, start, n2) + pairwiseSumSquares(x, start + n2, n - n2);
}

/** `np.sum(values)` of the values as float64 (pairwise summation, bit-identical to numpy). */
export function numpySum(values: ArrayLike<number>): number {
  return pairwiseSum(values, 0, values.length);
}

/** Σ v² of the values as float64, summed pairwise like {@link numpySum}. */
export function sumOfSquares(values: ArrayLike<number>): number {
  return pairwiseSumSquares(values, 0, values.length);
}

/** `[min, max]` of the values; `[NaN, NaN]` if any value is NaN (numpy propagates NaN). */
export function minMax(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    if (v !== v) return [NaN, NaN];
  }
  return [lo, hi];
}

function pairwiseBoth(x: ArrayLike<number>, start: number, n: number, out: Float64Array): void {
  if (n < 8) {
    let s = -0;
    let q = -0;
    for (let i = 0; i < n; i++) {
      const v = x[start + i]!;
      s += v;
      q += v * v;
    }
    out[0] = s;
    out[1] = q;
    return;
  }
  if (n <= BLOCK) {
    const st = start;
    let v0 = x[st]!, v1 = x[st + 1]!, v2 = x[st + 2]!, v3 = x[st + 3]!, v4 = x[st + 4]!, v5 = x[st + 5]!, v6 = x[st + 6]!, v7 = x[st + 7]!;
    let r0 = v0, r1 = v1, r2 = v2, r3 = v3, r4 = v4, r5 = v5, r6 = v6, r7 = v7;
    let q0 = v0 * v0, q1 = v1 * v1, q2 = v2 * v2, q3 = v3 * v3, q4 = v4 * v4, q5 = v5 * v5, q6 = v6 * v6, q7 = v7 * v7;
    const stop = st + n - (n % 8);
    let i = st + 8;
    for (; i < stop; i += 8) {
      v0 = x[i]!; v1 = x[i + 1]!; v2 = x[i + 2]!; v3 = x[i + 3]!; v4 = x[i + 4]!; v5 = x[i + 5]!; v6 = x[i + 6]!; v7 = x[i + 7]!;
      r0 += v0; r1 += v1; r2 += v2; r3 += v3; r4 += v4; r5 += v5; r6 += v6; r7 += v7;
      q0 += v0 * v0; q1 += v1 * v1; q2 += v2 * v2; q3 += v3 * v3; q4 += v4 * v4; q5 += v5 * v5; q6 += v6 * v6; q7 += v7 * v7;
    }
    let s = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    let q = q0 + q1 + (q2 + q3) + (q4 + q5 + (q6 + q7));
    for (; i < st + n; i++) {
      const v = x[i]!;
      s += v;
      q += v * v;
    }
    out[0] = s;
    out[1] = q;
    return;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  pairwiseBoth(x, start, n2, out);
  const s = out[0]!;
  const q = out[1]!;
  pairwiseBoth(x, start + n2, n - n2, out);
  out[0] = s + out[0]!;
  out[1] = q + out[1]!;
}

/**
 * `out[0] = numpySum(values)` and `out[1] = sumOfSquares(values)` from one traversal (the same
 * pairwise order, so the results are identical to the separate functions).
 */
export function sumAndSumOfSquares(values: ArrayLike<number>, out: Float64Array): void {
  pairwiseBoth(values, 0, values.length, out);
}
