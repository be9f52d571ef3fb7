/**
 * Single-precision GEMM for WebAssembly SIMD (AssemblyScript), in the Goto/BLIS scheme:
 * operands are packed into contiguous micro-panels (the transposes are handled there, so one
 * micro-kernel serves every variant), the k dimension is split into KC-blocks whose B panels
 * stay in L1, and a 2×16 register tile (8 f32x4 accumulators) does the arithmetic.
 *
 * All pointers are byte offsets into linear memory, managed by the TypeScript side
 * (src/tensor/kernels/wasm/). C is a staging matrix with row stride `ldc` (a multiple of NR)
 * and at least roundUp(m, MR) rows, already initialised (zero, bias rows or the old C):
 * the kernel always accumulates, `C += op(A)·op(B)`.
 */

/** Rows of the register tile. */
export const MR: i32 = 2;
/** Columns of the register tile (four f32x4 vectors). */
export const NR: i32 = 16;
/** Depth of a k-block: a packed 16-column B micro-panel is KC·64 bytes (16 KiB), kept in L1. */
export const KC: i32 = 256;
/** Rows of op(A) packed at a time (MC·KC·4 bytes = 256 KiB, kept in L2). */
export const MC: i32 = 256;

/** Bytes of packing space `gemm` needs for A. */
export function packABytes(): i32 {
  return MC * KC * 4;
}

/** Bytes of packing space `gemm` needs for B when it computes `cols` columns. */
export function packBBytes(cols: i32): i32 {
  return ((cols + NR - 1) / NR) * NR * KC * 4;
}

/** C[0..2, 0..16] += Apanel(kc×2)·Bpanel(kc×16); panels are interleaved by k. */
// @ts-ignore: decorator
@inline
function micro(kc: i32, ap: usize, bp: usize, c: usize, ldcBytes: usize): void {
  const c1 = c + ldcBytes;
  let c00 = v128.load(c), c01 = v128.load(c, 16), c02 = v128.load(c, 32), c03 = v128.load(c, 48);
  let c10 = v128.load(c1), c11 = v128.load(c1, 16), c12 = v128.load(c1, 32), c13 = v128.load(c1, 48);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(bp), b1 = v128.load(bp, 16), b2 = v128.load(bp, 32), b3 = v128.load(bp, 48);
    const a0 = v128.load_splat<f32>(ap);
    c00 = f32x4.add(c00, f32x4.mul(a0, b0));
    c01 = f32x4.add(c01, f32x4.mul(a0, b1));
    c02 = f32x4.add(c02, f32x4.mul(a0, b2));
    c03 = f32x4.add(c03, f32x4.mul(a0, b3));
    const a1 = v128.load_splat<f32>(ap, 4);
    c10 = f32x4.add(c10, f32x4.mul(a1, b0));
    c11 = f32x4.add(c11, f32x4.mul(a1, b1));
    c12 = f32x4.add(c12, f32x4.mul(a1, b2));
    c13 = f32x4.add(c13, f32x4.mul(a1, b3));
    ap += 8;
    bp += 64;
  }
  v128.store(c, c00); v128.store(c, c01, 16); v128.store(c, c02, 32); v128.store(c, c03, 48);
  v128.store(c1, c10); v128.store(c1, c11, 16); v128.store(c1, c12, 32); v128.store(c1, c13, 48);
}

/**
 * Packs rows [i0, i0+mc) × depth [p0, p0+kc) of op(A) into 2-row micro-panels laid out
 * [panel][p][2]; rows past `m` are zero. A is m×k (lda = k), or k×m when `transA`.
 */
function packA(transA: i32, m: i32, k: i32, a: usize, i0: i32, mc: i32, p0: i32, kc: i32, dst: usize): void {
  for (let i = i0; i < i0 + mc; i += MR) {
    const full = i + 1 < m;
    if (transA) {
      let src = a + ((<usize>p0 * <usize>m + <usize>i) << 2);
      const step = <usize>m << 2;
      if (full) {
        for (let p = 0; p < kc; p++, src += step, dst += 8) store<u64>(dst, load<u64>(src));
      } else {
        for (let p = 0; p < kc; p++, src += step, dst += 8) {
          store<f32>(dst, load<f32>(src));
          store<f32>(dst, 0, 4);
        }
      }
    } else {
      const r0 = a + ((<usize>i * <usize>k + <usize>p0) << 2);
      const r1 = r0 + (<usize>k << 2);
      let p = 0;
      if (full) {
        for (; p + 4 <= kc; p += 4, dst += 32) {
          const x = v128.load(r0 + (<usize>p << 2));
          const y = v128.load(r1 + (<usize>p << 2));
          v128.store(dst, i32x4.shuffle(x, y, 0, 4, 1, 5));
          v128.store(dst, i32x4.shuffle(x, y, 2, 6, 3, 7), 16);
        }
        for (; p < kc; p++, dst += 8) {
          store<f32>(dst, load<f32>(r0 + (<usize>p << 2)));
          store<f32>(dst, load<f32>(r1 + (<usize>p << 2)), 4);
        }
      } else {
        for (; p < kc; p++, dst += 8) {
          store<f32>(dst, load<f32>(r0 + (<usize>p << 2)));
          store<f32>(dst, 0, 4);
        }
      }
    }
  }
}

