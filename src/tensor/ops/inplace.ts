/**
 * In-place updates for optimizers and initialisation. As in PyTorch, a tensor that requires grad
 * may only be updated in place while gradient recording is off (`noGrad`), since the graph
 * would not see the change; updated tensors keep their storage, so views see the change.
 */
import { isGradEnabled } from '../autograd/grad-mode.js';
import { AutogradError, ShapeError, formatShape } from '../errors.js';
import { Tensor, type TensorLike } from '../tensor.js';
import { arithmeticDType, asTensor, storageAs } from './util.js';
import { broadcastShapes, sameShape } from '../shape.js';

function checkWritable(t: Tensor, op: string): void {
  if (t.requiresGrad && isGradEnabled()) {
    throw new AutogradError(
      `${op}: a tensor that requires grad is being used in an in-place operation; run it inside noGrad(() => ...)`,
    );
  }
}

function operand(t: Tensor, other: TensorLike, op: string): Tensor {
  const o = asTensor(other, t.dtype);
  if (!sameShape(broadcastShapes(t.shape, o.shape), t.shape)) {
    throw new ShapeError(`${op}: shape ${formatShape(o.shape)} cannot be broadcast to the destination shape ${formatShape(t.shape)}`, [t.shape, o.shape]);
  }
  return o;
}

/** Copies `src`, broadcast to `t`'s shape and converted to its dtype, into `t`. */
export function copy_(t: Tensor, src: TensorLike): void {
  checkWritable(t, 'copy_');
  const o = operand(t, src, 'copy_');
  if (o.size === 1) t.data.fill(o.data[0]!);
  else t.data.set(storageAs(o, t.shape));
}

/** Fills `t` with a value. */
export function fill_(t: Tensor, value: number): void {
  checkWritable(t, 'fill_');
  t.data.fill(value);
}

/** `t += alpha·other`. */
export function add_(t: Tensor, other: TensorLike, alpha: number): void {
  checkWritable(t, 'add_');
  const o = operand(t, other, 'add_');
  arithmeticDType('add_', t, o);
  const d = t.data;
  if (o.size === 1) {
    const v = alpha * o.data[0]!;
    for (let i = 0; i < d.length; i++) d[i] = d[i]! + v;
    return;
  }
  const s = storageAs(o, t.shape);
  for (let i = 0; i < d.length; i++) d[i] = d[i]! + alpha * s[i]!;
}

/** `t *= other`. */
export function mul_(t: Tensor, other: TensorLike): void {
  checkWritable(t, 'mul_');
  const o = operand(t, other, 'mul_');
  arithmeticDType('mul_', t, o);
  const d = t.data;
  if (o.size === 1) {
    const v = o.data[0]!;
    for (let i = 0; i < d.length; i++) d[i] = d[i]! * v;
    return;
  }
  const s = storageAs(o, t.shape);
  for (let i = 0; i < d.length; i++) d[i] = d[i]! * s[i]!;
}

/** `t /= other`. */
export function div_(t: Tensor, other: TensorLike): void {
  checkWritable(t, 'div_');
  const o = operand(t, other, 'div_');
  arithmeticDType('div_', t, o);
  const d = t.data;
  if (o.size === 1) {
    const v = o.data[0]!;
    for (let i = 0; i < d.length; i++) d[i] = d[i]! / v;
    return;
  }
  const s = storageAs(o, t.shape);
  for (let i = 0; i < d.length; i++) d[i] = d[i]! / s[i]!;
}

/** Clamps `t` into `[min, max]` in place. */
export function clamp_(t: Tensor, min: number | null, max: number | null): void {
  checkWritable(t, 'clamp_');
  const lo = min ?? -Infinity;
  const hi = max ?? Infinity;
  const d = t.data;
  for (let i = 0; i < d.length; i++) {
    const v = d[i]!;
    d[i] = v < lo ? lo : v > hi ? hi : v;
  }
}
