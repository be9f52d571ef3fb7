/**
 * The Tensor: a contiguous, row-major typed array with a shape, a dtype and, when it takes part
 * in autograd, a gradient and the graph node that produced it. Tensors are always contiguous:
 * reshape-like ops share storage (views), transpose-like ops copy.
 */
import { runBackward } from './autograd/engine.js';
import { isGradEnabled } from './autograd/grad-mode.js';
import type { GradNode } from './autograd/node.js';
import { type DType, type Storage, allocStorage, dtypeOfStorage, isFloatDType } from './dtype.js';
import { AutogradError, DTypeError, IndexError, ShapeError, formatShape } from './errors.js';
import * as ew from './ops/elementwise.js';
import * as inplace from './ops/inplace.js';
import * as mm from './ops/matmul.js';
import * as nrm from './ops/norm.js';
import * as red from './ops/reduce.js';
import * as so from './ops/shape-ops.js';
import { sizeOf } from './shape.js';

/** A value usable where a tensor operand is expected: a tensor or a plain number. */
export type TensorLike = Tensor | number;

/** Nested number arrays as returned by {@link Tensor.tolist}. */
export type NestedArray = number | NestedArray[];

/** Options of `backward`. */
export interface BackwardOptions {
  /** Keep the graph's saved tensors so that backward can run through it again. */
  retainGraph?: boolean;
}

export class Tensor {
  /** Row-major element storage. Reshape-like views share it. */
  readonly data: Storage;
  /** Size of each dimension; `[]` for a scalar. */
  readonly shape: readonly number[];
  /** Element type. */
  readonly dtype: DType;
  /** Accumulated gradient of a leaf after `backward` (null until the first one). */
  grad: Tensor | null = null;
  /** The op that produced this tensor, if it was recorded for autograd (PyTorch's `grad_fn`). */
  gradFn: GradNode | null = null;
  /** @internal gradient pending during a backward pass. */
  _pendingGrad: Tensor | null = null;
  /** @internal visit stamp of the backward pass's topological sort. */
  _visit = 0;
  /** @internal set by {@link retainGrad}. */
  _retainsGrad = false;
  private _requiresGrad = false;

  /**
   * Wraps storage (not copied) in a tensor of the given shape. Prefer `tensor()`, `zeros()` and
   * friends; this constructor is for code that builds storage itself.
   */
  constructor(data: Storage, shape: readonly number[], options?: { requiresGrad?: boolean }) {
    let size = 1;
    for (let i = 0; i < shape.length; i++) {
      const d = shape[i]!;
      if (!Number.isInteger(d) || d < 0) throw new ShapeError(`shape must hold non-negative integers, got ${formatShape(shape)}`, [shape]);
      size *= d;
    }
    if (data.length !== size) {
      throw new ShapeError(`storage of ${data.length} elements does not fit shape ${formatShape(shape)} (${size} elements)`, [shape]);
    }
    this.data = data;
    // A frozen shape (another tensor's) can be shared; anything else is copied, so callers may reuse their array.
    this.shape = Object.isFrozen(shape) ? shape : Object.freeze(shape.slice());
    this.dtype = dtypeOfStorage(data);
    if (options !== undefined && options.requiresGrad === true) this.requiresGrad = true;
  }

  /** @internal a tensor of `shape` filled with `value`. */
  static _filled(shape: readonly number[], value: number, dtype: DType): Tensor {
    const data = allocStorage(dtype, sizeOf(shape));
    if (value !== 0) data.fill(value);
    return new Tensor(data, shape);
  }

  /** Whether autograd records ops on this tensor. Only leaves (no `gradFn`) may change it. */
  get requiresGrad(): boolean {
    return this._requiresGrad;
  }

  set requiresGrad(value: boolean) {
    if (this.gradFn !== null && !value) {
      throw new AutogradError(
        'you can only change requiresGrad flags of leaf variables; use detach() to get a tensor that does not require grad',
      );
    }
    if (value && !isFloatDType(this.dtype)) {
      throw new DTypeError(`only floating point tensors can require gradients, got dtype ${this.dtype}`, [this.dtype]);
    }
    this._requiresGrad = value;
  }

  /** @internal used by autograd when recording an op. */
  _setRequiresGradInternal(value: boolean): void {
    this._requiresGrad = value;
  }

