/** Shape arithmetic shared by every op: sizes, strides, broadcasting, dimension wrapping. */
import { IndexError, ShapeError, formatShape } from './errors.js';

/** Number of elements of a shape (1 for a scalar shape `[]`). */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major (C-contiguous) strides of a shape. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i]!;
  }
  return strides;
}

/** True if two shapes are equal element by element. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Wraps a possibly negative dimension into `[0, ndim)` as PyTorch does (`-1` is the last).
 * A scalar accepts dims -1 and 0, as in PyTorch.
 */
export function normalizeDim(dim: number, ndim: number): number {
  const n = Math.max(ndim, 1);
  if (!Number.isInteger(dim) || dim < -n || dim >= n) {
    throw new IndexError(
      `Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${dim})`,
      dim,
      [-n, n - 1],
    );
  }
  return dim < 0 ? dim + n : dim;
}

/** Normalizes a list of dims, sorted ascending, rejecting duplicates. */
export function normalizeDims(dims: readonly number[], ndim: number): number[] {
  const out = dims.map((d) => normalizeDim(d, ndim));
  out.sort((x, y) => x - y);
  for (let i = 1; i < out.length; i++) {
    if (out[i] === out[i - 1]) {
      throw new IndexError(`dim ${out[i]} appears multiple times in the list of dims`, out[i]!, [0, ndim - 1]);
    }
  }
  return out;
}

/** Broadcast shape of two shapes under NumPy/PyTorch rules; ShapeError names both shapes. */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da === db || db === 1) out[i] = da;
    else if (da === 1) out[i] = db;
    else {
      throw new ShapeError(
        `The size of tensor a (${da}) must match the size of tensor b (${db}) at non-singleton dimension ${i}: ` +
          `shapes ${formatShape(a)} and ${formatShape(b)} cannot be broadcast`,
        [a, b],
      );
    }
  }
  return out;
}

/** Validates a user-given shape: non-negative integers. */
export function checkShape(shape: readonly number[], what = 'shape'): number[] {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new ShapeError(`${what} must hold non-negative integers, got ${formatShape(shape)}`, [shape]);
    }
  }
  return [...shape];
}

/**
 * Resolves a reshape target with at most one `-1` against a size, as `Tensor.reshape` does.
 */
export function inferShape(shape: readonly number[], size: number, from: readonly number[]): number[] {
  let infer = -1;
  let known = 1;
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i]!;
    if (d === -1) {
      if (infer >= 0) throw new ShapeError(`only one dimension can be inferred in ${formatShape(shape)}`, [shape]);
      infer = i;
    } else if (!Number.isInteger(d) || d < 0) {
      throw new ShapeError(`invalid shape dimension ${d} in ${formatShape(shape)}`, [shape]);
    } else known *= d;
  }
  const out = [...shape];
  if (infer >= 0) {
    if (known === 0 || size % known !== 0) {
      throw new ShapeError(`shape ${formatShape(shape)} is invalid for input of size ${size} (shape ${formatShape(from)})`, [from, shape]);
    }
    out[infer] = size / known;
  } else if (known !== size) {
    throw new ShapeError(`shape ${formatShape(shape)} is invalid for input of size ${size} (shape ${formatShape(from)})`, [from, shape]);
  }
  return out;
}
