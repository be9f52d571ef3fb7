/**
 * `gradcheck` (`torch.autograd.gradcheck`): compares the Jacobian autograd computes with central
 * finite differences in float64. Inputs must be float64 tensors that require grad.
 */
import { ArgumentError, DTypeError, DecaylabError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { noGrad } from './grad-mode.js';

/** Tolerances of {@link gradcheck}; PyTorch's defaults. */
export interface GradcheckOptions {
  /** Finite-difference step (1e-6). */
  eps?: number;
  /** Absolute tolerance (1e-5). */
  atol?: number;
  /** Relative tolerance (1e-3). */
  rtol?: number;
  /** Throw a {@link GradcheckError} on mismatch (true) or return false. */
  raiseException?: boolean;
}

/** A Jacobian entry where analytical and numerical gradients disagree. */
export class GradcheckError extends DecaylabError {
  constructor(
    message: string,
    /** Position of the input in `inputs`. */
    readonly input: number,
    /** Flat index of the element of that input. */
    readonly inputIndex: number,
    /** Flat index of the element of the output. */
    readonly outputIndex: number,
    /** ∂output/∂input from backward. */
    readonly analytical: number,
    /** ∂output/∂input from central differences. */
    readonly numerical: number,
    /** Which output of `fn` (0 when it returns one tensor). */
    readonly output = 0,
  ) {
    super(message);
  }
}

function outputsOf(result: Tensor | readonly Tensor[]): Tensor[] {
  return Array.isArray(result) ? [...(result as readonly Tensor[])] : [result as Tensor];
}

/**
 * Checks `fn`'s gradients with respect to every input that requires grad, as
 * `torch.autograd.gradcheck`: every entry of the Jacobian from backward must satisfy
 * |analytical − numerical| ≤ atol + rtol·|numerical|, where numerical = (f(x+eps) − f(x−eps))/2eps.
 * An output that does not require grad has an analytical Jacobian of 0, so an op that forgets to
 * record its graph fails. The inputs' `.grad` are restored afterwards.
 */
export function gradcheck(fn: (...inputs: Tensor[]) => Tensor | readonly Tensor[], inputs: readonly Tensor[], options: GradcheckOptions = {}): boolean {
  const eps = options.eps ?? 1e-6;
  const atol = options.atol ?? 1e-5;
  const rtol = options.rtol ?? 1e-3;
  const targets = inputs.flatMap((x, i) => (x.requiresGrad ? [i] : []));
  if (targets.length === 0) throw new ArgumentError('gradcheck: no input requires grad', 'inputs', inputs.length);
  for (const i of targets) {
    const x = inputs[i]!;
    if (x.dtype !== 'float64') {
      throw new DTypeError(`gradcheck: inputs that require grad must be float64 for accurate finite differences, got ${x.dtype} (input ${i})`, [x.dtype]);
    }
  }
  const savedGrads = inputs.map((x) => x.grad);
  try {
    const numerical = targets.map((i) => numericalJacobian(fn, inputs, inputs[i]!, eps));
    const outs = outputsOf(fn(...inputs));
    for (let oi = 0; oi < outs.length; oi++) {
      const out = outs[oi]!;
      for (let j = 0; j < out.size; j++) {
        for (const i of targets) inputs[i]!.grad = null;
        if (out.requiresGrad) {
          const seed = new Float64Array(out.size);
          seed[j] = 1;
          out.backward(new Tensor(out.dtype === 'float64' ? seed : Float32Array.from(seed), out.shape), { retainGraph: true });
        }
        for (let t = 0; t < targets.length; t++) {
          const xi = targets[t]!;
          const row = inputs[xi]!.grad;
          for (let e = 0; e < inputs[xi]!.size; e++) {
            const a = row === null ? 0 : row.data[e]!;
            const n = numerical[t]![e]![oi]![j]!;
            if (Math.abs(a - n) <= atol + rtol * Math.abs(n)) continue;
            if (options.raiseException === false) return false;
            throw new GradcheckError(
              `gradcheck: Jacobian mismatch for output ${oi} element ${j} with respect to input ${xi} element ${e}: analytical ${a}, numerical ${n}`,
              xi,
              e,
              j,
              a,
              n,
              oi,
            );
          }
        }
      }
    }
    return true;
  } finally {
    inputs.forEach((x, i) => (x.grad = savedGrads[i]!));
  }
}

/** Central differences: entry [e][output][j] is ∂output_j/∂x_e. */
function numericalJacobian(fn: (...inputs: Tensor[]) => Tensor | readonly Tensor[], inputs: readonly Tensor[], x: Tensor, eps: number): Float64Array[][] {
  const evaluate = (): Float64Array[] => noGrad(() => outputsOf(fn(...inputs)).map((o) => Float64Array.from(o.data)));
  const columns: Float64Array[][] = [];
  for (let e = 0; e < x.size; e++) {
    const saved = x.data[e]!;
    x.data[e] = saved + eps;
    const plus = evaluate();
    x.data[e] = saved - eps;
    const minus = evaluate();
    x.data[e] = saved;
    columns.push(plus.map((p, oi) => p.map((v, j) => (v - minus[oi]![j]!) / (2 * eps))));
  }
  return columns;
}