  /** Sets `requiresGrad` in place and returns this tensor (`requires_grad_()`). */
  requiresGrad_(value = true): this {
    this.requiresGrad = value;
    return this;
  }

  /** True if the tensor was not produced by a recorded op. */
  get isLeaf(): boolean {
    return this.gradFn === null;
  }

  /** Number of dimensions. */
  get ndim(): number {
    return this.shape.length;
  }

  /** Number of elements. */
  get size(): number {
    return this.data.length;
  }

  /** Number of elements (`numel()`). */
  numel(): number {
    return this.data.length;
  }

  /** Size of one dimension (negative dims count from the end). */
  dimSize(dim: number): number {
    return this.shape[so.wrapDim(dim, this.shape.length)]!;
  }

  /** Keeps `.grad` of a non-leaf tensor after backward (`retain_grad()`). */
  retainGrad(): void {
    if (!this.requiresGrad) throw new AutogradError("can't retain_grad on Tensor that has requires_grad=False");
    this._retainsGrad = true;
  }

  /**
   * Computes gradients of this tensor with respect to every leaf that requires grad and
   * accumulates them into their `.grad`. Without `gradient` the tensor must have one element.
   */
  backward(gradient?: Tensor, options: BackwardOptions = {}): void {
    runBackward(this, gradient, options.retainGraph === true);
  }

  /** The single value of a one-element tensor. */
  item(): number {
    if (this.data.length !== 1) {
      throw new ShapeError(`a Tensor with ${this.data.length} elements cannot be converted to a number (shape ${formatShape(this.shape)})`, [this.shape]);
    }
    return this.data[0]!;
  }

  /** The elements as nested arrays (a number for a scalar). */
  tolist(): NestedArray {
    const data = this.data;
    const shape = this.shape;
    if (shape.length === 0) return data[0]!;
    const build = (dim: number, offset: number, stride: number): NestedArray[] => {
      const n = shape[dim]!;
      const inner = stride / n;
      const out: NestedArray[] = new Array(n);
      for (let i = 0; i < n; i++) {
        out[i] = dim === shape.length - 1 ? data[offset + i]! : build(dim + 1, offset + i * inner, inner);
      }
      return out;
    };
    return build(0, 0, data.length);
  }

  /** The elements as a flat array of numbers. */
  toArray(): number[] {
    return Array.from(this.data);
  }

  /** A tensor sharing storage that is cut from the graph and does not require grad. */
  detach(): Tensor {
    return new Tensor(this.data, this.shape);
  }

  /** A copy with its own storage; differentiable (`clone()`). */
  clone(): Tensor {
    return so.clone(this);
  }

  /** A copy converted to `dtype` (this tensor if it already has it); differentiable between float dtypes. */
  to(dtype: DType): Tensor {
    return so.toDType(this, dtype);
  }

  /** `to('float32')`. */
  float(): Tensor {
    return this.to('float32');
  }

  /** `to('float64')`. */
  double(): Tensor {
    return this.to('float64');
  }

