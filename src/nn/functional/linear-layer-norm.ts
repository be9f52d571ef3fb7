/**
 * `layerNorm(linear(x, W, b), [out], γ, β, eps)` as one autograd op: the Linear's output h never
 * becomes a tensor of its own. It is saved for backward in arena storage, and the LayerNorm's
 * gradient ∂h lives in a reused scratch buffer that the Linear's backward gemms read at once —
 * one allocation and one graph node fewer per Linear→LayerNorm pair. The numbers are exactly
 * those of the two separate ops (same kernels, same order).
 */
import { needsGradList, record } from '../../tensor/autograd/node.js';
import type { FloatStorage } from '../../tensor/dtype.js';
import { ShapeError, formatShape } from '../../tensor/errors.js';
import { Tensor } from '../../tensor/tensor.js';
import { arenaStorage } from './arena.js';
import { addAffineGrad, layerNormBackwardRows, layerNormForwardRows } from './layer-norm-kernels.js';
import { checkLinear, linearBackward, linearForwardInto } from './linear.js';
import { allocLike, checkNumber, sameDType } from './util.js';

let scratch32 = new Float32Array(1024);
let scratch64 = new Float64Array(256);

/** A scratch buffer of `x`'s dtype with room for `n` values, reused by every call. */
function hiddenGradScratch(x: Tensor, n: number): FloatStorage {
  if (x.dtype === 'float64') {
    if (scratch64.length < n) scratch64 = new Float64Array(Math.max(n, 2 * scratch64.length));
    return scratch64.length === n ? scratch64 : scratch64.subarray(0, n);
  }
  if (scratch32.length < n) scratch32 = new Float32Array(Math.max(n, 2 * scratch32.length));
  return scratch32.length === n ? scratch32 : scratch32.subarray(0, n);
}

function checkNormParam(name: string, x: Tensor, t: Tensor | null, outF: number): void {
  if (t === null) return;
  sameDType('linearLayerNorm', x, t, 'input', name);
  if (t.ndim !== 1 || t.shape[0] !== outF) {
    throw new ShapeError(`linearLayerNorm: ${name} shape ${formatShape(t.shape)} does not match the ${outF} outputs of the linear map`, [t.shape, [outF]]);
  }
}

/**
 * y = LayerNorm(x·Wᵀ + b) over the last dim, with LayerNorm weight γ and bias β (either may be
 * null) and `eps`. Gradients flow to x, W, b, γ and β as through `linear` then `layerNorm`.
 */
export function linearLayerNorm(
  x: Tensor,
  weight: Tensor,
  bias: Tensor | null,
  normWeight: Tensor | null,
  normBias: Tensor | null,
  eps = 1e-5,
): Tensor {
  const dims = checkLinear('linearLayerNorm', x, weight, bias);
  const { rows, outF } = dims;
  checkNormParam('normWeight', x, normWeight, outF);
  checkNormParam('normBias', x, normBias, outF);
  checkNumber('linearLayerNorm', 'eps', eps, 0);
  const hd = arenaStorage(x, rows * outF);
  linearForwardInto(x, weight, bias, dims, hd);
  const gammaD = normWeight === null ? null : (normWeight.data as FloatStorage);
  const betaD = normBias === null ? null : (normBias.data as FloatStorage);
  const yd = allocLike(x, rows * outF);
  const means: number[] = new Array<number>(rows);
  const rstds: number[] = new Array<number>(rows);
  layerNormForwardRows(hd, gammaD, betaD, yd, means, rstds, rows, outF, eps);
  const shape = x.shape.slice();
  shape[shape.length - 1] = outF;
  const y = new Tensor(yd, shape);
  const inputs = [x, weight];
  if (bias !== null) inputs.push(bias);
  if (normWeight !== null) inputs.push(normWeight);
  if (normBias !== null) inputs.push(normBias);
  if (!needsGradList(inputs)) return y;
  record(y, 'LinearLayerNormBackward', inputs, (g) => {
    const wantGamma = normWeight !== null && normWeight.requiresGrad;
    const wantBeta = normBias !== null && normBias.requiresGrad;
    const wantH = x.requiresGrad || weight.requiresGrad || (bias !== null && bias.requiresGrad);
    const dh = wantH ? hiddenGradScratch(x, rows * outF) : null;
    const acc = layerNormBackwardRows(g.data as FloatStorage, hd, gammaD, means, rstds, dh, wantGamma, wantBeta, rows, outF);
    const normGrads: (Tensor | null)[] = [];
    if (normWeight !== null) normGrads.push(wantGamma ? addAffineGrad(normWeight, acc, 0) : null);
    if (normBias !== null) normGrads.push(wantBeta ? addAffineGrad(normBias, acc, outF) : null);
    const linearGrads = dh === null ? (bias === null ? [null, null] : [null, null, null]) : linearBackward(dh, x, weight, bias, dims);
    return [...linearGrads, ...normGrads];
  });
  return y;
}