/** Stores the 4×4 transpose of rows x0..x3 as four 4-float groups `stride` bytes apart. */
// @ts-ignore: decorator
@inline
function storeTransposed(x0: v128, x1: v128, x2: v128, x3: v128, dst: usize, stride: usize): void {
  const t0 = i32x4.shuffle(x0, x1, 0, 4, 1, 5);
  const t1 = i32x4.shuffle(x0, x1, 2, 6, 3, 7);
  const t2 = i32x4.shuffle(x2, x3, 0, 4, 1, 5);
  const t3 = i32x4.shuffle(x2, x3, 2, 6, 3, 7);
  v128.store(dst, i32x4.shuffle(t0, t2, 0, 1, 4, 5));
  v128.store(dst + stride, i32x4.shuffle(t0, t2, 2, 3, 6, 7));
  v128.store(dst + 2 * stride, i32x4.shuffle(t1, t3, 0, 1, 4, 5));
  v128.store(dst + 3 * stride, i32x4.shuffle(t1, t3, 2, 3, 6, 7));
}

/**
 * Packs depth [p0, p0+kc) × columns [j0, j1) of op(B) into 16-column micro-panels laid out
 * [panel][p][16]; columns past `n` are zero. B is k×n (ldb = n), or n×k when `transB`.
 */
function packB(transB: i32, n: i32, k: i32, b: usize, p0: i32, kc: i32, j0: i32, j1: i32, dst: usize): void {
  for (let j = j0; j < j1; j += NR) {
    const cols = min(NR, n - j);
    if (!transB) {
      let src = b + ((<usize>p0 * <usize>n + <usize>j) << 2);
      const step = <usize>n << 2;
      if (cols == NR) {
        for (let p = 0; p < kc; p++, src += step, dst += 64) {
          v128.store(dst, v128.load(src));
          v128.store(dst, v128.load(src, 16), 16);
          v128.store(dst, v128.load(src, 32), 32);
          v128.store(dst, v128.load(src, 48), 48);
        }
      } else {
        for (let p = 0; p < kc; p++, src += step, dst += 64) {
          for (let c = 0; c < cols; c++) store<f32>(dst + (<usize>c << 2), load<f32>(src + (<usize>c << 2)));
          for (let c = cols; c < NR; c++) store<f32>(dst + (<usize>c << 2), 0);
        }
      }
    } else {
      // Column c of the panel is row j+c of B, contiguous in p: transpose 4×4 blocks.
      const rowBytes = <usize>k << 2;
      const base = b + ((<usize>j * <usize>k + <usize>p0) << 2);
      let p = 0;
      for (; p + 4 <= kc; p += 4) {
        const out = dst + (<usize>p << 6);
        for (let c = 0; c < NR; c += 4) {
          const src = base + <usize>c * rowBytes + (<usize>p << 2);
          const x0 = c < cols ? v128.load(src) : f32x4.splat(0);
          const x1 = c + 1 < cols ? v128.load(src + rowBytes) : f32x4.splat(0);
          const x2 = c + 2 < cols ? v128.load(src + 2 * rowBytes) : f32x4.splat(0);
          const x3 = c + 3 < cols ? v128.load(src + 3 * rowBytes) : f32x4.splat(0);
          storeTransposed(x0, x1, x2, x3, out + (<usize>c << 2), 64);
        }
      }
      for (; p < kc; p++) {
        const out = dst + (<usize>p << 6);
        for (let c = 0; c < NR; c++) {
          store<f32>(out + (<usize>c << 2), c < cols ? load<f32>(base + <usize>c * rowBytes + (<usize>p << 2)) : 0);
        }
      }
      dst += <usize>kc << 6;
    }
  }
}

/**
 * `C[i0..i1, j0..j1) += op(A)·op(B)` restricted to that block of C: op(A) is m×k, op(B) is
 * k×n. `i0`, `i1` must be multiples of MR (or i1 = m) and `j0` a multiple of NR; the staging
 * matrix C (row stride `ldc`) must have room for the padding up to multiples of MR and NR.
 * `pa` and `pb` are packing buffers of {@link packABytes} and {@link packBBytes}(j1 − j0) bytes.
 */
export function gemmBlock(
  transA: i32, transB: i32, m: i32, n: i32, k: i32,
  a: usize, b: usize, c: usize, ldc: i32,
  i0: i32, i1: i32, j0: i32, j1: i32, pa: usize, pb: usize,
): void {
  const ldcBytes = <usize>ldc << 2;
  for (let p0 = 0; p0 < k; p0 += KC) {
    const kc = min(KC, k - p0);
    packB(transB, n, k, b, p0, kc, j0, j1, pb);
    const panelB = <usize>kc * <usize>NR * 4;
    const panelA = <usize>kc * <usize>MR * 4;
    for (let ic = i0; ic < i1; ic += MC) {
      const mc = min(MC, i1 - ic);
      packA(transA, m, k, a, ic, mc, p0, kc, pa);
      let bp = pb;
      for (let j = j0; j < j1; j += NR, bp += panelB) {
        let ap = pa;
        let cp = c + ((<usize>ic * <usize>ldc + <usize>j) << 2);
        for (let i = 0; i < mc; i += MR, ap += panelA, cp += ldcBytes << 1) micro(kc, ap, bp, cp, ldcBytes);
      }
    }
  }
}
