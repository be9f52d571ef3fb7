/**
 * Matrix products through the kernel set's `gemm`: `matmul` with PyTorch's 1-D / 2-D / batched
 * rules, and the fused `linear` (x·Wᵀ + b) that nn.Linear uses, forward and backward in three
 * gemm calls and one column sum.
 */
import { needsGrad, record } from '../autograd/node.js';
import { type FloatStorage, allocStorage } from '../dtype.js';
import { ShapeError, formatShape } from '../errors.js';
import { getKernels } from '../kernels/registry.js';
import { broadcastShapes, sameShape, sizeOf } from '../shape.js';
import { Tensor } from '../tensor.js';
import { sumTo } from './reduce.js';
import { reshape } from './shape-ops.js';
import { arithmeticDType, broadcastStorage } from './util.js';

function fs(t: Tensor): FloatStorage {
  return t.data as FloatStorage;
}

/**
 * Matrix product (`torch.matmul`): 1-D·1-D is a dot product; a 1-D left operand is a row vector
 * and a 1-D right operand a column vector (the added dim is removed again); higher ranks are
 * batches of matrices whose batch dims broadcast.
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  arithmeticDType('matmul', a, b);
  if (a.ndim === 0 || b.ndim === 0) {
    throw new ShapeError(
      `both arguments to matmul need to be at least 1D, but they are ${a.ndim}D and ${b.ndim}D (shapes ${formatShape(a.shape)} and ${formatShape(b.shape)})`,
      [a.shape, b.shape],
    );
  }
  const aa = a.ndim === 1 ? reshape(a, [1, a.shape[0]!]) : a;
  const bb = b.ndim === 1 ? reshape(b, [b.shape[0]!, 1]) : b;
  const ka = aa.shape[aa.ndim - 1]!;
  const kb = bb.shape[bb.ndim - 2]!;
  if (ka !== kb) {
    throw new ShapeError(
      `matmul: shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} cannot be multiplied (inner dimensions ${ka} and ${kb} differ)`,
      [a.shape, b.shape],
    );
  }
  let out = bb.ndim === 2 ? foldedMatmul(aa, bb) : batchedMatmul(aa, bb);
  if (a.ndim === 1 && b.ndim === 1) out = reshape(out, []);
  else if (a.ndim === 1) out = reshape(out, [...out.shape.slice(0, -2), out.shape[out.ndim - 1]!]);
  else if (b.ndim === 1) out = reshape(out, out.shape.slice(0, -1));
  return out;
}

/** [..., m, k]·[k, n]: the batch dims of `a` fold into its rows. */
function foldedMatmul(a: Tensor, b: Tensor): Tensor {
  const k = b.shape[0]!;
  const n = b.shape[1]!;
  const rows = k === 0 ? sizeOf(a.shape.slice(0, -1)) : a.size / k;
  const shape = [...a.shape.slice(0, -1), n];
  const out = allocStorage(a.dtype, rows * n) as FloatStorage;
  getKernels().gemm(false, false, rows, n, k, fs(a), 0, fs(b), 0, out, 0, false, null);
  const result = new Tensor(out, shape);
  if (needsGrad(a, b)) {
    record(result, 'MmBackward0', [a, b], (g) => {
      const kern = getKernels();
      let ga: Tensor | null = null;
      let gb: Tensor | null = null;
      if (a.requiresGrad) {
        const d = allocStorage(g.dtype, a.size) as FloatStorage;
        kern.gemm(false, true, rows, k, n, fs(g), 0, fs(b), 0, d, 0, false, null);
        ga = new Tensor(d, a.shape);
      }
      if (b.requiresGrad) {
        const d = allocStorage(g.dtype, b.size) as FloatStorage;
        kern.gemm(true, false, k, n, rows, fs(a), 0, fs(g), 0, d, 0, false, null);
        gb = new Tensor(d, b.shape);
      }
      return [ga, gb];
    });
  }
  return result;
}

