/**
 * Shape ops. Tensors are contiguous, so reshape, flatten, squeeze and unsqueeze are views that
 * share storage; transpose, permute, expand, narrow/slice, index selection, cat and stack copy.
 * Every op here is differentiable and its gradient is the inverse movement of data.
 */
import { needsGrad, needsGradList, record } from '../autograd/node.js';
import { type DType, type Storage, allocStorage, isFloatDType } from '../dtype.js';
import { ArgumentError, DTypeError, IndexError, ShapeError, formatShape } from '../errors.js';
import { inferShape, normalizeDim, sameShape, sizeOf, stridesOf } from '../shape.js';
import { Tensor } from '../tensor.js';
import { sumTo } from './reduce.js';
import { broadcastStorage, stridedCopy } from './util.js';

/** Wraps a possibly negative dim (see `normalizeDim`). */
export function wrapDim(dim: number, ndim: number): number {
  return normalizeDim(dim, ndim);
}

/** Accepts `f(2, 3)` and `f([2, 3])` alike. */
export function shapeArgs(args: number[] | [readonly number[]]): number[] {
  const first = args[0];
  return Array.isArray(first) ? [...(first as readonly number[])] : (args as number[]);
}

/** Same storage seen with another shape (one dim may be −1). */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  const target = inferShape(shape, x.size, x.shape);
  if (sameShape(target, x.shape) && !needsGrad(x)) return new Tensor(x.data, target);
  const out = new Tensor(x.data, target);
  if (needsGrad(x)) record(out, 'ViewBackward0', [x], (g) => [new Tensor(g.data, x.shape)]);
  return out;
}

/** Flattens dims `startDim..endDim` into one (`torch.flatten`). */
export function flatten(x: Tensor, startDim = 0, endDim = -1): Tensor {
  if (x.ndim === 0) return reshape(x, [1]);
  const s = normalizeDim(startDim, x.ndim);
  const e = normalizeDim(endDim, x.ndim);
  if (s > e) throw new ArgumentError(`flatten() has invalid args: startDim ${startDim} cannot come after endDim ${endDim}`, 'startDim', startDim);
  const merged = sizeOf(x.shape.slice(s, e + 1));
  return reshape(x, [...x.shape.slice(0, s), merged, ...x.shape.slice(e + 1)]);
}

/** Removes dims of size 1 (only `dim` when given, and only if its size is 1). */
export function squeeze(x: Tensor, dim?: number): Tensor {
  if (dim === undefined) return reshape(x, x.shape.filter((d) => d !== 1));
  const d = normalizeDim(dim, x.ndim);
  if (x.ndim === 0 || x.shape[d] !== 1) return x;
  return reshape(x, [...x.shape.slice(0, d), ...x.shape.slice(d + 1)]);
}

/** Inserts a dim of size 1 at `dim` (which may be `ndim`, or negative). */
export function unsqueeze(x: Tensor, dim: number): Tensor {
  const d = normalizeDim(dim, x.ndim + 1);
  return reshape(x, [...x.shape.slice(0, d), 1, ...x.shape.slice(d)]);
}

/** Reorders dims; the result is a contiguous copy. */
export function permute(x: Tensor, dims: readonly number[]): Tensor {
  if (dims.length !== x.ndim) {
    throw new ShapeError(`permute: number of dims ${dims.length} does not match the tensor's ${x.ndim} (shape ${formatShape(x.shape)})`, [x.shape]);
  }
  const perm = dims.map((d) => normalizeDim(d, x.ndim));
  if (new Set(perm).size !== perm.length) throw new ArgumentError(`permute: repeated dim in [${dims.join(', ')}]`, 'dims', dims);
  const strides = stridesOf(x.shape);
  const shape = perm.map((d) => x.shape[d]!);
  const out = new Tensor(stridedCopy(x.data, shape, perm.map((d) => strides[d]!), 0, x.dtype), shape);
  if (needsGrad(x)) {
    const inverse = new Array<number>(perm.length);
    perm.forEach((d, i) => (inverse[d] = i));
    record(out, 'PermuteBackward0', [x], (g) => [permute(g, inverse)]);
  }
  return out;
}