  // ---- arithmetic (broadcasting, differentiable) ----
  /** `this + alpha·other`. */
  add(other: TensorLike, alpha = 1): Tensor {
    return ew.add(this, other, alpha);
  }
  /** `this − alpha·other`. */
  sub(other: TensorLike, alpha = 1): Tensor {
    return ew.sub(this, other, alpha);
  }
  /** Elementwise product. */
  mul(other: TensorLike): Tensor {
    return ew.mul(this, other);
  }
  /** Elementwise quotient. */
  div(other: TensorLike): Tensor {
    return ew.div(this, other);
  }
  /** Elementwise power. */
  pow(exponent: TensorLike): Tensor {
    return ew.pow(this, exponent);
  }
  /** Elementwise maximum of two tensors. */
  maximum(other: TensorLike): Tensor {
    return ew.maximum(this, other);
  }
  /** Elementwise minimum of two tensors. */
  minimum(other: TensorLike): Tensor {
    return ew.minimum(this, other);
  }
  /** `−this`. */
  neg(): Tensor {
    return ew.neg(this);
  }
  /** `e^this`. */
  exp(): Tensor {
    return ew.exp(this);
  }
  /** Natural logarithm. */
  log(): Tensor {
    return ew.log(this);
  }
  /** Square root. */
  sqrt(): Tensor {
    return ew.sqrt(this);
  }
  /** Absolute value; its gradient at 0 is 0, as in PyTorch. */
  abs(): Tensor {
    return ew.abs(this);
  }
  /** Clamps into `[min, max]` (either may be omitted with `null`). */
  clamp(min: number | null, max: number | null = null): Tensor {
    return ew.clamp(this, min, max);
  }
  /** −1, 0 or 1 (0 at exactly 0); not differentiable. */
  sign(): Tensor {
    return ew.sign(this);
  }
  /** Elementwise `==` as a 0/1 tensor of this dtype. */
  eq(other: TensorLike): Tensor {
    return ew.compare(this, other, 'eq');
  }
  /** Elementwise `!=` as a 0/1 tensor. */
  ne(other: TensorLike): Tensor {
    return ew.compare(this, other, 'ne');
  }
  /** Elementwise `<` as a 0/1 tensor. */
  lt(other: TensorLike): Tensor {
    return ew.compare(this, other, 'lt');
  }
  /** Elementwise `<=` as a 0/1 tensor. */
  le(other: TensorLike): Tensor {
    return ew.compare(this, other, 'le');
  }
  /** Elementwise `>` as a 0/1 tensor. */
  gt(other: TensorLike): Tensor {
    return ew.compare(this, other, 'gt');
  }
  /** Elementwise `>=` as a 0/1 tensor. */
  ge(other: TensorLike): Tensor {
    return ew.compare(this, other, 'ge');
  }

  // ---- reductions ----
  /** Sum over `dim` (all elements when omitted). */
  sum(dim?: number | readonly number[], keepdim = false): Tensor {
    return red.sum(this, dim, keepdim);
  }
  /** Mean over `dim` (all elements when omitted). */
  mean(dim?: number | readonly number[], keepdim = false): Tensor {
    return red.mean(this, dim, keepdim);
  }
  /** Variance over `dim` with Bessel's correction by default (`correction` = 1), as `torch.var`. */
  var(dim?: number | readonly number[], options: red.VarOptions = {}): Tensor {
    return red.variance(this, dim, options);
  }
  /** Standard deviation over `dim`, as `torch.std`. */
  std(dim?: number | readonly number[], options: red.VarOptions = {}): Tensor {
    return red.std(this, dim, options);
  }
  /**
   * Maximum over `dim` (all elements when omitted). Along a dim the gradient goes to the first maximal
   * element; over all elements it is split evenly among ties (PyTorch's rules).
   */
  max(dim?: number, keepdim = false): Tensor {
    return red.max(this, dim, keepdim);
  }
  /** Minimum over `dim` (all elements when omitted), with the gradient rules of {@link max}. */
  min(dim?: number, keepdim = false): Tensor {
    return red.min(this, dim, keepdim);
  }
  /** Index of the maximum over `dim` (flattened when omitted), as an int32 tensor. */
  argmax(dim?: number, keepdim = false): Tensor {
    return red.argmax(this, dim, keepdim);
  }
  /** Index of the minimum over `dim`, as an int32 tensor. */
  argmin(dim?: number, keepdim = false): Tensor {
    return red.argmin(this, dim, keepdim);
  }
  /** Vector p-norm over `dim` (all elements when omitted), as `torch.linalg.vector_norm`: any real p (2 by default), 0 and ±Infinity. */
  norm(p = 2, dim?: number | readonly number[], keepdim = false): Tensor {
    return nrm.norm(this, p, dim, keepdim);
  }

  // ---- linear algebra ----
  /** Matrix product with PyTorch's `matmul` rules (1-D, 2-D and batched with broadcasting). */
  matmul(other: Tensor): Tensor {
    return mm.matmul(this, other);
  }

