/**
 * Running a chain of modules with fusion: each `Linear` directly followed by a `LayerNorm` over
 * its outputs runs as the single op `linearLayerNorm` (same numbers, one tensor and one graph
 * node fewer). `Sequential` and the article's model run their layers through it.
 */
import type { Tensor } from '../tensor/tensor.js';
import { linearLayerNorm } from './functional/linear-layer-norm.js';
import { Linear } from './layers/linear.js';
import { LayerNorm } from './layers/normalization.js';
import type { Module } from './module.js';

/** An indexable run of tensor→tensor modules (`Sequential`, `ModuleList`, arrays). */
export interface ModuleChain {
  readonly length: number;
  at(index: number): Module<[Tensor], Tensor> | undefined;
}

/** True when `next` normalises exactly the outputs of `layer`, so the two can run fused. */
export function fusesWithLinear(layer: Linear, next: LayerNorm): boolean {
  return next.normalizedShape.length === 1 && next.normalizedShape[0] === layer.outFeatures && layer.weight.dtype === (next.weight ?? layer.weight).dtype;
}

/** Applies the modules of `chain` in order to `x`, fusing Linear→LayerNorm pairs. */
export function forwardChain(chain: ModuleChain, x: Tensor): Tensor {
  let y = x;
  const n = chain.length;
  for (let i = 0; i < n; i++) {
    const layer = chain.at(i)!;
    const next = i + 1 < n ? chain.at(i + 1) : undefined;
    if (layer instanceof Linear && next instanceof LayerNorm && fusesWithLinear(layer, next)) {
      y = linearLayerNorm(y, layer.weight, layer.bias, next.weight, next.bias, next.eps);
      i++;
    } else {
      y = layer.forward(y);
    }
  }
  return y;
}
