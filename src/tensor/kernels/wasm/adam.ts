/**
 * The TypeScript half of the WebAssembly Adam kernel (assembly/adam.ts): stage one block's gradient,
 * parameter, moments and destination in linear memory, run the SIMD loop, copy the moments and the
 * destination back. The copies cost ~0.1 ns per float against ~5 ns per element for the float64
 * JavaScript loop, which is bound by its scalar square root and division.
 */
import type { AdamBlock } from '../types.js';
import { stageIn, stageOut } from './staging.js';
import { type RowWorkspace, WORKSPACE_BASE, align64 } from './workspace.js';

/**
 * Adam's update of one block of float32 arrays through WebAssembly (the contract of {@link Kernels.adam};
 * the caller has checked that the block's arrays are float32 — a block's arrays share one dtype).
 */
export function wasmAdam(ws: RowWorkspace, block: AdamBlock): void {
  const { start, end } = block;
  const src = block.src as Float32Array;
  const w = block.w as Float32Array;
  const m = block.m as Float32Array;
  const v = block.v as Float32Array;
  const vMax = block.vMax as Float32Array | null;
  const dst = block.dst as Float32Array;
  const n = end - start;
  const bytes = align64(n * 4);
  const srcPtr = WORKSPACE_BASE;
  const wPtr = srcPtr + bytes;
  const mPtr = wPtr + bytes;
  const vPtr = mPtr + bytes;
  const vMaxPtr = vPtr + bytes;
  const inPlace = dst === w;
  const statesEnd = vMaxPtr + (vMax === null ? 0 : bytes);
  const dstPtr = inPlace ? wPtr : statesEnd;
  const heap = ws.reserve(statesEnd + (inPlace ? 0 : bytes));
  stageIn(heap, srcPtr >> 2, src, start, n);
  stageIn(heap, wPtr >> 2, w, start, n);
  stageIn(heap, mPtr >> 2, m, start, n);
  stageIn(heap, vPtr >> 2, v, start, n);
  if (vMax !== null) stageIn(heap, vMaxPtr >> 2, vMax, start, n);
  if (!inPlace) stageIn(heap, dstPtr >> 2, dst, start, n);
  ws.kernels.adam(
    srcPtr, wPtr, mPtr, vPtr, vMaxPtr, dstPtr, n, vMax === null ? 0 : 1,
    block.inputScale, block.inputWeight, block.keep, block.outScale,
    block.beta1, block.oneMinusBeta1, block.beta2, block.oneMinusBeta2, block.eps, block.bc2Sqrt,
  );
  stageOut(heap, mPtr >> 2, m, start, n);
  stageOut(heap, vPtr >> 2, v, start, n);
  if (vMax !== null) stageOut(heap, vMaxPtr >> 2, vMax, start, n);
  stageOut(heap, dstPtr >> 2, dst, start, n);
}
