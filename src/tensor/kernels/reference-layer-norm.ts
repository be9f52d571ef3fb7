/**
 * The reference layer-normalisation kernels (see {@link Kernels.layerNormForward}): float64
 * arithmetic over float32 or float64 rows, forward in two passes per row (shifted moments, output),
 * backward in two (row sums with the affine sums, then ∂x), rows in pairs where that hides
 * addition latency.
 */
import type { FloatStorage } from '../dtype.js';
import type { Kernels } from './types.js';

/**
 * Moments of each row in one pass, shifted by the row's first element (x − K has a small mean,
 * so E[(x−K)²] − E[x−K]² keeps its precision), then y = (x − μ)·r·γ + β. With γ and β, rows go
 * in pairs: two independent sums per loop hide the latency of the additions.
 */
export function referenceLayerNormForward(
  xd: FloatStorage,
  wd: FloatStorage | null,
  bd: FloatStorage | null,
  yd: FloatStorage,
  means: number[],
  rstds: number[],
  rows: number,
  n: number,
  eps: number,
): void {
  let r = 0;
  if (wd !== null && bd !== null) {
    for (; r + 1 < rows; r += 2) {
      const o = r * n;
      const p = o + n;
      const ka = xd[o]!;
      const kb = xd[p]!;
      let sa = 0;
      let qa = 0;
      let sb = 0;
      let qb = 0;
      for (let j = 0; j < n; j++) {
        const da = xd[o + j]! - ka;
        const db = xd[p + j]! - kb;
        sa += da;
        qa += da * da;
        sb += db;
        qb += db * db;
      }
      const ma = sa / n;
      const mb = sb / n;
      const meanA = ka + ma;
      const meanB = kb + mb;
      const rstdA = 1 / Math.sqrt(Math.max(qa / n - ma * ma, 0) + eps);
      const rstdB = 1 / Math.sqrt(Math.max(qb / n - mb * mb, 0) + eps);
      means[r] = meanA;
      rstds[r] = rstdA;
      means[r + 1] = meanB;
      rstds[r + 1] = rstdB;
      for (let j = 0; j < n; j++) {
        const w = wd[j]!;
        const b = bd[j]!;
        yd[o + j] = (xd[o + j]! - meanA) * rstdA * w + b;
        yd[p + j] = (xd[p + j]! - meanB) * rstdB * w + b;
      }
    }
  }
  for (let o = r * n; r < rows; r++, o += n) {
    const k = xd[o]!;
    let s = 0;
    let ss = 0;
    for (let j = o, end = o + n; j < end; j++) {
      const d = xd[j]! - k;
      s += d;
      ss += d * d;
    }
    const m = s / n;
    const mean = k + m;
    const rstd = 1 / Math.sqrt(Math.max(ss / n - m * m, 0) + eps);
    means[r] = mean;
    rstds[r] = rstd;
    if (wd !== null && bd !== null) for (let j = 0; j < n; j++) yd[o + j] = (xd[o + j]! - mean) * rstd * wd[j]! + bd[j]!;
    else if (wd !== null) for (let j = 0; j < n; j++) yd[o + j] = (xd[o + j]! - mean) * rstd * wd[j]!;
    else if (bd !== null) for (let j = 0; j < n; j++) yd[o + j] = (xd[o + j]! - mean) * rstd + bd[j]!;
    else for (let j = 0; j < n; j++) yd[o + j] = (xd[o + j]! - mean) * rstd;
  }
}

/**
 * Backward of {@link referenceLayerNormForward} (see {@link Kernels.layerNormBackward}): writes dx
 * (when given) and adds dγ into acc[0, n) and dβ into acc[n, 2n) (those wanted).
 */
