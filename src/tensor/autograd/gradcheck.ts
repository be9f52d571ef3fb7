/**
 * `gradcheck` (`torch.autograd.gradcheck`): compares the Jacobian autograd computes with central
 * finite differences in float64. Inputs must be float64 tensors that require grad.
 */
import { DTypeError, DecaylabError } from '../errors.js';
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
    readonly input: number,
    readonly inputIndex: number,
    readonly outputIndex: number,
    readonly analytical: number,
    readonly numerical: number,
  ) {
    super(message);
  }
}

function outputsOf(result: Tensor | readonly Tensor[]): Tensor[] {
  return Array.isArray(result) ? [...(result as readonly Tensor[])] : [result as Tensor];
}

/**
 * Checks `fn`'s gradients with respect to every input that requires grad. Returns true when
 * |analytical − numerical| ≤ atol + rtol·|numerical| for every Jacobian entry.
 */
export function gradcheck(fn: (...inputs: Tensor[]) => Tensor | readonly Tensor[], inputs: readonly Tensor[], options: GradcheckOptions = {}): boolean {
  const eps = options.eps ?? 1e-6;
  const atol = options.atol ?? 1e-5;
  const rtol = options.rtol ?? 1e-3;
  for (const x of inputs) {
    if (x.requiresGrad && x.dtype !== 'float64') {
      throw new DTypeError(`gradcheck: inputs that require grad must be float64 for accurate finite differences, got ${x.dtype}`, [x.dtype]);
    }
  }
  const evaluate = (): Float64Array[] => noGrad(() => outputsOf(fn(...inputs)).map((o) => Float64Array.from(o.data)));
  for (let xi = 0; xi < inputs.length; xi++) {
    const x = inputs[xi]!;
    if (!x.requiresGrad) continue;
    // Numerical Jacobian columns: one perturbed input element at a time.
    const numerical: Float64Array[][] = [];
    for (let e = 0; e < x.size; e++) {
      const saved = x.data[e]!;
      x.data[e] = saved + eps;
      const plus = evaluate();
      x.data[e] = saved - eps;
      const minus = evaluate();
      x.data[e] = saved;
      numerical.push(plus.map((p, oi) => p.map((v, j) => (v - minus[oi]![j]!) / (2 * eps))));
    }
    // Analytical Jacobian rows: one backward per output element.
    const outs = outputsOf(fn(...inputs));
    for (let oi = 0; oi < outs.length; oi++) {
      const out = outs[oi]!;
      if (!out.requiresGrad) continue;
      for (let j = 0; j < out.size; j++) {
        const seed = new Float64Array(out.size);
        seed[j] = 1;
        x.grad = null;
        out.backward(new Tensor(out.dtype === 'float64' ? seed : Float32Array.from(seed), out.shape), { retainGraph: true });
        const row = x.grad as Tensor | null;
        for (let e = 0; e < x.size; e++) {
          const a = row === null ? 0 : row.data[e]!;
          const n = numerical[e]![oi]![j]!;
          if (!(Math.abs(a - n) <= atol + rtol * Math.abs(n))) {
            x.grad = null;
            if (options.raiseException === false) return false;
            throw new GradcheckError(
              `gradcheck: Jacobian mismatch for output ${oi} element ${j} with respect to input ${xi} element ${e}: analytical ${a}, numerical ${n}`,
              xi,
              e,
              j,
              a,
              n,
            );
          }
        }
      }
    }
    x.grad = null;
  }
  return true;
}
