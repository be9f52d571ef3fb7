/**
 * Entry of the WebAssembly gemm module (built by scripts/build-wasm.ts): gemm and ReLU, compiled for
 * ordinary and for shared memory (the worker-thread pool). The row kernels are a second module
 * (rows.ts), so that each stays under the 4 KiB a browser compiles synchronously on its main thread.
 */
export { MR, NR, KC, MC, packABytes, packBBytes, gemmBlock } from './gemm';
export { relu, reluBackward } from './elementwise';
export { gemm } from './gemm-call';
