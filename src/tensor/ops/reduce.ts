/**
 * Reductions over dims with `keepdim`, as in PyTorch: sum, mean, var/std (with `correction`),
 * max/min (values), argmax/argmin; p-norms are in norm.ts.
 * A reduction maps every input element to its output slot; its gradient broadcasts back along
 * the same map.
 */
import { needsGrad, record } from '../autograd/node.js';
import { type FloatStorage, allocStorage } from '../dtype.js';
import { ShapeError, formatShape } from '../errors.js';
import { normalizeDims, sameShape, sizeOf } from '../shape.js';
import { Tensor } from '../tensor.js';
import { div, mul, sub } from './elementwise.js';
import { broadcastStorage, requireFloat } from './util.js';

/** @internal A planned reduction: which dims, the output shape with and without the kept 1-dims. */
export interface Plan {
  readonly dims: number[];
  /** Input shape with reduced dims set to 1. */
  readonly kept: number[];
  /** The result's shape (`kept` when keepdim, else reduced dims removed). */
  readonly out: number[];
  /** Elements reduced into each output. */
  readonly count: number;
}

/** @internal Plans a reduction of `shape` over `dim` (every dim when undefined). */
export function plan(shape: readonly number[], dim: number | readonly number[] | undefined, keepdim: boolean): Plan {
  const nd = shape.length;
  const dims =
    dim === undefined ? [...Array(nd).keys()] : normalizeDims(typeof dim === 'number' ? [dim] : dim, nd);
  const kept = shape.map((s, i) => (dims.includes(i) ? 1 : s));
  const out = keepdim ? kept : shape.filter((_, i) => !dims.includes(i));
  let count = 1;
  for (const d of dims) count *= shape[d] ?? 1;
  return { dims, kept, out, count };
}

/** @internal Output slot of every input element of `shape` reduced to `kept`. */
export function slotMap(shape: readonly number[], kept: readonly number[]): Int32Array {
  const size = sizeOf(kept);
  const ids = new Int32Array(size);
  for (let i = 0; i < size; i++) ids[i] = i;
  return broadcastStorage(ids, kept, shape, 'int32') as Int32Array;
}

/** @internal Broadcasts a gradient of the reduced shape back over the input's shape. */
export function expandBack(g: Tensor, p: Plan, shape: readonly number[]): Tensor {
  return new Tensor(broadcastStorage(g.data, p.kept, shape, g.dtype), shape);
}

/** Sum over `dim` (every dim when omitted). */
export function sum(x: Tensor, dim?: number | readonly number[], keepdim = false): Tensor {
  requireFloat('sum', x);
  const p = plan(x.shape, dim, keepdim);
  const d = x.data;
  const n = x.size;
  const out = allocStorage(x.dtype, sizeOf(p.out));
  if (out.length === 1) {
    let s = 0;
    for (let i = 0; i < n; i++) s += d[i]!;
    out[0] = s;
  } else if (p.count === 1) {
    out.set(d);
  } else {
    const acc = new Float64Array(out.length);
    const map = slotMap(x.shape, p.kept);
    for (let i = 0; i < n; i++) acc[map[i]!] = acc[map[i]!]! + d[i]!;
    out.set(acc);
  }
  const result = new Tensor(out, p.out);
  if (needsGrad(x)) record(result, 'SumBackward1', [x], (g) => [expandBack(g, p, x.shape)]);
  return result;
}

/** Mean over `dim` (every dim when omitted). */
export function mean(x: Tensor, dim?: number | readonly number[], keepdim = false): Tensor {
  const p = plan(x.shape, dim, keepdim);
  return div(sum(x, dim, keepdim), p.count);
}

/** Options of var/std. */
export interface VarOptions {
  /** Subtracted from the count in the denominator: 1 (Bessel, default) or 0 (biased). */
  correction?: number;
  /** Keep reduced dims as size 1. */
  keepdim?: boolean;
}

/** Variance `Σ(x − mean)² / (N − correction)` over `dim` (`torch.var`). */
export function variance(x: Tensor, dim?: number | readonly number[], options: VarOptions = {}): Tensor {
  const correction = options.correction ?? 1;
  const keepdim = options.keepdim ?? false;
  const p = plan(x.shape, dim, keepdim);
  const centered = sub(x, mean(x, dim, true));
  return div(sum(mul(centered, centered), dim, keepdim), Math.max(p.count - correction, 0));
}

/**
 * Standard deviation, the square root of {@link variance} (`torch.std`). Its gradient g/(2·std)
 * is taken as 0 where std = 0 (PyTorch's `std_backward` masking), so constant rows get 0, not NaN.
 */
export function std(x: Tensor, dim?: number | readonly number[], options: VarOptions = {}): Tensor {
  const v = variance(x, dim, options);
  const vd = v.data;
  const out = allocStorage(v.dtype, v.size);
  for (let i = 0; i < out.length; i++) out[i] = Math.sqrt(vd[i]!);
  const result = new Tensor(out, v.shape);
  if (needsGrad(v)) {
    record(result, 'StdBackward0', [v], (g) => {
      const gv = allocStorage(g.dtype, v.size);
      for (let i = 0; i < gv.length; i++) gv[i] = out[i] === 0 ? 0 : g.data[i]! / (2 * out[i]!);
      return [new Tensor(gv, v.shape)];
    });
  }
  return result;
}

