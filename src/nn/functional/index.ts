/**
 * `nn.functional` (PyTorch's `F`): the stateless ops the layers call, each fused with its own
 * forward and backward kernel.
 */
export { linear } from './linear.js';
export { layerNorm } from './layer-norm.js';
export { linearLayerNorm } from './linear-layer-norm.js';
export { batchNorm } from './batch-norm.js';
export { dropout } from './dropout.js';
export { relu, leakyRelu, elu, gelu, silu, sigmoid, tanh, softplus, type GeluApproximate } from './activations.js';
export { softmax, logSoftmax } from './softmax.js';
export { mseLoss, l1Loss, huberLoss, smoothL1Loss } from './regression-losses.js';
export { crossEntropy, type CrossEntropyOptions } from './cross-entropy.js';
export { nllLoss, type NllLossOptions } from './nll-loss.js';
export { binaryCrossEntropyWithLogits, type BceWithLogitsOptions } from './bce-with-logits.js';
export { erf, erfc } from './erf.js';
export type { Reduction } from './util.js';
