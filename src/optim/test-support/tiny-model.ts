/**
 * Test support: a small model in the reference model's style (Linear layers each followed by
 * LayerNorm) and the article's data scaled down, for tests that train for a few steps.
 */
import { LayerNorm, Linear, MSELoss, Sequential } from '../../nn/index.js';
import { tensor } from '../../tensor/creation.js';
import type { Tensor } from '../../tensor/tensor.js';

/** 2 → 8 → 8 → 1 with LayerNorm(8) after the hidden Linear layers. */
export function tinyModel(): Sequential {
  return new Sequential(new Linear(2, 8), new LayerNorm(8), new Linear(8, 8), new LayerNorm(8), new Linear(8, 1));
}

/** The article's data: x1 = arange(−10, 10), x2 = arange(0, 20), y = (2·x1 − x2² + 1) / 100. */
export function articleData(): { x: Tensor; y: Tensor } {
  const rows = Array.from({ length: 20 }, (_, i) => [i - 10, i]);
  return { x: tensor(rows), y: tensor(rows.map(([x1, x2]) => [(2 * x1! - x2! * x2! + 1) / 100])) };
}

/** One training step: zero the grads, forward, MSE loss, backward, optimizer step. Returns the loss. */
export function trainStep(model: Sequential, optimizer: { zeroGrad(): void; step(): unknown }, data: { x: Tensor; y: Tensor }): number {
  optimizer.zeroGrad();
  const loss = new MSELoss().call(model.call(data.x), data.y);
  loss.backward();
  optimizer.step();
  return loss.item();
}
