/**
 * Reverse-mode differentiation (`Tensor.backward`): a topological order of the graph below
 * the root, then one reverse walk that hands each node the sum of its output's incoming
 * gradients. Leaves accumulate into `.grad` as in PyTorch; the graph is freed afterwards
 * unless `retainGraph` is set, and a second backward through a freed node is an error.
 */
import { copyStorage } from '../dtype.js';
import { AutogradError, ShapeError, formatShape } from '../errors.js';
import { sameShape } from '../shape.js';
import { Tensor } from '../tensor.js';
import { setGradEnabled } from './grad-mode.js';

let epoch = 0;

/** Tensors reachable from `root` through grad-requiring inputs, inputs before users. */
function topologicalOrder(root: Tensor): Tensor[] {
  const stamp = ++epoch;
  const order: Tensor[] = [];
  const stack: Tensor[] = [root];
  const childIndex: number[] = [0];
  root._visit = stamp;
  while (stack.length > 0) {
    const top = stack.length - 1;
    const t = stack[top]!;
    const node = t.gradFn;
    const i = childIndex[top]!;
    if (node !== null && i < node.inputs.length) {
      childIndex[top] = i + 1;
      const input = node.inputs[i]!;
      if (input.requiresGrad && input._visit !== stamp) {
        input._visit = stamp;
        stack.push(input);
        childIndex.push(0);
      }
    } else {
      stack.pop();
      childIndex.pop();
      order.push(t);
    }
  }
  return order;
}

/** Adds `g` to the pending gradient of a non-leaf tensor without mutating shared buffers. */
function addPending(t: Tensor, g: Tensor): void {
  const pending = t._pendingGrad;
  if (pending === null) {
    t._pendingGrad = g;
    return;
  }
  const sum = new Tensor(copyStorage(pending.data), t.shape);
  const s = sum.data;
  const d = g.data;
  for (let i = 0; i < s.length; i++) s[i] = s[i]! + d[i]!;
  t._pendingGrad = sum;
}

/** Accumulates into a leaf's `.grad`: a fresh copy the first time, in place afterwards. */
function accumulateGrad(t: Tensor, g: Tensor): void {
  const existing = t.grad;
  if (existing === null) {
    t.grad = new Tensor(copyStorage(g.data), t.shape);
    return;
  }
  const s = existing.data;
  const d = g.data;
  for (let i = 0; i < s.length; i++) s[i] = s[i]! + d[i]!;
}

/** Runs backward from `root` with the given output gradient (ones for a one-element root). */
export function runBackward(root: Tensor, gradient: Tensor | undefined, retainGraph: boolean): void {
  if (!root.requiresGrad) {
    throw new AutogradError('element 0 of tensors does not require grad and does not have a grad_fn');
  }
  let seed: Tensor;
  if (gradient === undefined) {
    if (root.size !== 1) {
      throw new AutogradError(
        `grad can be implicitly created only for scalar outputs; got a tensor of shape ${formatShape(root.shape)}: ` +
          'pass a gradient of the same shape to backward(gradient)',
      );
    }
    seed = Tensor._filled(root.shape, 1, root.dtype);
  } else {
    if (!sameShape(gradient.shape, root.shape)) {
      throw new ShapeError(
        `backward: gradient has shape ${formatShape(gradient.shape)} but the tensor has shape ${formatShape(root.shape)}`,
        [gradient.shape, root.shape],
      );
    }
    seed = gradient.dtype === root.dtype ? gradient : gradient.to(root.dtype);
  }

  const order = topologicalOrder(root);
  root._pendingGrad = seed;
  const previous = setGradEnabled(false);
  try {
    for (let k = order.length - 1; k >= 0; k--) {
      const t = order[k]!;
      const g = t._pendingGrad;
      t._pendingGrad = null;
      if (g === null) continue;
      const node = t.gradFn;
      if (node === null || t._retainsGrad) accumulateGrad(t, g);
      if (node === null) continue;
      const backward = node.backward;
      if (backward === null) {
        throw new AutogradError(
          `Trying to backward through the graph a second time (node ${node.name}): its saved tensors were freed ` +
            'after the first backward. Pass { retainGraph: true } to the first backward() to keep them.',
        );
      }
      const grads = backward(g);
      if (!retainGraph) node.backward = null;
      const inputs = node.inputs;
      for (let i = 0; i < inputs.length; i++) {
        const input = inputs[i]!;
        const gi = grads[i];
        if (gi === null || gi === undefined || !input.requiresGrad) continue;
        if (gi.size !== input.size) {
          throw new ShapeError(
            `internal: ${node.name} produced a gradient of shape ${formatShape(gi.shape)} for an input of shape ${formatShape(input.shape)}`,
            [gi.shape, input.shape],
          );
        }
        addPending(input, gi);
      }
    }
  } finally {
    setGradEnabled(previous);
    for (const t of order) t._pendingGrad = null;
  }
}
