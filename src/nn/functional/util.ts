/** Helpers shared by the fused functional ops: dtype checks, storage of a tensor's dtype, reductions. */
import { type FloatStorage, allocStorage } from '../../tensor/dtype.js';
import { ArgumentError, DTypeError, ShapeError, formatShape } from '../../tensor/errors.js';
import { normalizeDim } from '../../tensor/shape.js';
import { Tensor } from '../../tensor/tensor.js';

/** How a loss reduces its per-element values (PyTorch's `reduction`). */
export type Reduction = 'mean' | 'sum' | 'none';

/** Checks a `reduction` option, naming it when it is not one of mean, sum, none. */
export function checkReduction(op: string, reduction: string): Reduction {
  if (reduction !== 'mean' && reduction !== 'sum' && reduction !== 'none') {
    throw new ArgumentError(`${op}: reduction must be 'mean', 'sum' or 'none', got '${reduction}'`, 'reduction', reduction);
  }
  return reduction;
}

/** The float storage of `t`, or a DTypeError naming the op when `t` holds int32 indices. */
export function floatData(op: string, t: Tensor, what = 'input'): FloatStorage {
  if (t.dtype === 'int32') throw new DTypeError(`${op}: ${what} must be a floating point tensor, got int32`, [t.dtype]);
  return t.data as FloatStorage;
}

/** Checks that two float tensors share a dtype (a DTypeError naming both otherwise). */
export function sameDType(op: string, a: Tensor, b: Tensor, aName: string, bName: string): void {
  if (a.dtype !== b.dtype) {
    throw new DTypeError(
      `${op}: expected ${aName} and ${bName} to have the same dtype, got ${a.dtype} (${aName} shape ${formatShape(a.shape)}) and ${b.dtype} (${bName} shape ${formatShape(b.shape)})`,
      [a.dtype, b.dtype],
    );
  }
}

/** New zeroed storage of `t`'s float dtype and `n` elements. */
export function allocLike(t: Tensor, n: number = t.size): FloatStorage {
  return allocStorage(t.dtype, n) as FloatStorage;
}

/** A tensor of `like`'s dtype and shape holding `values` (double accumulators rounded once). */
export function tensorLike(like: Tensor, values: Float64Array): Tensor {
  const d = allocLike(like, values.length);
  d.set(values);
  return new Tensor(d, like.shape);
}

/** Checks that a numeric option is finite (and ≥ `min` when given). */
export function checkNumber(op: string, name: string, value: number, min?: number, inclusive = true): void {
  const tooSmall = min !== undefined && (inclusive ? value < min : value <= min);
  if (typeof value !== 'number' || !Number.isFinite(value) || tooSmall) {
    const bound = min === undefined ? 'finite' : `${inclusive ? '>=' : '>'} ${min}`;
    throw new ArgumentError(`${op}: ${name} must be a number ${bound}, got ${value}`, name, value);
  }
}

/** A tensor's layout around one dim: `outer` blocks of `len` entries `inner` apart. */
export interface DimLayout {
  readonly outer: number;
  readonly len: number;
  readonly inner: number;
}

/** The {@link DimLayout} of `shape` around `dim` (negative dims count from the end). */
export function dimLayout(shape: readonly number[], dim: number): DimLayout {
  if (shape.length === 0) return { outer: 1, len: 1, inner: 1 };
  const d = normalizeDim(dim, shape.length);
  let outer = 1;
  let inner = 1;
  for (let i = 0; i < d; i++) outer *= shape[i]!;
  for (let i = d + 1; i < shape.length; i++) inner *= shape[i]!;
  return { outer, len: shape[d]!, inner };
}

/** Checks that two tensors have exactly the same shape (a ShapeError naming both otherwise). */
export function checkSameShape(op: string, a: Tensor, b: Tensor, aName: string, bName: string): void {
  const sa = a.shape;
  const sb = b.shape;
  let same = sa.length === sb.length;
  for (let i = 0; same && i < sa.length; i++) same = sa[i] === sb[i];
  if (!same) {
    throw new ShapeError(
      `${op}: ${bName} shape ${formatShape(sb)} does not match ${aName} shape ${formatShape(sa)}; reshape one of them (broadcasting is not applied)`,
      [sa, sb],
    );
  }
}
