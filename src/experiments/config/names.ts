/**
 * The names a config can use and the defaults that follow from them, without the schema library,
 * so that worker threads can build runs without loading it.
 */
import type { DatasetConfig } from './dataset-schema.js';

/**
 * The weight-decay modes (λ = weight decay, η = learning rate, g = gradient):
 * - `l2`: coupled L2, PyTorch's `weight_decay`: g ← g + λw before the optimizer's scaling;
 * - `decoupled`: AdamW's decay, w ← w − ηλw beside the optimizer's update;
 * - `l1`: coupled L1 subgradient, g ← g + λ·sign(w) (sign(0) = 0);
 * - `l1-proximal`: soft-thresholding after the step, w ← sign(w)·max(|w| − ηλ, 0).
 */
export const DECAY_MODES = ['l2', 'decoupled', 'l1', 'l1-proximal'] as const;
/** One weight-decay mode. */
export type DecayMode = (typeof DECAY_MODES)[number];

/** The optimizers a config can name (PyTorch's classes, lower case). */
export const OPTIMIZER_NAMES = ['sgd', 'adam', 'adamw', 'rmsprop', 'adagrad', 'adamax', 'nadam', 'radam', 'adadelta'] as const;
/** One optimizer name. */
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

/** The layer kinds a parameter group can select. */
export const GROUP_LAYERS = ['linear', 'layernorm'] as const;
/** The tensor roles a parameter group can select. */
export const GROUP_TENSORS = ['weight', 'bias'] as const;

/** Element-wise activations the models can use (PyTorch names in lower case). */
export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'gelu', 'none'] as const;

/** Loss functions (PyTorch's MSELoss, L1Loss, HuberLoss, CrossEntropyLoss). */
export const LOSSES = ['mse', 'l1', 'huber', 'cross-entropy'] as const;
/** One loss name. */
export type LossName = (typeof LOSSES)[number];

/** The decay mode a config means: the one given, else `decoupled` for AdamW and `l2` otherwise. */
export function decayModeOf(optimizer: { name: OptimizerName; decay?: DecayMode | undefined }): DecayMode {
  return optimizer.decay ?? (optimizer.name === 'adamw' ? 'decoupled' : 'l2');
}

/** `regression` or `classification`, as the dataset section implies. */
export function taskOf(dataset: DatasetConfig): 'regression' | 'classification' {
  switch (dataset.name) {
    case 'moons':
    case 'spirals':
    case 'fashion-mnist':
      return 'classification';
    case 'csv':
      return dataset.task;
    default:
      return 'regression';
  }
}

/** The loss a config means: the one given, else cross-entropy for classification and MSE otherwise. */
export function lossOf(config: { loss?: LossName | undefined; dataset: DatasetConfig }): LossName {
  return config.loss ?? (taskOf(config.dataset) === 'classification' ? 'cross-entropy' : 'mse');
}