/** Swaps two dims (a contiguous copy). */
export function transpose(x: Tensor, dim0: number, dim1: number): Tensor {
  const perm = [...Array(x.ndim).keys()];
  const a = normalizeDim(dim0, x.ndim);
  const b = normalizeDim(dim1, x.ndim);
  if (x.ndim < 2 || a === b) return x;
  perm[a] = b;
  perm[b] = a;
  return permute(x, perm);
}

/** Broadcasts to `shape` (−1 keeps a dim), materialized; the gradient sums back. */
export function expand(x: Tensor, shape: readonly number[]): Tensor {
  if (shape.length < x.ndim) {
    throw new ShapeError(`expand: the target ${formatShape(shape)} has fewer dims than the tensor's shape ${formatShape(x.shape)}`, [x.shape, shape]);
  }
  const lead = shape.length - x.ndim;
  const target = shape.map((d, i) => (d === -1 && i >= lead ? x.shape[i - lead]! : d));
  for (let i = 0; i < target.length; i++) {
    const src = i >= lead ? x.shape[i - lead]! : 1;
    const t = target[i]!;
    if (t < 0 || (src !== 1 && src !== t)) {
      throw new ShapeError(
        `The expanded size of the tensor (${t}) must match the existing size (${src}) at non-singleton dimension ${i}. ` +
          `Target sizes: ${formatShape(shape)}. Tensor sizes: ${formatShape(x.shape)}`,
        [x.shape, shape],
      );
    }
  }
  const out = new Tensor(broadcastStorage(x.data, x.shape, target, x.dtype), target);
  if (needsGrad(x)) record(out, 'ExpandBackward0', [x], (g) => [sumTo(g, x.shape)]);
  return out;
}

/** Python-style slice `start:end:step` of `dim` (negative bounds count from the end); a copy. */
export function slice(x: Tensor, dim: number, start = 0, end?: number, step = 1): Tensor {
  const d = normalizeDim(dim, x.ndim);
  if (x.ndim === 0) throw new ShapeError('slice/narrow cannot be applied to a 0-d tensor (shape [])', [x.shape]);
  const len = x.shape[d]!;
  if (!Number.isInteger(step) || step <= 0) throw new ArgumentError(`slice step must be a positive integer, got ${step}`, 'step', step);
  const clampIdx = (i: number) => Math.min(Math.max(i < 0 ? i + len : i, 0), len);
  const s = clampIdx(start);
  const e = clampIdx(end ?? len);
  const count = e > s ? Math.ceil((e - s) / step) : 0;
  const strides = stridesOf(x.shape);
  const shape = [...x.shape];
  shape[d] = count;
  const viewStrides = [...strides];
  viewStrides[d] = strides[d]! * step;
  const out = new Tensor(stridedCopy(x.data, shape, viewStrides, s * strides[d]!, x.dtype), shape);
  if (needsGrad(x)) {
    record(out, 'SliceBackward0', [x], (g) => {
      const gi = allocStorage(g.dtype, x.size);
      scatterStrided(g.data, gi, shape, viewStrides, s * strides[d]!);
      return [new Tensor(gi, x.shape)];
    });
  }
  return out;
}

/** `length` entries of `dim` from `start` (`torch.narrow`); a copy. */
export function narrow(x: Tensor, dim: number, start: number, length: number): Tensor {
  const d = normalizeDim(dim, x.ndim);
  if (x.ndim === 0) throw new ShapeError('slice/narrow cannot be applied to a 0-d tensor (shape [])', [x.shape]);
  const len = x.shape[d]!;
  const s = start < 0 ? start + len : start;
  if (!Number.isInteger(s) || !Number.isInteger(length) || s < 0 || length < 0 || s + length > len) {
    throw new IndexError(`narrow: start (${start}) + length (${length}) exceeds dimension size (${len}) of shape ${formatShape(x.shape)}`, start, [0, len]);
  }
  return slice(x, d, s, s + length, 1);
}

/** Adds contiguous `src` (of `shape`) into `dst` at the strided positions (inverse of stridedCopy). */
function scatterStrided(src: Storage, dst: Storage, shape: readonly number[], strides: readonly number[], offset: number): void {
  const nd = shape.length;
  const n = sizeOf(shape);
  if (nd === 0) {
    if (n > 0) dst[offset] = dst[offset]! + src[0]!;
    return;
  }
  const idx = new Array<number>(nd).fill(0);
  let pos = offset;
  for (let i = 0; i < n; i++) {
    dst[pos] = dst[pos]! + src[i]!;
    for (let dd = nd - 1; dd >= 0; dd--) {
      idx[dd] = idx[dd]! + 1;
      pos += strides[dd]!;
      if (idx[dd]! < shape[dd]!) break;
      pos -= strides[dd]! * shape[dd]!;
      idx[dd] = 0;
    }
  }
}

