/** What every dataset gives the training loop: train and test splits as tensors, and its task. */
import type { Tensor } from '../../tensor/tensor.js';

/** One split: inputs `x` of shape [n, inputSize] (float32) and targets `y` of shape [n]. */
export interface Split {
  readonly x: Tensor;
  /** Regression: float32 targets. Classification: int32 class indices in [0, classes). */
  readonly y: Tensor;
}

/** A loaded dataset. */
export interface Dataset {
  /** Short name for tables and reports, e.g. `moons`, `fashion-mnist[1000]`. */
  readonly name: string;
  readonly task: 'regression' | 'classification';
  /** Number of input features. */
  readonly inputSize: number;
  /** Model outputs: 1 for regression, the number of classes for classification. */
  readonly outputSize: number;
  readonly train: Split;
  /** Held-out data, or null when the dataset has none (the article's data). */
  readonly test: Split | null;
  /** One line on where the data came from and how they were prepared. */
  readonly description: string;
}

/** The number of rows of a split. */
export function splitSize(split: Split): number {
  return split.x.shape[0] ?? 0;
}
