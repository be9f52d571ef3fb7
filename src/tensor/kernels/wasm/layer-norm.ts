/**
 * The TypeScript half of the WebAssembly layer-normalisation kernels (assembly/layer-norm.ts):
 * stage the rows (and γ, β, the saved statistics, the gradient) in linear memory, run the SIMD
 * kernel, copy the results out. The kernels compute in float64 as the reference does, so results
 * match it but for rare last-bit differences; γ and β both or neither.
 */
import { stageIn, stageOut } from './staging.js';
import { type RowWorkspace, WORKSPACE_BASE, align64 } from './workspace.js';

/** y and the per-row μ, r of `rows` rows of n float32 values (γ, β both given or both null). */
export function wasmLayerNormForward(
  ws: RowWorkspace,
  x: Float32Array,
  gamma: Float32Array | null,
  beta: Float32Array | null,
  y: Float32Array,
  means: number[],
  rstds: number[],
  rows: number,
  n: number,
  eps: number,
): void {
  const size = rows * n;
  const xPtr = WORKSPACE_BASE;
  const yPtr = xPtr + align64(size * 4);
  const gammaPtr = yPtr + align64(size * 4);
  const betaPtr = gammaPtr + align64(n * 4);
  const statsPtr = betaPtr + align64(n * 4);
  const heap = ws.reserve(statsPtr + rows * 16);
  stageIn(heap, xPtr >> 2, x, 0, size);
  const affine = gamma !== null && beta !== null;
  if (affine) {
    stageIn(heap, gammaPtr >> 2, gamma, 0, n);
    stageIn(heap, betaPtr >> 2, beta, 0, n);
  }
  ws.kernels.layerNormForward(xPtr, gammaPtr, betaPtr, yPtr, statsPtr, rows, n, eps, affine ? 1 : 0);
  stageOut(heap, yPtr >> 2, y, 0, size);
  const heap64 = ws.heap64;
  const stats = statsPtr >> 3;
  for (let r = 0; r < rows; r++) {
    means[r] = heap64[stats + 2 * r]!;
    rstds[r] = heap64[stats + 2 * r + 1]!;
  }
}

/** dx (when given) and dγ, dβ added into `acc` (2n) for dy = g over `rows` rows of n float32 values. */
export function wasmLayerNormBackward(
  ws: RowWorkspace,
  g: Float32Array,
  x: Float32Array,
  gamma: Float32Array | null,
  means: readonly number[],
  rstds: readonly number[],
  dx: Float32Array | null,
  acc: Float64Array,
  rows: number,
  n: number,
): void {
  const size = rows * n;
  const gPtr = WORKSPACE_BASE;
  const xPtr = gPtr + align64(size * 4);
  const dxPtr = xPtr + align64(size * 4);
  const gammaPtr = dxPtr + align64(size * 4);
  const accPtr = gammaPtr + align64(n * 4);
  const statsPtr = accPtr + align64(2 * n * 8);
  const sumsPtr = statsPtr + align64(rows * 16);
  const heap = ws.reserve(sumsPtr + rows * 16);
  stageIn(heap, gPtr >> 2, g, 0, size);
  stageIn(heap, xPtr >> 2, x, 0, size);
  if (gamma !== null) stageIn(heap, gammaPtr >> 2, gamma, 0, n);
  const heap64 = ws.heap64;
  const stats = statsPtr >> 3;
  for (let r = 0; r < rows; r++) {
    heap64[stats + 2 * r] = means[r]!;
    heap64[stats + 2 * r + 1] = rstds[r]!;
  }
  const a = accPtr >> 3;
  heap64.fill(0, a, a + 2 * n);
  ws.kernels.layerNormBackward(gPtr, xPtr, gammaPtr, statsPtr, dx === null ? 0 : dxPtr, accPtr, sumsPtr, rows, n, gamma === null ? 0 : 1);
  if (dx !== null) stageOut(heap, dxPtr >> 2, dx, 0, size);
  for (let j = 0; j < 2 * n; j++) acc[j] = acc[j]! + heap64[a + j]!;
}
