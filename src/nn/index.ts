/**
 * The nn layer (PyTorch's `torch.nn`): `Module` and containers, layers, activations, losses,
 * `init` and `functional` namespaces. Exported from the package root as `nn`.
 */
export { Module, type AnyModule, type StateDict, type LoadStateDictOptions, type LoadStateDictResult } from './module.js';
export { Sequential, ModuleList, type TensorModule } from './containers.js';
export { forwardChain, type ModuleChain } from './fusion.js';
export { Linear, type LinearOptions } from './layers/linear.js';
export { LayerNorm, BatchNorm1d, type LayerNormOptions, type BatchNormOptions } from './layers/normalization.js';
export { Identity, Flatten, Dropout } from './layers/basic.js';
export { ReLU, LeakyReLU, ELU, GELU, SiLU, Sigmoid, Tanh, Softplus, Softmax, LogSoftmax } from './layers/activations.js';
export {
  Loss,
  MSELoss,
  L1Loss,
  HuberLoss,
  SmoothL1Loss,
  NLLLoss,
  CrossEntropyLoss,
  BCEWithLogitsLoss,
  type LossOptions,
  type NLLLossOptions,
  type CrossEntropyLossOptions,
  type BCEWithLogitsLossOptions,
} from './losses.js';
export { StateDictError, ModuleError, type ShapeMismatch } from './errors.js';
export * as init from './init.js';
export * as functional from './functional/index.js';
