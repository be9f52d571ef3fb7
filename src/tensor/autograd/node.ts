/**
 * The autograd graph. Every differentiable op that runs with gradient mode on and an input
 * that requires grad gives its output a {@link GradNode}: the inputs it read and a backward
 * function mapping the output's gradient to one gradient per input (micrograd's idea, with
 * PyTorch's rules: gradients accumulate, graphs are freed after backward).
 */
import type { Tensor } from '../tensor.js';
import { isGradEnabled } from './grad-mode.js';

/** Maps the gradient of an op's output to the gradients of its inputs (null where not needed). */
export type BackwardFn = (grad: Tensor) => readonly (Tensor | null)[];

/** One recorded op: PyTorch's `grad_fn`. */
export interface GradNode {
  /** PyTorch-style name, e.g. `AddBackward0`, `LinearBackward`. */
  readonly name: string;
  /** The tensors the op read; gradients flow to those that require grad. */
  readonly inputs: readonly Tensor[];
  /** The backward function, or null once the graph has been freed by a backward pass. */
  backward: BackwardFn | null;
}

/** True if an op over these inputs must record a graph node. */
export function needsGrad(a: Tensor, b?: Tensor, c?: Tensor): boolean {
  if (!isGradEnabled()) return false;
  return a.requiresGrad || (b !== undefined && b.requiresGrad) || (c !== undefined && c.requiresGrad);
}

/** True if an op over this list of inputs must record a graph node. */
export function needsGradList(inputs: readonly Tensor[]): boolean {
  if (!isGradEnabled()) return false;
  for (const t of inputs) if (t.requiresGrad) return true;
  return false;
}

/**
 * Makes `out` the result of a recorded op: sets its `gradFn` and `requiresGrad`. Callers check
 * {@link needsGrad} first so that no closure is allocated when no graph is recorded.
 */
export function record(out: Tensor, name: string, inputs: readonly Tensor[], backward: BackwardFn): Tensor {
  out.gradFn = { name, inputs, backward };
  out._setRequiresGradInternal(true);
  return out;
}