/** Values and flat input positions of the max/min over one dim or all. */
function extremeIndices(x: Tensor, dim: number | undefined, keepdim: boolean, isMax: boolean): { p: Plan; values: FloatStorage; where: Int32Array } {
  const p = plan(x.shape, dim, keepdim);
  const m = sizeOf(p.out);
  if (p.count === 0 && m > 0) {
    throw new ShapeError(
      `${isMax ? 'max' : 'min'}(): cannot reduce over an empty dimension (shape ${formatShape(x.shape)}, dim ${dim ?? 'all'})`,
      [x.shape],
    );
  }
  const values = allocStorage(x.dtype === 'float64' ? 'float64' : 'float32', m) as FloatStorage;
  const where = new Int32Array(m).fill(-1);
  const d = x.data;
  const map = m === 1 ? null : slotMap(x.shape, p.kept);
  for (let i = 0; i < x.size; i++) {
    const slot = map === null ? 0 : map[i]!;
    const v = d[i]!;
    const w = where[slot]!;
    if (w < 0) {
      where[slot] = i;
      continue;
    }
    const best = d[w]!;
    if (best !== best) continue; // NaN already selected: it propagates
    if (v !== v || (isMax ? v > best : v < best)) where[slot] = i;
  }
  for (let j = 0; j < m; j++) values[j] = d[where[j]!]!;
  return { p, values, where };
}

function extreme(x: Tensor, dim: number | undefined, keepdim: boolean, isMax: boolean): Tensor {
  const { p, values, where } = extremeIndices(x, dim, keepdim, isMax);
  const result = new Tensor(values, p.out);
  if (needsGrad(x)) {
    record(result, isMax ? 'MaxBackward0' : 'MinBackward0', [x], (g) => {
      const gi = allocStorage(g.dtype, x.size);
      const gd = g.data;
      if (dim === undefined) {
        // Full reduction: the gradient is shared evenly among ties, or among the NaNs when the
        // result is NaN (PyTorch's evenly_distribute_backward).
        const v = values[0]!;
        const xd = x.data;
        const hit = (u: number): boolean => (v !== v ? u !== u : u === v);
        let ties = 0;
        for (let i = 0; i < x.size; i++) if (hit(xd[i]!)) ties++;
        for (let i = 0; i < x.size; i++) if (hit(xd[i]!)) gi[i] = gd[0]! / ties;
      } else {
        for (let j = 0; j < where.length; j++) gi[where[j]!] = gd[j]!;
      }
      return [new Tensor(gi, x.shape)];
    });
  }
  return result;
}

/**
 * Maximum over `dim` (all elements when omitted); NaN wins. Along a dim the gradient goes to the
 * first maximal element (`max(dim)`'s index); over all elements it is split evenly among ties.
 */
export function max(x: Tensor, dim?: number, keepdim = false): Tensor {
  requireFloat('max', x);
  return extreme(x, dim, keepdim, true);
}

/** Minimum over `dim` (all elements when omitted), with the gradient rules of {@link max}. */
export function min(x: Tensor, dim?: number, keepdim = false): Tensor {
  requireFloat('min', x);
  return extreme(x, dim, keepdim, false);
}

function argExtreme(x: Tensor, dim: number | undefined, keepdim: boolean, isMax: boolean): Tensor {
  const { p, where } = extremeIndices(x, dim, keepdim, isMax);
  const out = new Int32Array(where.length);
  if (dim === undefined) out[0] = where[0]!;
  else {
    // Convert flat positions to indices along `dim`.
    const dd = p.dims[0] ?? 0;
    let inner = 1;
    for (let i = dd + 1; i < x.shape.length; i++) inner *= x.shape[i]!;
    const len = x.shape[dd] ?? 1;
    for (let j = 0; j < where.length; j++) out[j] = Math.floor(where[j]! / inner) % len;
  }
  return new Tensor(out, dim === undefined && !keepdim ? [] : p.out);
}

/** Index of the maximum along `dim` (of the flattened tensor when omitted), first on ties. */
export function argmax(x: Tensor, dim?: number, keepdim = false): Tensor {
  return argExtreme(x, dim, keepdim, true);
}

/** Index of the minimum along `dim`, first on ties. */
export function argmin(x: Tensor, dim?: number, keepdim = false): Tensor {
  return argExtreme(x, dim, keepdim, false);
}

/**
 * Sums a gradient of a broadcast result back to an operand's `shape` (leading dims and dims
 * where the operand had size 1).
 */
export function sumTo(g: Tensor, shape: readonly number[]): Tensor {
  if (sameShape(g.shape, shape)) return g;
  const lead = g.ndim - shape.length;
  const dims: number[] = [];
  for (let i = 0; i < g.ndim; i++) {
    if (i < lead || (shape[i - lead] === 1 && g.shape[i] !== 1)) dims.push(i);
  }
  const s = sum(g, dims, true);
  return new Tensor(s.data, shape);
}
