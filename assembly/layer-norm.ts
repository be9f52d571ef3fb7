/**
 * Layer normalisation over rows of n float32 values, for WebAssembly SIMD, computed in float64 (two
 * lanes per f64x2) like the reference kernels, so both give the same float32 results but for rare
 * last-bit differences (the float32 trajectory of a long training run stays on the reference's).
 * Per row μ and σ² (biased) from shifted moments, r = 1/√(σ² + ε), y = (x − μ)·r·γ + β. Backward
 * with x̂ = (x − μ)·r and ĝ = dy·γ: dx = r·(ĝ − mean(ĝ) − (x − μ)·r·mean(ĝ·x̂)), dγ += dy·x̂,
 * dβ += dy summed over rows.
 *
 * Pointers are byte offsets staged by src/tensor/kernels/wasm/layer-norm.ts; `stats` holds μ and r
 * per row as float64 (16 bytes a row); `acc` holds dγ then dβ as float64; `sums` is backward's
 * scratch (16 bytes a row); γ and β are used when `affine` ≠ 0 (else 1 and 0).
 */

/** Two float32 values at `p`, widened to float64. */
// @ts-ignore: decorator
@inline
function load2(p: usize): v128 {
  return f64x2.promote_low_f32x4(v128.load64_zero(p));
}

/** Stores the two lanes of `v`, narrowed to float32, at `p`. */
// @ts-ignore: decorator
@inline
function store2(p: usize, v: v128): void {
  v128.store64_lane(p, f32x4.demote_f64x2_zero(v), 0);
}

/** Sum of the two lanes. */
// @ts-ignore: decorator
@inline
function lanes(v: v128): f64 {
  return f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
}

/**
 * Forward over `rows` rows: y, and μ, r in `stats`. The moments come from one pass over the row
 * shifted by its first element K (x − K has a small mean, so E[(x−K)²] − E[x−K]² keeps its
 * precision), as the reference computes them, with four independent sums. All rows' statistics
 * are computed before any output, so the latency of one row's √ and division overlaps the next
 * row's sums instead of stalling its output pass.
 */
export function layerNormForward(x: usize, gamma: usize, beta: usize, y: usize, stats: usize, rows: i32, n: i32, eps: f64, affine: i32): void {
  const bytes = <usize>n << 2;
  const quads = bytes & ~15;
  const pairs = bytes & ~7;
  const inv = 1 / <f64>n;
  let row = x;
  let st = stats;
  for (let r = 0; r < rows; r++, row += bytes, st += 16) {
    const shift = <f64>load<f32>(row);
    const k = f64x2.splat(shift);
    let s0 = f64x2.splat(0), s1 = f64x2.splat(0), q0 = f64x2.splat(0), q1 = f64x2.splat(0);
    let j: usize = 0;
    for (; j < quads; j += 16) {
      const d0 = f64x2.sub(load2(row + j), k);
      const d1 = f64x2.sub(load2(row + j + 8), k);
      s0 = f64x2.add(s0, d0);
      q0 = f64x2.add(q0, f64x2.mul(d0, d0));
      s1 = f64x2.add(s1, d1);
      q1 = f64x2.add(q1, f64x2.mul(d1, d1));
    }
    if (j < pairs) {
      const d0 = f64x2.sub(load2(row + j), k);
      s0 = f64x2.add(s0, d0);
      q0 = f64x2.add(q0, f64x2.mul(d0, d0));
      j += 8;
    }
    let s = lanes(f64x2.add(s0, s1));
    let q = lanes(f64x2.add(q0, q1));
    if (j < bytes) {
      const d = <f64>load<f32>(row + j) - shift;
      s += d;
      q += d * d;
    }
    const ms = s * inv;
    store<f64>(st, shift + ms);
    store<f64>(st, 1 / sqrt<f64>(max<f64>(q * inv - ms * ms, 0) + eps), 8);
  }
  for (let r = 0; r < rows; r++, x += bytes, y += bytes, stats += 16) {
    const mean = load<f64>(stats);
    const rstd = load<f64>(stats, 8);
    const m = f64x2.splat(mean);
    const rs = f64x2.splat(rstd);
    let j: usize = 0;
    for (; j < pairs; j += 8) {
      let v = f64x2.mul(f64x2.sub(load2(x + j), m), rs);
      if (affine) v = f64x2.add(f64x2.mul(v, load2(gamma + j)), load2(beta + j));
      store2(y + j, v);
    }
    if (j < bytes) {
      let v = (<f64>load<f32>(x + j) - mean) * rstd;
      if (affine) v = v * <f64>load<f32>(gamma + j) + <f64>load<f32>(beta + j);
      store<f32>(y + j, <f32>v);
    }
  }
}