export function referenceLayerNormBackward(
  gd: FloatStorage,
  xd: FloatStorage,
  wd: FloatStorage | null,
  means: readonly number[],
  rstds: readonly number[],
  dx: FloatStorage | null,
  acc: Float64Array,
  wantW: boolean,
  wantB: boolean,
  rows: number,
  n: number,
): void {
  if (dx !== null && wd !== null && wantW && wantB) backwardAffineRows(gd, xd, wd, means, rstds, dx, acc, rows, n);
  else backwardRows(gd, xd, wd, means, rstds, dx, wantW, wantB, acc, rows, n);
}

/**
 * The common case without branches in the loops (input, γ and β all need gradients), two rows
 * at a time so that the affine sums are read and written once per pair: per row Σĝ, Σĝ·x̂,
 * dγ += dy·x̂ and dβ += dy in one pass, then dx in a second.
 */
function backwardAffineRows(
  gd: FloatStorage,
  xd: FloatStorage,
  wd: FloatStorage,
  means: readonly number[],
  rstds: readonly number[],
  dx: FloatStorage,
  acc: Float64Array,
  rows: number,
  n: number,
): void {
  const invN = 1 / n;
  let r = 0;
  for (; r + 1 < rows; r += 2) {
    const o = r * n;
    const p = o + n;
    const meanA = means[r]!;
    const rstdA = rstds[r]!;
    const meanB = means[r + 1]!;
    const rstdB = rstds[r + 1]!;
    let a1 = 0;
    let a2 = 0;
    let b1 = 0;
    let b2 = 0;
    for (let j = 0; j < n; j++) {
      const w = wd[j]!;
      const ga = gd[o + j]!;
      const xa = (xd[o + j]! - meanA) * rstdA;
      const gb = gd[p + j]!;
      const xb = (xd[p + j]! - meanB) * rstdB;
      a1 += ga * w;
      a2 += ga * w * xa;
      b1 += gb * w;
      b2 += gb * w * xb;
      acc[j] = acc[j]! + ga * xa + gb * xb;
      acc[n + j] = acc[n + j]! + ga + gb;
    }
    const ma1 = a1 * invN;
    const ma2 = a2 * invN * rstdA;
    const mb1 = b1 * invN;
    const mb2 = b2 * invN * rstdB;
    for (let j = 0; j < n; j++) {
      const w = wd[j]!;
      dx[o + j] = rstdA * (gd[o + j]! * w - ma1 - (xd[o + j]! - meanA) * ma2);
      dx[p + j] = rstdB * (gd[p + j]! * w - mb1 - (xd[p + j]! - meanB) * mb2);
    }
  }
  if (r < rows) backwardRows(gd, xd, wd, means, rstds, dx, true, true, acc, rows, n, r);
}

/** Every other case (optional γ, dx, dγ, dβ; into `acc` as above), from row `firstRow` on. */
function backwardRows(
  gd: FloatStorage,
  xd: FloatStorage,
  wd: FloatStorage | null,
  means: readonly number[],
  rstds: readonly number[],
  dx: FloatStorage | null,
  wantW: boolean,
  wantB: boolean,
  acc: Float64Array,
  rows: number,
  n: number,
  firstRow = 0,
): void {
  const invN = 1 / n;
  for (let r = firstRow, o = firstRow * n; r < rows; r++, o += n) {
    const mean = means[r]!;
    const rstd = rstds[r]!;
    let s1 = 0;
    let s2 = 0;
    for (let j = 0; j < n; j++) {
      const g = gd[o + j]!;
      const xh = (xd[o + j]! - mean) * rstd;
      const gh = wd === null ? g : g * wd[j]!;
      s1 += gh;
      s2 += gh * xh;
      if (wantW) acc[j] = acc[j]! + g * xh;
      if (wantB) acc[n + j] = acc[n + j]! + g;
    }
    if (dx === null) continue;
    const m1 = s1 * invN;
    const m2 = s2 * invN * rstd;
    for (let j = 0; j < n; j++) {
      const gh = wd === null ? gd[o + j]! : gd[o + j]! * wd[j]!;
      dx[o + j] = rstd * (gh - m1 - (xd[o + j]! - mean) * m2);
    }
  }
}
