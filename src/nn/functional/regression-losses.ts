/**
 * Fused pointwise regression losses of d = input − target, PyTorch's formulas: MSE, L1, Huber
 * and SmoothL1, each with reduction mean | sum | none. Both arguments are differentiable
 * (∂target = −∂input), which the article's `MSELoss()(y, model(x))` relies on. Unlike PyTorch,
 * input and target must have the same shape: silently broadcasting [N, 1] against [N] is a
 * classic bug, so it is a ShapeError here.
 */
import { needsGrad, record } from '../../tensor/autograd/node.js';
import type { FloatStorage } from '../../tensor/dtype.js';
import { ArgumentError } from '../../tensor/errors.js';
import { Tensor } from '../../tensor/tensor.js';
import { type Reduction, allocLike, checkNumber, checkReduction, checkSameShape, floatData, sameDType } from './util.js';
import { arenaStorage } from './arena.js';

const MSE = 0;
const L1 = 1;
const HUBER = 2;
const SMOOTH_L1 = 3;

/** Per-element loss of d = x − t, written to `out` when given; returns the sum (in double). */
function valuesLoop(kind: number, x: FloatStorage, t: FloatStorage, out: FloatStorage | null, n: number, p: number): number {
  let sum = 0;
  switch (kind) {
    case MSE:
      for (let i = 0; i < n; i++) {
        const d = x[i]! - t[i]!;
        const v = d * d;
        if (out !== null) out[i] = v;
        sum += v;
      }
      break;
    case L1:
      for (let i = 0; i < n; i++) {
        const v = Math.abs(x[i]! - t[i]!);
        if (out !== null) out[i] = v;
        sum += v;
      }
      break;
    case HUBER:
      for (let i = 0; i < n; i++) {
        const z = Math.abs(x[i]! - t[i]!);
        const v = z < p ? 0.5 * z * z : p * (z - 0.5 * p);
        if (out !== null) out[i] = v;
        sum += v;
      }
      break;
    case SMOOTH_L1:
      for (let i = 0; i < n; i++) {
        const z = Math.abs(x[i]! - t[i]!);
        const v = z < p ? (0.5 * z * z) / p : z - 0.5 * p;
        if (out !== null) out[i] = v;
        sum += v;
      }
      break;
  }
  return sum;
}

/** dx[i] = loss′(d)·g[i·gs]·scale (gs = 0 for a reduced loss's scalar gradient). */
function gradLoop(kind: number, x: FloatStorage, t: FloatStorage, g: FloatStorage, gs: number, scale: number, dx: FloatStorage, n: number, p: number): void {
  switch (kind) {
    case MSE:
      for (let i = 0, j = 0; i < n; i++, j += gs) dx[i] = 2 * (x[i]! - t[i]!) * g[j]! * scale;
      return;
    case L1:
      for (let i = 0, j = 0; i < n; i++, j += gs) {
        const d = x[i]! - t[i]!;
        dx[i] = d > 0 ? g[j]! * scale : d < 0 ? -g[j]! * scale : 0;
      }
      return;
    case HUBER:
      for (let i = 0, j = 0; i < n; i++, j += gs) {
        const d = x[i]! - t[i]!;
        const norm = g[j]! * scale;
        dx[i] = d < -p ? -norm * p : d > p ? norm * p : norm * d;
      }
      return;
    case SMOOTH_L1:
      for (let i = 0, j = 0; i < n; i++, j += gs) {
        const d = x[i]! - t[i]!;
        const norm = g[j]! * scale;
        dx[i] = d < -p ? -norm : d > p ? norm : (norm * d) / p;
      }
      return;
  }
}

function pointwiseLoss(op: string, gradName: string, kind: number, input: Tensor, target: Tensor, reduction: Reduction, p: number): Tensor {
  const xd = floatData(op, input);
  const td = floatData(op, target, 'target');
  sameDType(op, input, target, 'input', 'target');
  checkSameShape(op, input, target, 'input', 'target');
  const red = checkReduction(op, reduction);
  const n = input.size;
  let out: Tensor;
  if (red === 'none') {
    const od = allocLike(input, n);
    valuesLoop(kind, xd, td, od, n, p);
    out = new Tensor(od, input.shape);
  } else {
    const s = valuesLoop(kind, xd, td, null, n, p);
    const od = allocLike(input, 1);
    od[0] = red === 'mean' ? s / n : s;
    out = new Tensor(od, []);
  }
  if (needsGrad(input, target)) {
    record(out, gradName, [input, target], (g) => {
      const dx = arenaStorage(input, n);
      gradLoop(kind, xd, td, g.data as FloatStorage, red === 'none' ? 1 : 0, red === 'mean' ? 1 / n : 1, dx, n, p);
      let dt: FloatStorage | null = null;
      if (target.requiresGrad) {
        if (!input.requiresGrad) dt = dx;
        else dt = arenaStorage(target, n);
        for (let i = 0; i < n; i++) dt[i] = -dx[i]!;
      }
      return [input.requiresGrad ? new Tensor(dx, input.shape) : null, dt === null ? null : new Tensor(dt, target.shape)];
    });
  }
  return out;
}

/** Mean squared error (`F.mse_loss`): (x − t)², reduced; ∂x = 2(x − t)/N for 'mean'. */
export function mseLoss(input: Tensor, target: Tensor, reduction: Reduction = 'mean'): Tensor {
  return pointwiseLoss('mseLoss', 'MseLossBackward0', MSE, input, target, reduction, 0);
}

/** Mean absolute error (`F.l1_loss`): |x − t|; its gradient at x = t is 0. */
export function l1Loss(input: Tensor, target: Tensor, reduction: Reduction = 'mean'): Tensor {
  return pointwiseLoss('l1Loss', 'L1LossBackward0', L1, input, target, reduction, 0);
}

/** Huber loss (`F.huber_loss`): ½d² where |d| < δ, else δ(|d| − ½δ); δ > 0 (default 1). */
export function huberLoss(input: Tensor, target: Tensor, reduction: Reduction = 'mean', delta = 1): Tensor {
  checkNumber('huberLoss', 'delta', delta, 0, false);
  return pointwiseLoss('huberLoss', 'HuberLossBackward0', HUBER, input, target, reduction, delta);
}

/**
 * Smooth L1 loss (`F.smooth_l1_loss`): ½d²/β where |d| < β, else |d| − ½β; β ≥ 0 (default 1);
 * β = 0 is the L1 loss, as in PyTorch.
 */
export function smoothL1Loss(input: Tensor, target: Tensor, reduction: Reduction = 'mean', beta = 1): Tensor {
  checkNumber('smoothL1Loss', 'beta', beta);
  if (beta < 0) throw new ArgumentError(`smoothL1Loss: beta must be >= 0, got ${beta}`, 'beta', beta);
  if (beta === 0) return pointwiseLoss('smoothL1Loss', 'L1LossBackward0', L1, input, target, reduction, 0);
  return pointwiseLoss('smoothL1Loss', 'SmoothL1LossBackward0', SMOOTH_L1, input, target, reduction, beta);
}
