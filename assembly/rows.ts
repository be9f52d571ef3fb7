/**
 * Entry of the WebAssembly row-kernel module (built by scripts/build-wasm.ts): kernels that walk
 * rows or elements once — Adam's update and layer normalisation. Compiled for ordinary memory only.
 */
export { adam } from './adam';
export { layerNormForward, layerNormBackward } from './layer-norm';
