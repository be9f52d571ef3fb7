/**
 * A whole product in one call from JavaScript, for calls that run on one thread: small products are
 * dominated by per-call costs, so the staging around `gemmBlock` happens here rather than in
 * JavaScript. Operands are compact row-major arrays: A, B, the bias (n floats) and C in/out (`cc`,
 * m×n). The kernel's padded staging matrix C (row stride `ldc`, a multiple of NR) is filled from
 * `init` — bit 1: the old C (accumulate), bit 0: plus the bias — computed, and copied back to `cc`.
 * Rows are short, so they are copied with v128 moves rather than `memory.copy` calls.
 */
import { gemmBlock, packABytes } from './gemm';

/** dst[0..bytes) = src[0..bytes) (+ add[0..bytes) when `add` ≠ 0), for whole floats. */
// @ts-ignore: decorator
@inline
function copyRow(dst: usize, src: usize, add: usize, bytes: usize): void {
  const vec = bytes & ~15;
  let j: usize = 0;
  if (add == 0) {
    for (; j < vec; j += 16) v128.store(dst + j, v128.load(src + j));
    for (; j < bytes; j += 4) store<f32>(dst + j, load<f32>(src + j));
  } else {
    for (; j < vec; j += 16) v128.store(dst + j, f32x4.add(v128.load(src + j), v128.load(add + j)));
    for (; j < bytes; j += 4) store<f32>(dst + j, load<f32>(src + j) + load<f32>(add + j));
  }
}

/** C(cc) = op(A)·op(B) (+ old C when init & 2) (+ bias when init & 1); see the file comment. */
export function gemm(
  transA: i32, transB: i32, m: i32, n: i32, k: i32,
  a: usize, b: usize, cc: usize, bias: usize, init: i32, c: usize, ldc: i32, pack: usize,
): void {
  const rowBytes = <usize>n << 2;
  const ldcBytes = <usize>ldc << 2;
  for (let i = 0; i < m; i++) {
    const row = c + <usize>i * ldcBytes;
    const old = cc + <usize>i * rowBytes;
    if (init == 0) memory.fill(row, 0, rowBytes);
    else if (init == 1) copyRow(row, bias, 0, rowBytes);
    else copyRow(row, old, init == 3 ? bias : 0, rowBytes);
  }
  gemmBlock(transA, transB, m, n, k, a, b, c, ldc, 0, m, 0, n, pack, pack + <usize>packABytes());
  for (let i = 0; i < m; i++) copyRow(cc + <usize>i * rowBytes, c + <usize>i * ldcBytes, 0, rowBytes);
}
