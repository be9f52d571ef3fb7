/**
 * Fused layer normalisation (`F.layer_norm`) over the row kernels of layer-norm-kernels.ts.
 * Forward saves each row's mean and 1/σ; backward recomputes x̂ from them. Affine gradients go
 * straight into the parameters' `.grad` (see grad-sink.ts).
 */
import { needsGrad, record } from '../../tensor/autograd/node.js';
import type { FloatStorage } from '../../tensor/dtype.js';
import { ShapeError, formatShape } from '../../tensor/errors.js';
import { Tensor } from '../../tensor/tensor.js';
import { addAffineGrad, layerNormBackwardRows, layerNormForwardRows } from './layer-norm-kernels.js';
import { allocLike, checkNumber, floatData, sameDType } from './util.js';
import { arenaStorage } from './arena.js';

/** Normalised shape as an array (a number means one trailing dim). */
export function normalizedShapeOf(normalizedShape: number | readonly number[]): number[] {
  return typeof normalizedShape === 'number' ? [normalizedShape] : [...normalizedShape];
}

function checkParam(name: string, x: Tensor, t: Tensor | null, shape: readonly number[]): void {
  if (t === null) return;
  sameDType('layerNorm', x, t, 'input', name);
  let ok = t.ndim === shape.length;
  for (let i = 0; ok && i < shape.length; i++) ok = t.shape[i] === shape[i];
  if (!ok) throw new ShapeError(`layerNorm: ${name} shape ${formatShape(t.shape)} does not match normalizedShape ${formatShape(shape)}`, [t.shape, shape]);
}

/** Elements per normalised row, after checking that `x` ends with `shape`. */
function rowLength(x: Tensor, shape: readonly number[]): number {
  const nd = shape.length;
  let ok = x.ndim >= nd;
  let n = 1;
  for (let i = 0; i < nd; i++) {
    ok = ok && x.shape[x.ndim - nd + i] === shape[i];
    n *= shape[i]!;
  }
  if (!ok) {
    throw new ShapeError(
      `layerNorm: given normalizedShape=${formatShape(shape)}, expected input with shape [*, ${shape.join(', ')}], but got input of size ${formatShape(x.shape)}`,
      [x.shape, shape],
    );
  }
  return n;
}

/**
 * y = (x − E[x]) / √(Var[x] + ε) · γ + β over the trailing `normalizedShape` dims, with the
 * biased variance (PyTorch's LayerNorm). Backward with x̂ = (x − μ)·r, r = 1/√(σ² + ε) and
 * ĝ = dy·γ: dx = r·(ĝ − mean(ĝ) − x̂·mean(ĝ·x̂)), dγ = Σ dy·x̂, dβ = Σ dy over rows.
 */
export function layerNorm(
  x: Tensor,
  normalizedShape: number | readonly number[],
  weight: Tensor | null = null,
  bias: Tensor | null = null,
  eps = 1e-5,
): Tensor {
  const xd = floatData('layerNorm', x);
  const shape = typeof normalizedShape === 'number' ? [normalizedShape] : normalizedShape;
  const n = rowLength(x, shape);
  checkParam('weight', x, weight, shape);
  checkParam('bias', x, bias, shape);
  checkNumber('layerNorm', 'eps', eps, 0);
  const rows = n === 0 ? 0 : x.size / n;
  const wd = weight === null ? null : (weight.data as FloatStorage);
  const bd = bias === null ? null : (bias.data as FloatStorage);
  const yd = allocLike(x);
  // Per-row statistics for backward (plain arrays: cheaper to allocate than typed ones).
  const means: number[] = new Array<number>(rows);
  const rstds: number[] = new Array<number>(rows);
  layerNormForwardRows(xd, wd, bd, yd, means, rstds, rows, n, eps);
  const y = new Tensor(yd, x.shape);
  if (needsGrad(x, weight ?? undefined, bias ?? undefined)) {
    const inputs = [x];
    if (weight !== null) inputs.push(weight);
    if (bias !== null) inputs.push(bias);
    record(y, 'NativeLayerNormBackward0', inputs, (g) => {
      const wantW = weight !== null && weight.requiresGrad;
      const wantB = bias !== null && bias.requiresGrad;
      const dx = x.requiresGrad ? arenaStorage(x) : null;
      const acc = layerNormBackwardRows(g.data as FloatStorage, xd, wd, means, rstds, dx, wantW, wantB, rows, n);
      const grads: (Tensor | null)[] = [dx === null ? null : new Tensor(dx, x.shape)];
      if (weight !== null) grads.push(wantW ? addAffineGrad(weight, acc, 0) : null);
      if (bias !== null) grads.push(wantB ? addAffineGrad(bias, acc, n) : null);
      return grads;
    });
  }
  return y;
}
