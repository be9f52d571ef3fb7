/** Entry of the WebAssembly kernel module (built by scripts/build-wasm.ts): gemm and elementwise kernels. */
export { MR, NR, KC, MC, packABytes, packBBytes, gemmBlock } from './gemm';
export { relu, reluBackward } from './elementwise';
