/**
 * The baseline of bench/nn.bench.ts: the article's model and loss composed from primitive tensor
 * ops (matmul, add, mean, sub, mul, sqrt, div), each recorded separately by autograd — what the
 * model costs without nn's fused Linear, LayerNorm and MSE kernels. It reads the parameters of a
 * SeedModel, so both paths compute the same numbers.
 */
import type { ArticleData } from '../src/experiments/article/data.js';
import type { SeedModel } from '../src/experiments/article/model.js';
import { Linear } from '../src/nn/layers/linear.js';
import { LayerNorm } from '../src/nn/layers/normalization.js';
import type { Tensor } from '../src/tensor/tensor.js';

/** x·Wᵀ + b from matmul, transpose and add. */
function primitiveLinear(x: Tensor, layer: Linear): Tensor {
  const y = x.matmul(layer.weight.t());
  return layer.bias === null ? y : y.add(layer.bias);
}

/** (x − mean)/√(var + eps)·γ + β from mean, sub, mul, add, sqrt and div (biased variance). */
function primitiveLayerNorm(x: Tensor, layer: LayerNorm): Tensor {
  const centered = x.sub(x.mean(-1, true));
  const variance = centered.mul(centered).mean(-1, true);
  const y = centered.div(variance.add(layer.eps).sqrt());
  return layer.weight === null || layer.bias === null ? y : y.mul(layer.weight).add(layer.bias);
}

/** The article's loss, mean((y − model(x))²), through primitive ops only. */
export function primitiveArticleLoss(model: SeedModel, data: ArticleData): Tensor {
  let h = data.x;
  for (const layer of model.linears) {
    if (layer instanceof Linear) h = primitiveLinear(h, layer);
    else if (layer instanceof LayerNorm) h = primitiveLayerNorm(h, layer);
  }
  const d = data.y.sub(h.squeeze());
  return d.mul(d).mean();
}
