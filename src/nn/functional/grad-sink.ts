/**
 * Direct gradient accumulation for fused backward kernels. When an op's input is a leaf that
 * requires grad (a parameter), its backward may add its gradient straight into the leaf's
 * `.grad` storage and return null for that input, instead of returning a fresh tensor that the
 * engine then adds (or copies) into `.grad`. The result is PyTorch's AccumulateGrad — `.grad` is
 * created on first use and summed into afterwards — without a temporary buffer per parameter,
 * so after `zeroGrad(false)` a training step allocates no gradient memory for its parameters.
 */
import { type FloatStorage, allocStorage } from '../../tensor/dtype.js';
import { AutogradError, formatShape } from '../../tensor/errors.js';
import { sameShape } from '../../tensor/shape.js';
import { Tensor } from '../../tensor/tensor.js';

/**
 * The storage to add `t`'s gradient into when `t` is a leaf that requires grad: its `.grad`
 * (created zero-filled if absent; an AutogradError if it does not match `t`). Null for non-leaves, whose gradient must go through the
 * engine. Call only from inside a backward function.
 */
export function leafGradSink(t: Tensor): FloatStorage | null {
  if (t.gradFn !== null || !t.requiresGrad) return null;
  let g = t.grad;
  if (g === null) {
    g = new Tensor(allocStorage(t.dtype, t.size), t.shape);
    t.grad = g;
  } else if (g.dtype !== t.dtype || !sameShape(g.shape, t.shape)) {
    throw new AutogradError(
      `the .grad of a tensor of shape ${formatShape(t.shape)} (${t.dtype}) has shape ${formatShape(g.shape)} (${g.dtype}); assign null or a matching tensor`,
    );
  }
  return g.data as FloatStorage;
}
