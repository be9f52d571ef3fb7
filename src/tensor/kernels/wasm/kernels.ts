/**
 * The `wasm` kernel set: float32 gemm and ReLU through the WebAssembly SIMD kernels, float64
 * (gradient checks) through the reference code. The module is instantiated on first use; a pool
 * of worker threads can take over large products ({@link enableKernelThreads}).
 */
import { KernelError } from '../errors.js';
import { referenceKernels } from '../reference.js';
import type { Kernels } from '../types.js';
import { wasmAdam } from './adam.js';
import { wasmRelu, wasmReluBackward } from './elementwise.js';
import { wasmLayerNormBackward, wasmLayerNormForward } from './layer-norm.js';
import { type GemmExecutor, singleThreadExecutor, wasmGemm } from './gemm.js';
import { instantiateKernels, instantiateRowKernels, kernelModule, rowKernelModule } from './module.js';
import { type GemmThreadPool, type GemmThreadsOptions, type SpawnKernelWorker, startGemmThreads } from './threads.js';
import { RowWorkspace, WasmWorkspace } from './workspace.js';

let single: GemmExecutor | null = null;
let rows: RowWorkspace | null = null;
let pool: GemmThreadPool | null = null;
let failure: KernelError | null = null;

function createSingleThreadExecutor(): GemmExecutor {
  const module = kernelModule('private');
  const memory = new WebAssembly.Memory({ initial: 2 });
  return singleThreadExecutor(new WasmWorkspace(memory, instantiateKernels(module, memory)));
}

/**
 * The executor wasm gemms run on: the thread pool when one is enabled, else the single-thread
 * executor (created on first use). A KernelError when WebAssembly SIMD is unavailable.
 */
export function wasmExecutor(): GemmExecutor {
  if (pool !== null && !pool.closed) return pool;
  if (single !== null) return single;
  if (failure !== null) throw failure;
  try {
    single = createSingleThreadExecutor();
    return single;
  } catch (e) {
    if (e instanceof KernelError) failure = e;
    throw e;
  }
}

/** The row-kernel module (Adam, layer normalisation) and its own memory, created on first use. */
export function rowWorkspace(): RowWorkspace {
  if (rows === null) {
    const memory = new WebAssembly.Memory({ initial: 2 });
    rows = new RowWorkspace(memory, instantiateRowKernels(rowKernelModule(), memory));
  }
  return rows;
}

/**
 * Starts worker threads (made by `spawn`, see {@link SpawnKernelWorker}) and runs large wasm
 * gemms of every kernel set on them from then on; resolves once the workers are ready. A pool
 * that was enabled before is closed first.
 */
export async function enableKernelThreads(spawn: SpawnKernelWorker, options: GemmThreadsOptions = {}): Promise<GemmThreadPool> {
  const next = await startGemmThreads(spawn, options);
  disableKernelThreads();
  pool = next;
  return next;
}

/** Closes the thread pool, if any; wasm gemms run on the calling thread again. */
export function disableKernelThreads(): void {
  pool?.close();
  pool = null;
}

/** Whether the WebAssembly SIMD kernels run in this engine (instantiates them if needed). */
export function wasmAvailable(): boolean {
  if (pool !== null || single !== null) return true;
  if (failure !== null) return false;
  try {
    wasmExecutor();
    return true;
  } catch (e) {
    if (e instanceof KernelError) return false;
    throw e;
  }
}

/** Why the WebAssembly kernels are unavailable, or null when they work (or were not tried). */
export function wasmFailure(): KernelError | null {
  return failure;
}

/** The WebAssembly SIMD kernel set (float64 and empty operands fall back to the reference kernels; Adam computes in float32). */
export const wasmKernels: Kernels = {
  name: 'wasm',
  prepare() {
    wasmExecutor();
    rowWorkspace();
  },
  gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate, bias) {
    if (
      a instanceof Float32Array && b instanceof Float32Array && c instanceof Float32Array &&
      (bias === null || bias instanceof Float32Array) && m > 0 && n > 0 && k > 0
    ) {
      wasmGemm(wasmExecutor(), transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate, bias);
    } else {
      referenceKernels.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate, bias);
    }
  },
  relu(x, out, n) {
    if (x instanceof Float32Array && out instanceof Float32Array && n > 0) wasmRelu(wasmExecutor(), x, out, n);
    else referenceKernels.relu(x, out, n);
  },
  reluBackward(y, g, dx, n) {
    if (y instanceof Float32Array && g instanceof Float32Array && dx instanceof Float32Array && n > 0) wasmReluBackward(wasmExecutor(), y, g, dx, n);
    else referenceKernels.reluBackward(y, g, dx, n);
  },
  adam(block) {
    if (block.w instanceof Float32Array && block.end > block.start) wasmAdam(rowWorkspace(), block);
    else referenceKernels.adam(block);
  },
  layerNormForward(x, gamma, beta, y, means, rstds, rows, n, eps) {
    const affine32 = gamma instanceof Float32Array && beta instanceof Float32Array;
    if (x instanceof Float32Array && y instanceof Float32Array && rows > 0 && n > 0 && (affine32 || (gamma === null && beta === null))) {
      wasmLayerNormForward(rowWorkspace(), x, affine32 ? gamma : null, affine32 ? beta : null, y, means, rstds, rows, n, eps);
    } else {
      referenceKernels.layerNormForward(x, gamma, beta, y, means, rstds, rows, n, eps);
    }
  },
  layerNormBackward(g, x, gamma, means, rstds, dx, acc, wantGamma, wantBeta, rows, n) {
    if (
      g instanceof Float32Array && x instanceof Float32Array && (gamma === null || gamma instanceof Float32Array) &&
      (dx === null || dx instanceof Float32Array) && rows > 0 && n > 0
    ) {
      wasmLayerNormBackward(rowWorkspace(), g, x, gamma, means, rstds, dx, acc, rows, n);
    } else {
      referenceKernels.layerNormBackward(g, x, gamma, means, rstds, dx, acc, wantGamma, wantBeta, rows, n);
    }
  },
};
