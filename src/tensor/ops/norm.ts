/**
 * Vector p-norms over dims with keepdim (`torch.linalg.vector_norm`, which `Tensor.norm` follows),
 * for every p: 0 (number of nonzeros), 1, 2, ±Infinity and any other real p, with PyTorch 1.13's
 * `norm_backward`, including its choices where the norm is not differentiable.
 */
import { needsGrad, record } from '../autograd/node.js';
import { allocStorage } from '../dtype.js';
import { ArgumentError, ShapeError, formatShape } from '../errors.js';
import { sizeOf } from '../shape.js';
import { Tensor } from '../tensor.js';
import { plan, slotMap } from './reduce.js';
import { requireFloat } from './util.js';

/** −1, 0 or 1 (0 for 0 and NaN), as `torch.sgn` on real numbers. */
function sgn(v: number): number {
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

/** Per-slot norms of `d` (float64), with NaN propagating through the ±∞-norms. */
function norms(d: ArrayLike<number>, map: Int32Array | null, m: number, p: number): Float64Array {
  const acc = new Float64Array(m);
  if (p === Infinity || p === -Infinity) acc.fill(p === Infinity ? -Infinity : Infinity);
  for (let i = 0; i < d.length; i++) {
    const s = map === null ? 0 : map[i]!;
    const a = Math.abs(d[i]!);
    const cur = acc[s]!;
    if (p === 2) acc[s] = cur + a * a;
    else if (p === 1) acc[s] = cur + a;
    else if (p === 0) acc[s] = cur + (a !== 0 ? 1 : 0);
    else if (p === Infinity) {
      if (cur === cur && (a !== a || a > cur)) acc[s] = a;
    } else if (p === -Infinity) {
      if (cur === cur && (a !== a || a < cur)) acc[s] = a;
    } else acc[s] = cur + Math.pow(a, p);
  }
  if (p === 2) for (let j = 0; j < m; j++) acc[j] = Math.sqrt(acc[j]!);
  else if (p !== 0 && p !== 1 && Number.isFinite(p)) for (let j = 0; j < m; j++) acc[j] = Math.pow(acc[j]!, 1 / p);
  return acc;
}

/**
 * Vector p-norm over `dim` (every element when omitted): (Σ|x|^p)^(1/p); p = 0 counts nonzeros,
 * p = ±Infinity is max/min |x|. Gradient (PyTorch 1.13): p = 0 → 0; p = 1 → sgn(x)·g;
 * p = 2 → x·g/‖x‖; p = ±∞ → sgn(x)·g split evenly among the elements with |x| = ‖x‖;
 * p < 1 → sgn(x)|x|^(p−1)·g·‖x‖^(1−p), 0 where x = 0; other p → x|x|^(p−2)·g/‖x‖^(p−1).
 * Where the norm is 0 the gradient is 0 (for p ≥ 1).
 */
export function norm(x: Tensor, p = 2, dim?: number | readonly number[], keepdim = false): Tensor {
  requireFloat('norm', x);
  if (Number.isNaN(p)) throw new ArgumentError('norm: p must be a number or ±Infinity, got NaN', 'p', p);
  const pl = plan(x.shape, dim, keepdim);
  const m = sizeOf(pl.out);
  if (!Number.isFinite(p) && pl.count === 0 && m > 0) {
    throw new ShapeError(`norm(p=${p}): cannot reduce over an empty dimension of shape ${formatShape(x.shape)}`, [x.shape]);
  }
  const map = m === 1 ? null : slotMap(x.shape, pl.kept);
  const values = norms(x.data, map, m, p);
  const out = allocStorage(x.dtype, m);
  out.set(values);
  const result = new Tensor(out, pl.out);
  if (needsGrad(x)) record(result, 'LinalgVectorNormBackward0', [x], (g) => [normBackward(x, g, values, map, p)]);
  return result;
}

function normBackward(x: Tensor, g: Tensor, nrm: Float64Array, map: Int32Array | null, p: number): Tensor {
  const d = x.data;
  const gd = g.data;
  const gi = allocStorage(g.dtype, x.size);
  const slot = (i: number): number => (map === null ? 0 : map[i]!);
  if (p === 0) return new Tensor(gi, x.shape);
  if (!Number.isFinite(p)) {
    // Elements attaining the norm (or NaN) share each slot's gradient evenly.
    const count = new Float64Array(nrm.length);
    const hit = (i: number): boolean => {
      const a = Math.abs(d[i]!);
      return a === nrm[slot(i)] || a !== a;
    };
    for (let i = 0; i < d.length; i++) if (hit(i)) count[slot(i)] = count[slot(i)]! + 1;
    for (let i = 0; i < d.length; i++) if (hit(i)) gi[i] = (sgn(d[i]!) * gd[slot(i)]!) / count[slot(i)]!;
    return new Tensor(gi, x.shape);
  }
  for (let i = 0; i < d.length; i++) {
    const s = slot(i);
    const v = d[i]!;
    const n = nrm[s]!;
    const gs = gd[s]!;
    if (p === 1) gi[i] = sgn(v) * gs;
    else if (p < 1) gi[i] = v === 0 ? 0 : sgn(v) * Math.pow(Math.abs(v), p - 1) * gs * Math.pow(n, 1 - p);
    else if (n === 0) gi[i] = 0;
    else if (p === 2) gi[i] = (v * gs) / n;
    else if (p < 2) gi[i] = (sgn(v) * Math.pow(Math.abs(v), p - 1) * gs) / Math.pow(n, p - 1);
    else gi[i] = (v * Math.pow(Math.abs(v), p - 2) * gs) / Math.pow(n, p - 1);
  }
  return new Tensor(gi, x.shape);
}
