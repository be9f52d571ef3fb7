/**
 * Binary cross-entropy on logits (`F.binary_cross_entropy_with_logits`) in PyTorch's stable
 * form, with optional element `weight` and `posWeight` (both broadcast to the input's shape).
 */
import { needsGrad, record } from '../../tensor/autograd/node.js';
import type { FloatStorage } from '../../tensor/dtype.js';
import { ShapeError, formatShape } from '../../tensor/errors.js';
import { broadcastStorage } from '../../tensor/ops/util.js';
import { broadcastShapes, sameShape } from '../../tensor/shape.js';
import { Tensor } from '../../tensor/tensor.js';
import { type Reduction, allocLike, checkReduction, checkSameShape, floatData, sameDType } from './util.js';
import { arenaStorage } from './arena.js';

/** Options of {@link binaryCrossEntropyWithLogits} (PyTorch's keyword arguments). */
export interface BceWithLogitsOptions {
  /** Rescales each element's loss; broadcast to the input's shape. */
  weight?: Tensor | null;
  /** Weight of positive examples (pw), e.g. one per class; broadcast to the input's shape. */
  posWeight?: Tensor | null;
  /** 'mean' (default), 'sum' or 'none'. */
  reduction?: Reduction;
}

/** `t`'s data broadcast to `shape`, or a ShapeError naming both shapes. */
function broadcastTo(op: string, name: string, input: Tensor, t: Tensor | null): FloatStorage | null {
  if (t === null) return null;
  floatData(op, t, name);
  sameDType(op, input, t, 'input', name);
  let ok = true;
  try {
    ok = sameShape(broadcastShapes(t.shape, input.shape), input.shape);
  } catch {
    ok = false;
  }
  if (!ok) {
    throw new ShapeError(`${op}: ${name} of shape ${formatShape(t.shape)} cannot be broadcast to the input shape ${formatShape(input.shape)}`, [t.shape, input.shape]);
  }
  return broadcastStorage(t.data, t.shape, input.shape, input.dtype) as FloatStorage;
}

/** log(1 + e^(−x)) without overflow: max(−x, 0) + log(e^(−max) + e^(−x−max)). */
function softplusNeg(x: number): number {
  const m = x < 0 ? -x : 0;
  return m + Math.log(Math.exp(-m) + Math.exp(-x - m));
}

/**
 * ℓ = w·[(1 − y)·x + (1 + (pw − 1)·y)·log(1 + e^(−x))] (log term in PyTorch's max-shifted
 * form). ∂x = w·[(pw·y + 1 − y)·σ(x) − pw·y]; ∂y = w·[(pw − 1)·log(1 + e^(−x)) − x].
 */
export function binaryCrossEntropyWithLogits(input: Tensor, target: Tensor, options: BceWithLogitsOptions = {}): Tensor {
  const op = 'binaryCrossEntropyWithLogits';
  const xd = floatData(op, input);
  const yd = floatData(op, target, 'target');
  sameDType(op, input, target, 'input', 'target');
  checkSameShape(op, input, target, 'input', 'target');
  const reduction = checkReduction(op, options.reduction ?? 'mean');
  const wd = broadcastTo(op, 'weight', input, options.weight ?? null);
  const pd = broadcastTo(op, 'posWeight', input, options.posWeight ?? null);
  const n = input.size;
  const values = reduction === 'none' ? allocLike(input, n) : null;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = xd[i]!;
    const y = yd[i]!;
    const logWeight = pd === null ? 1 : (pd[i]! - 1) * y + 1;
    const l = (1 - y) * x + logWeight * softplusNeg(x);
    const v = wd === null ? l : l * wd[i]!;
    if (values !== null) values[i] = v;
    sum += v;
  }
  let out: Tensor;
  if (values !== null) out = new Tensor(values, input.shape);
  else {
    const d = allocLike(input, 1);
    d[0] = reduction === 'mean' ? sum / n : sum;
    out = new Tensor(d, []);
  }
  if (needsGrad(input, target)) {
    const scale = reduction === 'mean' ? 1 / n : 1;
    const gs = reduction === 'none' ? 1 : 0;
    record(out, 'BinaryCrossEntropyWithLogitsBackward0', [input, target], (g) => {
      const gd = g.data as FloatStorage;
      const dx = input.requiresGrad ? arenaStorage(input, n) : null;
      const dy = target.requiresGrad ? arenaStorage(target, n) : null;
      for (let i = 0, j = 0; i < n; i++, j += gs) {
        const x = xd[i]!;
        const y = yd[i]!;
        const norm = gd[j]! * scale * (wd === null ? 1 : wd[i]!);
        const pw = pd === null ? 1 : pd[i]!;
        if (dx !== null) dx[i] = ((pw * y + 1 - y) / (1 + Math.exp(-x)) - pw * y) * norm;
        if (dy !== null) dy[i] = ((pw - 1) * softplusNeg(x) - x) * norm;
      }
      return [dx === null ? null : new Tensor(dx, input.shape), dy === null ? null : new Tensor(dy, target.shape)];
    });
  }
  return out;
}
