/** Helpers shared by the op files: operand coercion, dtype rules, broadcasting of storage. */
import { type DType, type Storage, allocStorage, isFloatDType } from '../dtype.js';
import { DTypeError, formatShape } from '../errors.js';
import { sameShape, sizeOf } from '../shape.js';
import { Tensor, type TensorLike } from '../tensor.js';

/** Turns a number into a 0-d tensor of `dtype`; passes tensors through. */
export function asTensor(x: TensorLike, dtype: DType): Tensor {
  if (x instanceof Tensor) return x;
  const data = allocStorage(dtype, 1);
  data[0] = x;
  return new Tensor(data, []);
}

/** The float dtype of an arithmetic op over `a` and `b`; a DTypeError for mixed or int32 operands. */
export function arithmeticDType(op: string, a: Tensor, b?: Tensor): DType {
  if (!isFloatDType(a.dtype) || (b !== undefined && !isFloatDType(b.dtype))) {
    throw new DTypeError(
      `${op}: int32 tensors hold indices and take part in no arithmetic; convert with .to('float32') first`,
      b === undefined ? [a.dtype] : [a.dtype, b.dtype],
    );
  }
  if (b !== undefined && a.dtype !== b.dtype) {
    throw new DTypeError(
      `${op}: expected both tensors to have the same dtype, but got ${a.dtype} (shape ${formatShape(a.shape)}) and ${b.dtype} (shape ${formatShape(b.shape)}); convert one with .to()`,
      [a.dtype, b.dtype],
    );
  }
  return a.dtype;
}

/** Checks that a tensor is floating point (for differentiable ops). */
export function requireFloat(op: string, t: Tensor): void {
  if (!isFloatDType(t.dtype)) {
    throw new DTypeError(`${op}: expected a floating point tensor, got ${t.dtype}`, [t.dtype]);
  }
}

/**
 * Copies a strided view of `src` into new contiguous storage of shape `outShape`: element
 * (i0, i1, ...) of the result is `src[offset + Σ i_d·strides[d]]`. Strides may be 0 (broadcast).
 */
export function stridedCopy(src: Storage, outShape: readonly number[], strides: readonly number[], offset: number, dtype: DType): Storage {
  const out = allocStorage(dtype, sizeOf(outShape));
  const nd = outShape.length;
  if (nd === 0) {
    if (out.length > 0) out[0] = src[offset]!;
    return out;
  }
  const inner = outShape[nd - 1]!;
  const innerStride = strides[nd - 1]!;
  const rows = inner === 0 ? 0 : out.length / inner;
  const idx = new Array<number>(nd - 1).fill(0);
  let base = offset;
  for (let r = 0; r < rows; r++) {
    const o = r * inner;
    if (innerStride === 1) for (let j = 0; j < inner; j++) out[o + j] = src[base + j]!;
    else if (innerStride === 0) out.fill(src[base]!, o, o + inner);
    else for (let j = 0, s = base; j < inner; j++, s += innerStride) out[o + j] = src[s]!;
    for (let d = nd - 2; d >= 0; d--) {
      idx[d] = idx[d]! + 1;
      base += strides[d]!;
      if (idx[d]! < outShape[d]!) break;
      base -= strides[d]! * outShape[d]!;
      idx[d] = 0;
    }
  }
  return out;
}

/**
 * Copies `src` of shape `srcShape` into new storage of shape `outShape`, repeating it along
 * broadcast dims (the shapes must be broadcast-compatible, `srcShape` possibly shorter).
 */
export function broadcastStorage(src: Storage, srcShape: readonly number[], outShape: readonly number[], dtype: DType): Storage {
  if (src.length === 1) {
    const out = allocStorage(dtype, sizeOf(outShape));
    out.fill(src[0]!);
    return out;
  }
  const nd = outShape.length;
  const strides = new Array<number>(nd).fill(0);
  let s = 1;
  for (let i = srcShape.length - 1; i >= 0; i--) {
    const od = nd - srcShape.length + i;
    strides[od] = srcShape[i] === 1 && outShape[od] !== 1 ? 0 : s;
    s *= srcShape[i]!;
  }
  return stridedCopy(src, outShape, strides, 0, dtype);
}

/** `t`'s storage broadcast to `shape` (the same storage when the shape already matches). */
export function storageAs(t: Tensor, shape: readonly number[]): Storage {
  return sameShape(t.shape, shape) ? t.data : broadcastStorage(t.data, t.shape, shape, t.dtype);
}