/** Reads an index argument as integers, checking each against `[0, n)` (negatives wrap). */
function indexValues(index: Tensor | readonly number[], n: number, what: string): Int32Array {
  let values: ArrayLike<number>;
  if (index instanceof Tensor) {
    if (index.ndim > 1) throw new ShapeError(`${what}: index must be 0-D or 1-D, got shape ${formatShape(index.shape)}`, [index.shape]);
    values = index.data;
  } else values = index;
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let v = values[i]!;
    if (!Number.isInteger(v) || v < -n || v >= n) {
      throw new IndexError(`${what}: index ${v} is out of bounds for dimension with size ${n}`, v, [-n, n - 1]);
    }
    if (v < 0) v += n;
    out[i] = v;
  }
  return out;
}

/** Entries of `dim` at the given indices (`torch.index_select`); the gradient adds back (repeats add up). */
export function indexSelect(x: Tensor, dim: number, index: Tensor | readonly number[]): Tensor {
  const d = normalizeDim(dim, x.ndim);
  const len = x.ndim === 0 ? 1 : x.shape[d]!;
  const idx = indexValues(index, len, 'indexSelect');
  let inner = 1;
  for (let i = d + 1; i < x.ndim; i++) inner *= x.shape[i]!;
  const outer = x.ndim === 0 ? 1 : sizeOf(x.shape.slice(0, d));
  const shape = x.ndim === 0 ? [idx.length] : [...x.shape];
  if (x.ndim > 0) shape[d] = idx.length;
  const out = allocStorage(x.dtype, outer * idx.length * inner);
  const src = x.data;
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < idx.length; j++) {
      const from = (o * len + idx[j]!) * inner;
      out.set(src.subarray(from, from + inner), (o * idx.length + j) * inner);
    }
  }
  const result = new Tensor(out, shape);
  if (needsGrad(x)) {
    record(result, 'IndexSelectBackward0', [x], (g) => {
      const gi = allocStorage(g.dtype, x.size);
      const gd = g.data;
      for (let o = 0; o < outer; o++) {
        for (let j = 0; j < idx.length; j++) {
          const to = (o * len + idx[j]!) * inner;
          const from = (o * idx.length + j) * inner;
          for (let t = 0; t < inner; t++) gi[to + t] = gi[to + t]! + gd[from + t]!;
        }
      }
      return [new Tensor(gi, x.shape)];
    });
  }
  return result;
}

/**
 * `torch.gather`: `out[i][j] = x[i][index[i][j]]` for dim 1 (likewise for any dim); `index` has
 * the tensor's rank and no larger sizes outside `dim`. The gradient scatter-adds back.
 */
export function gather(x: Tensor, dim: number, index: Tensor): Tensor {
  const d = normalizeDim(dim, x.ndim);
  if (index.ndim !== x.ndim) {
    throw new ShapeError(`gather: index ${formatShape(index.shape)} must have the same number of dims as input ${formatShape(x.shape)}`, [x.shape, index.shape]);
  }
  for (let i = 0; i < x.ndim; i++) {
    if (i !== d && index.shape[i]! > x.shape[i]!) {
      throw new ShapeError(`gather: index ${formatShape(index.shape)} is larger than input ${formatShape(x.shape)} outside dim ${d}`, [x.shape, index.shape]);
    }
  }
  const strides = stridesOf(x.shape);
  const len = x.shape[d] ?? 1;
  const n = index.size;
  const positions = new Int32Array(n);
  const idx = new Array<number>(index.ndim).fill(0);
  const id = index.data;
  for (let i = 0; i < n; i++) {
    const v = id[i]!;
    if (!Number.isInteger(v) || v < 0 || v >= len) throw new IndexError(`gather: index ${v} is out of bounds for dimension ${d} with size ${len}`, v, [0, len - 1]);
    let pos = 0;
    for (let k = 0; k < idx.length; k++) pos += (k === d ? v : idx[k]!) * strides[k]!;
    positions[i] = pos;
    for (let k = idx.length - 1; k >= 0; k--) {
      idx[k] = idx[k]! + 1;
      if (idx[k]! < index.shape[k]!) break;
      idx[k] = 0;
    }
  }
  const out = allocStorage(x.dtype, n);
  for (let i = 0; i < n; i++) out[i] = x.data[positions[i]!]!;
  const result = new Tensor(out, index.shape);
  if (needsGrad(x)) {
    record(result, 'GatherBackward0', [x], (g) => {
      const gi = allocStorage(g.dtype, x.size);
      for (let i = 0; i < n; i++) gi[positions[i]!] = gi[positions[i]!]! + g.data[i]!;
      return [new Tensor(gi, x.shape)];
    });
  }
  return result;
}

