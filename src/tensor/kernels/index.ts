/**
 * The kernel layer's public surface: choosing a kernel set (`reference`, `wasm`, `auto`; the
 * DECAYLAB_KERNELS environment variable), the Kernels interface, and the optional worker-thread
 * pool for large WebAssembly products.
 */
export { DEFAULT_KERNELS, getKernelSet, getKernels, kernelNames, registerKernels, useKernels } from './registry.js';
export { KERNELS_ENV } from './environment.js';
export type { Kernels } from './types.js';
export { KernelError } from './errors.js';
export { AUTO_WASM_MIN_ELEMENTS, AUTO_WASM_MIN_WORK } from './auto.js';
export { disableKernelThreads, enableKernelThreads, wasmAvailable, wasmFailure } from './wasm/kernels.js';
export {
  DEFAULT_THREAD_MIN_WORK,
  nodeWorkerSpawner,
  type GemmThreadPool,
  type GemmThreadsOptions,
  type KernelWorker,
  type NodeWorkerClass,
  type SpawnKernelWorker,
} from './wasm/threads.js';
