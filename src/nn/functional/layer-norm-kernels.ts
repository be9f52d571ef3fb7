/**
 * The row kernels of layer normalisation, shared by `layerNorm` and the fused `linearLayerNorm`:
 * the selected kernel set's `layerNormForward`/`layerNormBackward` (the reference in float64, the
 * WebAssembly SIMD kernels in float32 as PyTorch computes), and the affine gradients' accumulation.
 */
import type { FloatStorage } from '../../tensor/dtype.js';
import { getKernels } from '../../tensor/kernels/registry.js';
import { Tensor } from '../../tensor/tensor.js';
import { arenaStorage } from './arena.js';
import { leafGradSink } from './grad-sink.js';

/**
 * y = (x − μ)·r·γ + β per row of n values (γ, β optional), with μ and r = 1/√(σ² + ε) saved in
 * `means` and `rstds` for backward.
 */
export function layerNormForwardRows(
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
  getKernels().layerNormForward(xd, wd, bd, yd, means, rstds, rows, n, eps);
}

/**
 * Backward of {@link layerNormForwardRows}: writes dx (when given) and returns a shared scratch
 * holding dγ in [0, n) and dβ in [n, 2n) — read it before the next call.
 */
export function layerNormBackwardRows(
  gd: FloatStorage,
  xd: FloatStorage,
  wd: FloatStorage | null,
  means: readonly number[],
  rstds: readonly number[],
  dx: FloatStorage | null,
  wantW: boolean,
  wantB: boolean,
  rows: number,
  n: number,
): Float64Array {
  const acc = accumulators(2 * n);
  getKernels().layerNormBackward(gd, xd, wd, means, rstds, dx, acc, wantW, wantB, rows, n);
  return acc;
}

let scratch = new Float64Array(256);

/** A zeroed Float64Array of at least `size` entries, shared by every call (grown when needed). */
function accumulators(size: number): Float64Array {
  if (scratch.length < size) scratch = new Float64Array(Math.max(size, 2 * scratch.length));
  scratch.fill(0, 0, size);
  return scratch;
}

/** Adds `acc[from, from + size)` into a leaf parameter's `.grad` (returning null) or returns it as a new tensor. */
export function addAffineGrad(param: Tensor, acc: Float64Array, from: number): Tensor | null {
  const sink = leafGradSink(param);
  const dst = sink ?? arenaStorage(param);
  for (let j = 0; j < dst.length; j++) dst[j] = dst[j]! + acc[from + j]!;
  return sink === null ? new Tensor(dst, param.shape) : null;
}