  // ---- shape ----
  /** Same data with a new shape (one dim may be −1); shares storage. */
  reshape(...shape: number[] | [readonly number[]]): Tensor {
    return so.reshape(this, so.shapeArgs(shape));
  }
  /** Alias of {@link reshape}: tensors are contiguous, so every reshape is a view. */
  view(...shape: number[] | [readonly number[]]): Tensor {
    return so.reshape(this, so.shapeArgs(shape));
  }
  /** Flattens dims `startDim..endDim` into one. */
  flatten(startDim = 0, endDim = -1): Tensor {
    return so.flatten(this, startDim, endDim);
  }
  /** Removes dims of size 1 (only `dim` when given). */
  squeeze(dim?: number): Tensor {
    return so.squeeze(this, dim);
  }
  /** Inserts a dim of size 1 at `dim`. */
  unsqueeze(dim: number): Tensor {
    return so.unsqueeze(this, dim);
  }
  /** Swaps two dims (a contiguous copy). */
  transpose(dim0: number, dim1: number): Tensor {
    return so.transpose(this, dim0, dim1);
  }
  /** Transpose of a tensor with at most 2 dims (`t()`). */
  t(): Tensor {
    if (this.ndim > 2) throw new ShapeError(`t() expects a tensor with <= 2 dimensions, but self is ${this.ndim}D`, [this.shape]);
    return this.ndim < 2 ? this : so.transpose(this, 0, 1);
  }
  /** Reorders dims (a contiguous copy). */
  permute(...dims: number[] | [readonly number[]]): Tensor {
    return so.permute(this, so.shapeArgs(dims));
  }
  /** Broadcasts to `shape` (−1 keeps a dim); materialized, since tensors are contiguous. */
  expand(...shape: number[] | [readonly number[]]): Tensor {
    return so.expand(this, so.shapeArgs(shape));
  }
  /** `length` entries of `dim` starting at `start` (a copy). */
  narrow(dim: number, start: number, length: number): Tensor {
    return so.narrow(this, dim, start, length);
  }
  /** Python-style slice `[start:end:step]` along `dim` (a copy). */
  slice(dim: number, start?: number, end?: number, step = 1): Tensor {
    return so.slice(this, dim, start, end, step);
  }
  /** Entries of `dim` picked by an index tensor (`index_select`); `indexSelect(0, idx)` takes mini-batch rows. */
  indexSelect(dim: number, index: Tensor | readonly number[]): Tensor {
    return so.indexSelect(this, dim, index);
  }
  /** Values along `dim` at `index` (`torch.gather`). */
  gather(dim: number, index: Tensor): Tensor {
    return so.gather(this, dim, index);
  }

  // ---- in place (for optimizers and initialisation; forbidden on tensors that record grad) ----
  /** Copies `src` (broadcast to this shape) into this tensor. */
  copy_(src: TensorLike): this {
    inplace.copy_(this, src);
    return this;
  }
  /** Fills with `value`. */
  fill_(value: number): this {
    inplace.fill_(this, value);
    return this;
  }
  /** Fills with zeros. */
  zero_(): this {
    inplace.fill_(this, 0);
    return this;
  }
  /** `this += alpha·other`. */
  add_(other: TensorLike, alpha = 1): this {
    inplace.add_(this, other, alpha);
    return this;
  }
  /** `this −= alpha·other`. */
  sub_(other: TensorLike, alpha = 1): this {
    inplace.add_(this, other, -alpha);
    return this;
  }
  /** `this *= other`. */
  mul_(other: TensorLike): this {
    inplace.mul_(this, other);
    return this;
  }
  /** `this /= other`. */
  div_(other: TensorLike): this {
    inplace.div_(this, other);
    return this;
  }
  /** Clamps in place. */
  clamp_(min: number | null, max: number | null = null): this {
    inplace.clamp_(this, min, max);
    return this;
  }

  /** A short description, e.g. `tensor([[1, 2]], shape=[1, 2], requiresGrad=true)`. */
  toString(): string {
    const body = this.size <= 100 ? JSON.stringify(this.tolist()) : `[... ${this.size} elements]`;
    const extras = [`shape=${formatShape(this.shape)}`];
    if (this.dtype !== 'float32') extras.push(`dtype=${this.dtype}`);
    if (this.gradFn !== null) extras.push(`gradFn=${this.gradFn.name}`);
    else if (this.requiresGrad) extras.push('requiresGrad=true');
    return `tensor(${body}, ${extras.join(', ')})`;
  }
}

/** Checks that an index is in `[0, n)`, as a typed IndexError naming it. */
export function checkIndex(index: number, n: number, what: string): void {
  if (!Number.isInteger(index) || index < 0 || index >= n) {
    throw new IndexError(`${what} ${index} is out of bounds for size ${n}`, index, [0, n - 1]);
  }
}
