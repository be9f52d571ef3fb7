/**
 * Creating tensors: from data (`tensor`), constant fills, ranges and identity matrices, each with
 * a `*Like` variant. Random creation lives in `random/`.
 */
import { type DType, type Storage, allocStorage } from './dtype.js';
import { ArgumentError, ShapeError } from './errors.js';
import { checkShape, sizeOf } from './shape.js';
import { type NestedArray, Tensor } from './tensor.js';

/** Options accepted by every creation function. */
export interface CreationOptions {
  /** Element type; float32 unless given. */
  dtype?: DType;
  /** Make the result a leaf that requires grad. */
  requiresGrad?: boolean;
}

/** Options of {@link tensor}. */
export interface TensorOptions extends CreationOptions {
  /** Shape for flat data (defaults to the data's nesting, or `[length]` for a typed array). */
  shape?: readonly number[];
}

/** Data accepted by {@link tensor}. */
export type TensorData = NestedArray | readonly NestedArray[] | Float32Array | Float64Array | Int32Array | readonly number[];

function nestedShape(data: NestedArray | readonly NestedArray[]): number[] {
  const shape: number[] = [];
  let cur: unknown = data;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    cur = cur[0];
  }
  return shape;
}

function flattenInto(data: unknown, shape: readonly number[], dim: number, out: Storage, pos: { i: number }): void {
  if (dim === shape.length) {
    if (typeof data !== 'number') {
      throw new ShapeError(`tensor(): expected a number at depth ${dim}, got ${Array.isArray(data) ? 'an array' : typeof data}`, [shape]);
    }
    out[pos.i++] = data;
    return;
  }
  if (!Array.isArray(data) || data.length !== shape[dim]) {
    throw new ShapeError(
      `tensor(): ragged nested array: expected length ${shape[dim]} at depth ${dim}, got ${Array.isArray(data) ? data.length : typeof data}`,
      [shape],
    );
  }
  for (const item of data) flattenInto(item, shape, dim + 1, out, pos);
}

/**
 * A tensor holding a copy of `data` (`torch.tensor`): nested arrays give their nesting as shape;
 * a typed array is flat (give `shape` to reshape it) and keeps its dtype unless `dtype` is given.
 * Plain numbers become float32.
 */
export function tensor(data: TensorData, options: TensorOptions = {}): Tensor {
  let storage: Storage;
  let shape: number[];
  if (ArrayBuffer.isView(data)) {
    const typed = data as Float32Array | Float64Array | Int32Array;
    const dtype = options.dtype ?? (typed instanceof Float64Array ? 'float64' : typed instanceof Int32Array ? 'int32' : 'float32');
    storage = allocStorage(dtype, typed.length);
    storage.set(typed);
    shape = options.shape !== undefined ? checkShape(options.shape) : [typed.length];
  } else {
    const inferred = typeof data === 'number' ? [] : nestedShape(data);
    storage = allocStorage(options.dtype ?? 'float32', sizeOf(inferred));
    flattenInto(data, inferred, 0, storage, { i: 0 });
    shape = options.shape !== undefined ? checkShape(options.shape) : inferred;
  }
  if (sizeOf(shape) !== storage.length) {
    throw new ShapeError(`tensor(): ${storage.length} values do not fill shape [${shape.join(', ')}]`, [shape]);
  }
  return new Tensor(storage, shape, { requiresGrad: options.requiresGrad === true });
}

/** A tensor of `shape` filled with `value` (`torch.full`). */
export function full(shape: readonly number[], value: number, options: CreationOptions = {}): Tensor {
  const data = allocStorage(options.dtype ?? 'float32', sizeOf(checkShape(shape)));
  if (value !== 0) data.fill(value);
  return new Tensor(data, shape, { requiresGrad: options.requiresGrad === true });
}

/** Zeros of `shape`. */
export function zeros(shape: readonly number[], options: CreationOptions = {}): Tensor {
  return full(shape, 0, options);
}

/** Ones of `shape`. */
export function ones(shape: readonly number[], options: CreationOptions = {}): Tensor {
  return full(shape, 1, options);
}

function likeOptions(t: Tensor, options: CreationOptions): CreationOptions {
  return { dtype: options.dtype ?? t.dtype, requiresGrad: options.requiresGrad === true };
}

/** `full` with another tensor's shape and dtype. */
export function fullLike(t: Tensor, value: number, options: CreationOptions = {}): Tensor {
  return full(t.shape, value, likeOptions(t, options));
}

/** Zeros with another tensor's shape and dtype. */
export function zerosLike(t: Tensor, options: CreationOptions = {}): Tensor {
  return full(t.shape, 0, likeOptions(t, options));
}

/** Ones with another tensor's shape and dtype. */
export function onesLike(t: Tensor, options: CreationOptions = {}): Tensor {
  return full(t.shape, 1, likeOptions(t, options));
}

/**
 * `[start, end)` in steps of `step` (`torch.arange`); with one argument, `[0, start)`. The length
 * is ⌈(end − start)/step⌉ and element i is start + i·step computed in double precision.
 */
export function arange(start: number, end?: number, step = 1, options: CreationOptions = {}): Tensor {
  const lo = end === undefined ? 0 : start;
  const hi = end === undefined ? start : end;
  if (step === 0 || !Number.isFinite(step)) throw new ArgumentError(`arange: step must be nonzero and finite, got ${step}`, 'step', step);
  if ((hi - lo) / step < 0) {
    throw new ArgumentError(`arange: upper bound and larger bound inconsistent with step sign (start ${lo}, end ${hi}, step ${step})`, 'step', step);
  }
  const n = Math.ceil((hi - lo) / step);
  const data = allocStorage(options.dtype ?? 'float32', n);
  for (let i = 0; i < n; i++) data[i] = lo + i * step;
  return new Tensor(data, [n], { requiresGrad: options.requiresGrad === true });
}

/**
 * `steps` evenly spaced values from `start` to `end` inclusive (`torch.linspace`), computed as
 * PyTorch's CPU kernel does: the first half counts up from start, the second half down from end.
 */
export function linspace(start: number, end: number, steps: number, options: CreationOptions = {}): Tensor {
  if (!Number.isInteger(steps) || steps < 0) throw new ArgumentError(`linspace: steps must be a non-negative integer, got ${steps}`, 'steps', steps);
  const dtype = options.dtype ?? 'float32';
  const data = allocStorage(dtype, steps);
  const r = dtype === 'float32' ? Math.fround : (x: number) => x;
  if (steps === 1) data[0] = start;
  else if (steps > 1) {
    const s0 = r(start);
    const e0 = r(end);
    const step = r((e0 - s0) / (steps - 1));
    const half = Math.floor(steps / 2);
    for (let i = 0; i < steps; i++) data[i] = i < half ? r(s0 + r(step * i)) : r(e0 - r(step * (steps - i - 1)));
  }
  return new Tensor(data, [steps], { requiresGrad: options.requiresGrad === true });
}

/** The n×m identity matrix (m = n by default) (`torch.eye`). */
export function eye(n: number, m = n, options: CreationOptions = {}): Tensor {
  checkShape([n, m]);
  const data = allocStorage(options.dtype ?? 'float32', n * m);
  for (let i = 0; i < Math.min(n, m); i++) data[i * m + i] = 1;
  return new Tensor(data, [n, m], { requiresGrad: options.requiresGrad === true });
}