/**
 * Backward over `rows` rows: dx (when `dx` ≠ 0) from dy = g, and dγ, dβ summed into `acc`
 * (2n float64: dγ then dβ, already initialised). First every row's sums (saved as mean(ĝ) and
 * r·mean(ĝ·x̂) in `sums`, 16 bytes a row), then dx, so the rows' dependency chains overlap.
 */
export function layerNormBackward(g: usize, x: usize, gamma: usize, stats: usize, dx: usize, acc: usize, sums: usize, rows: i32, n: i32, affine: i32): void {
  const bytes = <usize>n << 2;
  const pairs = bytes & ~7;
  const dBeta = acc + (<usize>n << 3);
  const one = f64x2.splat(1);
  const inv = 1 / <f64>n;
  let gr = g;
  let xr = x;
  for (let r = 0; r < rows; r++, gr += bytes, xr += bytes) {
    const st = stats + (<usize>r << 4);
    const mean = load<f64>(st);
    const rstd = load<f64>(st, 8);
    const m = f64x2.splat(mean);
    const rs = f64x2.splat(rstd);
    let a1 = f64x2.splat(0), a2 = f64x2.splat(0);
    let j: usize = 0;
    let k: usize = 0;
    for (; j < pairs; j += 8, k += 16) {
      const gv = load2(gr + j);
      const xh = f64x2.mul(f64x2.sub(load2(xr + j), m), rs);
      const gh = f64x2.mul(gv, affine ? load2(gamma + j) : one);
      a1 = f64x2.add(a1, gh);
      a2 = f64x2.add(a2, f64x2.mul(gh, xh));
      v128.store(acc + k, f64x2.add(v128.load(acc + k), f64x2.mul(gv, xh)));
      v128.store(dBeta + k, f64x2.add(v128.load(dBeta + k), gv));
    }
    let s1 = lanes(a1);
    let s2 = lanes(a2);
    if (j < bytes) {
      const gv = <f64>load<f32>(gr + j);
      const xh = (<f64>load<f32>(xr + j) - mean) * rstd;
      const gh = affine ? gv * <f64>load<f32>(gamma + j) : gv;
      s1 += gh;
      s2 += gh * xh;
      store<f64>(acc + k, load<f64>(acc + k) + gv * xh);
      store<f64>(dBeta + k, load<f64>(dBeta + k) + gv);
    }
    const sr = sums + (<usize>r << 4);
    store<f64>(sr, s1 * inv);
    store<f64>(sr, s2 * inv * rstd, 8);
  }
  if (dx == 0) return;
  for (let r = 0; r < rows; r++, g += bytes, x += bytes, dx += bytes) {
    const st = stats + (<usize>r << 4);
    const sr = sums + (<usize>r << 4);
    const mean = load<f64>(st);
    const rstd = load<f64>(st, 8);
    const m1 = load<f64>(sr);
    const m2 = load<f64>(sr, 8);
    const m = f64x2.splat(mean);
    const rs = f64x2.splat(rstd);
    const c1 = f64x2.splat(m1);
    const c2 = f64x2.splat(m2);
    let j: usize = 0;
    for (; j < pairs; j += 8) {
      const gh = f64x2.mul(load2(g + j), affine ? load2(gamma + j) : one);
      const d = f64x2.sub(load2(x + j), m);
      store2(dx + j, f64x2.mul(rs, f64x2.sub(f64x2.sub(gh, c1), f64x2.mul(d, c2))));
    }
    if (j < bytes) {
      const gh = affine ? <f64>load<f32>(g + j) * <f64>load<f32>(gamma + j) : <f64>load<f32>(g + j);
      store<f32>(dx + j, <f32>(rstd * (gh - m1 - (<f64>load<f32>(x + j) - mean) * m2)));
    }
  }
}
