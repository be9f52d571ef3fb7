/**
 * The TypeScript half of the WebAssembly elementwise kernels: stage the operands in linear memory,
 * run the kernel, copy the result out. Copies cost ~0.05 ns per float, far less than the branch
 * mispredictions the SIMD masks avoid.
 */
import type { GemmExecutor } from './gemm.js';
import { WORKSPACE_BASE, align64 } from './workspace.js';

/** ReLU of n float32 values through WebAssembly (`out` may be `x`). */
export function wasmRelu(executor: GemmExecutor, x: Float32Array, out: Float32Array, n: number): void {
  const ws = executor.workspace;
  const xPtr = WORKSPACE_BASE;
  const outPtr = xPtr + align64(n * 4);
  const heap = ws.reserve(outPtr + n * 4);
  heap.set(x.subarray(0, n), xPtr >> 2);
  ws.kernels.relu(xPtr, outPtr, n);
  out.set(heap.subarray(outPtr >> 2, (outPtr >> 2) + n));
}

/** ReLU's gradient from its output, for n float32 values, through WebAssembly (`dx` may alias `g`). */
export function wasmReluBackward(executor: GemmExecutor, y: Float32Array, g: Float32Array, dx: Float32Array, n: number): void {
  const ws = executor.workspace;
  const yPtr = WORKSPACE_BASE;
  const gPtr = yPtr + align64(n * 4);
  const dxPtr = gPtr + align64(n * 4);
  const heap = ws.reserve(dxPtr + n * 4);
  heap.set(y.subarray(0, n), yPtr >> 2);
  heap.set(g.subarray(0, n), gPtr >> 2);
  ws.kernels.reluBackward(yPtr, gPtr, dxPtr, n);
  dx.set(heap.subarray(dxPtr >> 2, (dxPtr >> 2) + n));
}
