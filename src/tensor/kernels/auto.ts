/**
 * The `auto` kernel set (the default): per call, the WebAssembly SIMD kernels for float32 work
 * large enough to repay staging the operands in linear memory, the reference code for tiny
 * work, float64, and engines without WebAssembly SIMD.
 */
import { referenceKernels } from './reference.js';
import type { Kernels } from './types.js';
import { wasmAvailable, wasmKernels } from './wasm/kernels.js';

/**
 * Smallest m·n·k sent to WebAssembly. `npm run bench` (bench/kernels.bench.ts, "small gemm"
 * table) puts the crossover between 6³ = 216 (reference faster for x·Wᵀ, ~0.5 µs either way) and
 * 8³ = 512 (wasm 2–3× faster); at 20×20×20, the article's layers, wasm is 8–11× faster.
 */
export const AUTO_WASM_MIN_WORK = 256;

/**
 * Smallest element count of a ReLU (forward or backward) sent to WebAssembly. The bench's
 * "relu" table: at 128 elements both take ~1.2 ns per element, from 256 on wasm wins (0.6 vs
 * 1.1 ns), and at the MLP's 32768 the reference's branch mispredictions cost 2.5–3.5 ns against 0.2–0.3.
 */
export const AUTO_WASM_MIN_ELEMENTS = 256;

/**
 * Smallest block of an Adam update sent to WebAssembly. Staging costs a few copies per array; below
 * this the float64 JavaScript loop (~5 ns per element) is as fast.
 */
export const AUTO_WASM_MIN_ADAM = 64;

/**
 * Smallest rows·n of a layer normalisation sent to WebAssembly (forward and backward).
 */
export const AUTO_WASM_MIN_NORM = 128;

function pick(useWasm: boolean): Kernels {
  return useWasm && wasmAvailable() ? wasmKernels : referenceKernels;
}

/** Fast kernels where they pay, the reference elsewhere. */
export const autoKernels: Kernels = {
  name: 'auto',
  gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate, bias) {
    pick(m * n * k >= AUTO_WASM_MIN_WORK && a instanceof Float32Array).gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate, bias);
  },
  relu(x, out, n) {
    pick(n >= AUTO_WASM_MIN_ELEMENTS && x instanceof Float32Array).relu(x, out, n);
  },
  reluBackward(y, g, dx, n) {
    pick(n >= AUTO_WASM_MIN_ELEMENTS && y instanceof Float32Array).reluBackward(y, g, dx, n);
  },
  adam(block) {
    pick(block.end - block.start >= AUTO_WASM_MIN_ADAM && block.w instanceof Float32Array).adam(block);
  },
  layerNormForward(x, gamma, beta, y, means, rstds, rows, n, eps) {
    pick(rows * n >= AUTO_WASM_MIN_NORM && x instanceof Float32Array).layerNormForward(x, gamma, beta, y, means, rstds, rows, n, eps);
  },
  layerNormBackward(g, x, gamma, means, rstds, dx, acc, wantGamma, wantBeta, rows, n) {
    pick(rows * n >= AUTO_WASM_MIN_NORM && x instanceof Float32Array).layerNormBackward(g, x, gamma, means, rstds, dx, acc, wantGamma, wantBeta, rows, n);
  },
};
