/**
 * The loss of a run as a function of the model's output and the targets. Regression models have one
 * output column, squeezed away before the loss (the article's `MSELoss()(y, model(x).squeeze())`);
 * classification models output logits [N, C] for int32 class targets [N].
 */
import type { Tensor } from '../../tensor/tensor.js';
import { crossEntropy } from '../../nn/functional/cross-entropy.js';
import { huberLoss, l1Loss, mseLoss } from '../../nn/functional/regression-losses.js';
import type { LossName } from '../config/names.js';

/** (output, target) → scalar loss (mean over the batch). */
export type LossFn = (output: Tensor, target: Tensor) => Tensor;

/** The loss function for a name: MSELoss, L1Loss, HuberLoss(δ = 1) or CrossEntropyLoss, all with mean reduction. */
export function lossFunction(name: LossName): LossFn {
  switch (name) {
    case 'mse':
      return (out, y) => mseLoss(y, out.squeeze(-1));
    case 'l1':
      return (out, y) => l1Loss(out.squeeze(-1), y);
    case 'huber':
      return (out, y) => huberLoss(out.squeeze(-1), y);
    case 'cross-entropy':
      return (out, y) => crossEntropy(out, y);
  }
}
