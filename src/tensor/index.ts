/** The tensor layer's public surface: Tensor, creation, free functions, autograd, dtypes, errors. */
export { Tensor, type TensorLike, type NestedArray, type BackwardOptions } from './tensor.js';
export * from './creation.js';
export * from './functions.js';
export { noGrad, enableGrad, isGradEnabled, setGradEnabled } from './autograd/grad-mode.js';
export { gradcheck, GradcheckError, type GradcheckOptions } from './autograd/gradcheck.js';
export type { GradNode, BackwardFn } from './autograd/node.js';
export type { DType, FloatDType, Storage, FloatStorage } from './dtype.js';
export * from './errors.js';
export * from './kernels/index.js';
export * from './random/index.js';
