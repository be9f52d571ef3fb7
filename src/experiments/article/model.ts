/**
 * The article's model ("SeedModel" in the PyTorch fixtures): a `ModuleList` named `linears` of
 * Linear(2, 20), LayerNorm(20), Linear(20, 20), LayerNorm(20), Linear(20, 20), LayerNorm(20),
 * Linear(20, 20), LayerNorm(20), Linear(20, 1), applied in order, so its parameters are
 * `linears.0.weight … linears.8.bias`. Constructing it draws the Linear layers' default
 * initialisation in that order, as PyTorch does.
 */
import type { FloatDType } from '../../tensor/dtype.js';
import type { Tensor } from '../../tensor/tensor.js';
import { ModuleList } from '../../nn/containers.js';
import { forwardChain } from '../../nn/fusion.js';
import { mseLoss } from '../../nn/functional/regression-losses.js';
import { Linear } from '../../nn/layers/linear.js';
import { LayerNorm } from '../../nn/layers/normalization.js';
import { Module } from '../../nn/module.js';
import type { ArticleData } from './data.js';

/** Options of {@link SeedModel}. */
export interface SeedModelOptions {
  /** Parameter dtype (float32 unless given; float64 for gradcheck). */
  dtype?: FloatDType;
}

/** Widths of the article's MLP: 2 → 20 → 20 → 20 → 20 → 1. */
export const SEED_MODEL_WIDTHS: readonly number[] = Object.freeze([2, 20, 20, 20, 20, 1]);

/** The article's 2→20→20→20→20→1 MLP with a LayerNorm after each hidden Linear. */
export class SeedModel extends Module {
  readonly linears: ModuleList<Linear | LayerNorm>;

  constructor(options: SeedModelOptions = {}) {
    super();
    const dtype = options.dtype ?? 'float32';
    const layers: (Linear | LayerNorm)[] = [];
    const w = SEED_MODEL_WIDTHS;
    for (let i = 0; i + 1 < w.length; i++) {
      layers.push(new Linear(w[i]!, w[i + 1]!, { dtype }));
      if (i + 2 < w.length) layers.push(new LayerNorm(w[i + 1]!, { dtype }));
    }
    this.linears = this.registerModule('linears', new ModuleList(layers));
  }

  /** x [N, 2] → [N, 1]: the layers in order, each Linear→LayerNorm pair as one fused op. */
  forward(x: Tensor): Tensor {
    return forwardChain(this.linears, x);
  }
}

/** The article's loss: `MSELoss()(y, model(x).squeeze())` — note the target is the model's output. */
export function articleLoss(model: SeedModel, data: ArticleData): Tensor {
  return mseLoss(data.y, model.forward(data.x).squeeze());
}