/** [..., m, k]·[..., k, n] with broadcast batch dims. */
function batchedMatmul(a: Tensor, b: Tensor): Tensor {
  const m = a.shape[a.ndim - 2]!;
  const k = a.shape[a.ndim - 1]!;
  const n = b.shape[b.ndim - 1]!;
  const batch = matmulBatch(a.shape, b.shape);
  const aShape = [...batch, m, k];
  const bShape = [...batch, k, n];
  const ad = (sameShape(a.shape, aShape) ? a.data : broadcastStorage(a.data, a.shape, aShape, a.dtype)) as FloatStorage;
  const bd = (sameShape(b.shape, bShape) ? b.data : broadcastStorage(b.data, b.shape, bShape, b.dtype)) as FloatStorage;
  const nb = sizeOf(batch);
  const out = allocStorage(a.dtype, nb * m * n) as FloatStorage;
  const kern = getKernels();
  for (let i = 0; i < nb; i++) kern.gemm(false, false, m, n, k, ad, i * m * k, bd, i * k * n, out, i * m * n, false, null);
  const result = new Tensor(out, [...batch, m, n]);
  if (needsGrad(a, b)) {
    record(result, 'BmmBackward0', [a, b], (g) => {
      const kk = getKernels();
      const gd = fs(g);
      let ga: Tensor | null = null;
      let gb: Tensor | null = null;
      if (a.requiresGrad) {
        const d = allocStorage(g.dtype, nb * m * k) as FloatStorage;
        for (let i = 0; i < nb; i++) kk.gemm(false, true, m, k, n, gd, i * m * n, bd, i * k * n, d, i * m * k, false, null);
        ga = sumTo(new Tensor(d, aShape), a.shape);
      }
      if (b.requiresGrad) {
        const d = allocStorage(g.dtype, nb * k * n) as FloatStorage;
        for (let i = 0; i < nb; i++) kk.gemm(true, false, k, n, m, ad, i * m * k, gd, i * m * n, d, i * k * n, false, null);
        gb = sumTo(new Tensor(d, bShape), b.shape);
      }
      return [ga, gb];
    });
  }
  return result;
}

/** The broadcast batch dims of two matmul operands; the ShapeError names both full shapes. */
function matmulBatch(a: readonly number[], b: readonly number[]): number[] {
  try {
    return broadcastShapes(a.slice(0, -2), b.slice(0, -2));
  } catch (e) {
    if (!(e instanceof ShapeError)) throw e;
    throw new ShapeError(`matmul: the batch dimensions of shapes ${formatShape(a)} and ${formatShape(b)} cannot be broadcast (${e.message})`, [a, b]);
  }
}

/**
 * Fused affine map `y = x·Wᵀ + b` (`torch.nn.functional.linear`): x is [..., in], W is
 * [out, in], b is [out] or absent. Backward: ∂x = g·W, ∂W = gᵀ·x, ∂b = Σ_rows g.
 */
export function linear(x: Tensor, weight: Tensor, bias: Tensor | null = null): Tensor {
  arithmeticDType('linear', x, weight);
  if (bias !== null) arithmeticDType('linear', x, bias);
  if (weight.ndim !== 2) {
    throw new ShapeError(`linear: weight must be 2-D [out, in], got shape ${formatShape(weight.shape)}`, [weight.shape]);
  }
  const outF = weight.shape[0]!;
  const inF = weight.shape[1]!;
  if (x.ndim === 0 || x.shape[x.ndim - 1] !== inF) {
    throw new ShapeError(
      `linear: input shape ${formatShape(x.shape)} and weight shape ${formatShape(weight.shape)} cannot be multiplied (${x.shape[x.ndim - 1] ?? 'none'} != ${inF})`,
      [x.shape, weight.shape],
    );
  }
  if (bias !== null && (bias.ndim !== 1 || bias.shape[0] !== outF)) {
    throw new ShapeError(`linear: bias shape ${formatShape(bias.shape)} does not match weight shape ${formatShape(weight.shape)}`, [bias.shape, weight.shape]);
  }
  const rows = inF === 0 ? sizeOf(x.shape.slice(0, -1)) : x.size / inF;
  const out = allocStorage(x.dtype, rows * outF) as FloatStorage;
  const kern = getKernels();
  kern.gemm(false, true, rows, outF, inF, fs(x), 0, fs(weight), 0, out, 0, false, bias === null ? null : fs(bias));
  const result = new Tensor(out, [...x.shape.slice(0, -1), outF]);
  if (needsGrad(x, weight, bias ?? undefined)) {
    const inputs = bias === null ? [x, weight] : [x, weight, bias];
    record(result, 'LinearBackward0', inputs, (g) => {
      const kk = getKernels();
      const gd = fs(g);
      let gx: Tensor | null = null;
      let gw: Tensor | null = null;
      let gbias: Tensor | null = null;
      if (x.requiresGrad) {
        const d = allocStorage(g.dtype, x.size) as FloatStorage;
        kk.gemm(false, false, rows, inF, outF, gd, 0, fs(weight), 0, d, 0, false, null);
        gx = new Tensor(d, x.shape);
      }
      if (weight.requiresGrad) {
        const d = allocStorage(g.dtype, weight.size) as FloatStorage;
        kk.gemm(true, false, outF, inF, rows, gd, 0, fs(x), 0, d, 0, false, null);
        gw = new Tensor(d, weight.shape);
      }
      if (bias !== null && bias.requiresGrad) {
        const acc = new Float64Array(outF);
        for (let r = 0; r < rows; r++) {
          const o = r * outF;
          for (let j = 0; j < outF; j++) acc[j] = acc[j]! + gd[o + j]!;
        }
        const d = allocStorage(g.dtype, outF);
        d.set(acc);
        gbias = new Tensor(d, bias.shape);
      }
      return [gx, gw, gbias];
    });
  }
  return result;
}
