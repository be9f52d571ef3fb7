/**
 * The article's dataset: 20 points x = stack([x1, x2], 1) with x1 = arange(−10, 10) and
 * x2 = arange(0, 20), target y = 2·x1 − x2² + 1 (float32, as the article's tensors after
 * `.float()`).
 */
import { arange, tensor } from '../../tensor/creation.js';
import type { FloatDType } from '../../tensor/dtype.js';
import { stack } from '../../tensor/ops/shape-ops.js';
import type { Tensor } from '../../tensor/tensor.js';

/** Inputs [20, 2] and targets [20] of the article's regression problem. */
export interface ArticleData {
  /** stack([x1, x2], 1): row i is (i − 10, i). */
  readonly x: Tensor;
  /** 2·x1 − x2² + 1, one value per row of `x`. */
  readonly y: Tensor;
}

/** Builds the article's 20 samples (float32 unless `dtype` says float64). */
export function articleData(dtype: FloatDType = 'float32'): ArticleData {
  const x1 = arange(-10, 10, 1, { dtype });
  const x2 = arange(0, 20, 1, { dtype });
  const x = stack([x1, x2], 1);
  const values = new Float64Array(20);
  for (let i = 0; i < 20; i++) {
    const a = x1.data[i]!;
    const b = x2.data[i]!;
    values[i] = 2 * a - b * b + 1;
  }
  return { x, y: tensor(values, { dtype }) };
}