/** Concatenates along `dim`; all other sizes must match (`torch.cat`). */
export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  const first = tensors[0];
  if (first === undefined) throw new ArgumentError('cat expects a non-empty list of tensors', 'tensors', tensors);
  const d = normalizeDim(dim, first.ndim);
  for (const t of tensors) {
    if (t.ndim === 0) throw new ShapeError('cat: zero-dimensional tensors cannot be concatenated; use stack', [t.shape]);
    if (t.dtype !== first.dtype) throw new DTypeError(`cat: expected all tensors to have dtype ${first.dtype}, got ${t.dtype}`, [first.dtype, t.dtype]);
    if (t.ndim !== first.ndim || t.shape.some((s, i) => i !== d && s !== first.shape[i])) {
      throw new ShapeError(
        `cat: sizes of tensors must match except in dimension ${d}: got ${formatShape(first.shape)} and ${formatShape(t.shape)}`,
        [first.shape, t.shape],
      );
    }
  }
  const outer = sizeOf(first.shape.slice(0, d));
  const inner = sizeOf(first.shape.slice(d + 1));
  const total = tensors.reduce((s, t) => s + t.shape[d]!, 0);
  const shape = [...first.shape];
  shape[d] = total;
  const out = allocStorage(first.dtype, outer * total * inner);
  let offset = 0;
  const offsets: number[] = [];
  for (const t of tensors) {
    const block = t.shape[d]! * inner;
    for (let o = 0; o < outer; o++) out.set(t.data.subarray(o * block, (o + 1) * block), o * total * inner + offset * inner);
    offsets.push(offset);
    offset += t.shape[d]!;
  }
  const result = new Tensor(out, shape);
  if (needsGradList(tensors)) {
    record(result, 'CatBackward0', tensors, (g) => tensors.map((t, i) => (t.requiresGrad ? narrow(g, d, offsets[i]!, t.shape[d]!) : null)));
  }
  return result;
}

/** Stacks equally shaped tensors along a new dim (`torch.stack`). */
export function stack(tensors: readonly Tensor[], dim = 0): Tensor {
  const first = tensors[0];
  if (first === undefined) throw new ArgumentError('stack expects a non-empty list of tensors', 'tensors', tensors);
  for (const t of tensors) {
    if (!sameShape(t.shape, first.shape)) {
      throw new ShapeError(`stack expects each tensor to be equal size, but got ${formatShape(first.shape)} and ${formatShape(t.shape)}`, [first.shape, t.shape]);
    }
  }
  const d = normalizeDim(dim, first.ndim + 1);
  return cat(tensors.map((t) => unsqueeze(t, d)), d);
}

/** A copy with its own storage; the gradient passes through. */
export function clone(x: Tensor): Tensor {
  const out = new Tensor(x.data.slice(), x.shape);
  if (needsGrad(x)) record(out, 'CloneBackward0', [x], (g) => [g]);
  return out;
}

/** Converts to `dtype`; float→int truncates toward zero as PyTorch does; float↔float is differentiable. */
export function toDType(x: Tensor, dtype: DType): Tensor {
  if (x.dtype === dtype) return x;
  const out = allocStorage(dtype, x.size);
  if (dtype === 'int32') {
    const d = x.data;
    for (let i = 0; i < d.length; i++) out[i] = Math.trunc(d[i]!);
  } else out.set(x.data);
  const result = new Tensor(out, x.shape);
  if (isFloatDType(dtype) && needsGrad(x)) record(result, 'ToCopyBackward0', [x], (g) => [toDType(g, x.dtype)]);
  return result;
}
