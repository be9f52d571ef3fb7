/**
 * Fused affine map (`F.linear`): y = x·Wᵀ + b in one gemm with the bias added per row. Backward
 * in two gemms and one column sum — ∂x = g·W, ∂W = gᵀ·x, ∂b = Σ_rows g — accumulated straight
 * into the parameters' `.grad` (see grad-sink.ts), so a training step allocates only ∂x.
 */
import { needsGrad, record } from '../../tensor/autograd/node.js';
import type { FloatStorage } from '../../tensor/dtype.js';
import { ShapeError, formatShape } from '../../tensor/errors.js';
import { getKernels } from '../../tensor/kernels/registry.js';
import { Tensor } from '../../tensor/tensor.js';
import { arenaStorage } from './arena.js';
import { leafGradSink } from './grad-sink.js';
import { allocLike, floatData, sameDType } from './util.js';

/** Sizes of a checked linear map: `rows` input rows of `inF` features to `outF` features. */
export interface LinearDims {
  readonly rows: number;
  readonly inF: number;
  readonly outF: number;
}

/** Checks dtypes and shapes of x [..., in], W [out, in], b [out] (errors name both shapes). */
export function checkLinear(op: string, x: Tensor, weight: Tensor, bias: Tensor | null): LinearDims {
  floatData(op, x);
  floatData(op, weight, 'weight');
  sameDType(op, x, weight, 'input', 'weight');
  if (bias !== null) {
    floatData(op, bias, 'bias');
    sameDType(op, x, bias, 'input', 'bias');
  }
  if (weight.ndim !== 2) throw new ShapeError(`${op}: weight must be 2-D [out, in], got shape ${formatShape(weight.shape)}`, [weight.shape]);
  const outF = weight.shape[0]!;
  const inF = weight.shape[1]!;
  if (x.ndim === 0 || x.shape[x.ndim - 1] !== inF) {
    throw new ShapeError(
      `${op}: input shape ${formatShape(x.shape)} and weight shape ${formatShape(weight.shape)} cannot be multiplied (${x.shape[x.ndim - 1] ?? 'none'} != ${inF})`,
      [x.shape, weight.shape],
    );
  }
  if (bias !== null && (bias.ndim !== 1 || bias.shape[0] !== outF)) {
    throw new ShapeError(`${op}: bias shape ${formatShape(bias.shape)} does not match weight shape ${formatShape(weight.shape)}`, [bias.shape, weight.shape]);
  }
  let rows = 1;
  for (let i = 0; i < x.ndim - 1; i++) rows *= x.shape[i]!;
  return { rows, inF, outF };
}

/** y = x·Wᵀ + b for x [..., in], W [out, in], b [out] or null (`F.linear`). */
export function linear(x: Tensor, weight: Tensor, bias: Tensor | null = null): Tensor {
  const dims = checkLinear('linear', x, weight, bias);
  const yd = allocLike(x, dims.rows * dims.outF);
  linearForwardInto(x, weight, bias, dims, yd);
  const shape = x.shape.slice();
  shape[shape.length - 1] = dims.outF;
  const y = new Tensor(yd, shape);
  if (needsGrad(x, weight, bias ?? undefined)) {
    const inputs = bias === null ? [x, weight] : [x, weight, bias];
    record(y, 'LinearBackward0', inputs, (g) => linearBackward(g.data as FloatStorage, x, weight, bias, dims));
  }
  return y;
}

/** Writes x·Wᵀ + b into `out` (rows·outF elements) with one gemm. */
export function linearForwardInto(x: Tensor, weight: Tensor, bias: Tensor | null, dims: LinearDims, out: FloatStorage): void {
  const bd = bias === null ? null : (bias.data as FloatStorage);
  getKernels().gemm(false, true, dims.rows, dims.outF, dims.inF, x.data as FloatStorage, 0, weight.data as FloatStorage, 0, out, 0, false, bd);
}

/**
 * Gradients of the linear map for output gradient `gd`: [∂x, ∂W(, ∂b)], each null when not
 * required or when added straight into a leaf's `.grad`.
 */
export function linearBackward(gd: FloatStorage, x: Tensor, weight: Tensor, bias: Tensor | null, dims: LinearDims): (Tensor | null)[] {
  const { rows, inF, outF } = dims;
  const kern = getKernels();
  let gx: Tensor | null = null;
  if (x.requiresGrad) {
    const sink = leafGradSink(x);
    const dst = sink ?? arenaStorage(x);
    kern.gemm(false, false, rows, inF, outF, gd, 0, weight.data as FloatStorage, 0, dst, 0, sink !== null, null);
    if (sink === null) gx = new Tensor(dst, x.shape);
  }
  let gw: Tensor | null = null;
  if (weight.requiresGrad) {
    const sink = leafGradSink(weight);
    const dst = sink ?? arenaStorage(weight);
    kern.gemm(true, false, outF, inF, rows, gd, 0, x.data as FloatStorage, 0, dst, 0, sink !== null, null);
    if (sink === null) gw = new Tensor(dst, weight.shape);
  }
  if (bias === null) return [gx, gw];
  let gb: Tensor | null = null;
  if (bias.requiresGrad) {
    const sink = leafGradSink(bias);
    const dst = sink ?? arenaStorage(bias);
    addColumnSums(gd, rows, outF, dst);
    if (sink === null) gb = new Tensor(dst, bias.shape);
  }
  return [gx, gw, gb];
}

/** dst[j] += Σ_r g[r, j] over a rows×cols row-major g, two rows per step (independent sums). */
function addColumnSums(gd: FloatStorage, rows: number, cols: number, dst: FloatStorage): void {
  const step = 2 * cols;
  for (let j = 0; j < cols; j++) {
    let s0 = 0;
    let s1 = 0;
    let r = 0;
    let p = j;
    for (; r + 1 < rows; r += 2, p += step) {
      s0 += gd[p]!;
      s1 += gd[p + cols]!;
    }
    if (r < rows) s0 += gd[p]!;
    dst[j] = dst[j]! + (s0 + s1);
  }
}
