/** Loss (and accuracy for classification) of a model on a whole split, without recording gradients. */
import { noGrad } from '../../tensor/autograd/grad-mode.js';
import type { Module } from '../../nn/module.js';
import type { LossFn } from '../build/loss.js';
import type { Split } from '../datasets/types.js';

/** What {@link evaluate} measures. */
export interface SplitMetrics {
  /** Mean loss over the split. */
  readonly loss: number;
  /** Share of rows whose arg-max logit is the target class (classification only). */
  readonly accuracy?: number;
}

/** Share of rows of logits [N, C] whose arg-max equals the int32 target. */
export function accuracyOf(logits: { data: ArrayLike<number>; shape: readonly number[] }, target: { data: ArrayLike<number> }): number {
  const [n, c] = [logits.shape[0]!, logits.shape[1]!];
  let correct = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < c; j++) if (logits.data[i * c + j]! > logits.data[i * c + best]!) best = j;
    if (best === target.data[i]) correct++;
  }
  return n === 0 ? 0 : correct / n;
}

/** Evaluates `model` on `split` in evaluation mode (restoring its previous mode). */
export function evaluate(model: Module, split: Split, loss: LossFn, classification: boolean): SplitMetrics {
  const wasTraining = model.training;
  model.eval();
  try {
    return noGrad(() => {
      const out = model.forward(split.x);
      const value = loss(out, split.y).item();
      return classification ? { loss: value, accuracy: accuracyOf(out, split.y) } : { loss: value };
    });
  } finally {
    model.train(wasTraining);
  }
}
