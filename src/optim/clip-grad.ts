/**
 * Gradient clipping, as PyTorch 1.13's `torch.nn.utils.clip_grad_norm_` and `clip_grad_value_`. Both
 * rewrite `.grad` in place and skip parameters whose grad is null.
 */
import type { FloatStorage } from '../tensor/dtype.js';
import { Tensor } from '../tensor/tensor.js';
import { NonFiniteNormError, OptionRangeError } from './errors.js';

function gradsOf(parameters: Tensor | Iterable<Tensor>): FloatStorage[] {
  const list = parameters instanceof Tensor ? [parameters] : parameters;
  const grads: FloatStorage[] = [];
  for (const p of list) {
    const data = p.grad?.data;
    if (data !== undefined && !(data instanceof Int32Array)) grads.push(data);
  }
  return grads;
}

/** Rounds like a tensor holding `data` would (float32 tensors round, float64 ones do not). */
function roundLike(data: FloatStorage, x: number): number {
  return data instanceof Float32Array ? Math.fround(x) : x;
}

function vectorNorm(values: ArrayLike<number>, p: number): number {
  let acc = 0;
  if (p === Infinity) {
    for (let i = 0; i < values.length; i++) {
      const a = Math.abs(values[i]!);
      if (a > acc || Number.isNaN(a)) acc = a;
    }
    return acc;
  }
  for (let i = 0; i < values.length; i++) acc += p === 2 ? values[i]! * values[i]! : Math.abs(values[i]!) ** p;
  return p === 2 ? Math.sqrt(acc) : p === 1 ? acc : acc ** (1 / p);
}

/**
 * Scales all gradients together so that their total `normType`-norm (the norm of the per-parameter
 * norms) is at most `maxNorm`: g ← g·min(1, maxNorm / (total + 1e-6)). Returns the total norm before
 * clipping. `normType` is a positive number or Infinity (max |g|). With `errorIfNonfinite` a NaN or
 * infinite total throws {@link NonFiniteNormError} and leaves the gradients unchanged.
 */
export function clipGradNorm_(parameters: Tensor | Iterable<Tensor>, maxNorm: number, normType = 2, errorIfNonfinite = false): number {
  if (typeof maxNorm !== 'number' || !(maxNorm >= 0)) throw new OptionRangeError(`clipGradNorm_: maxNorm = ${maxNorm} must be a number >= 0`, 'maxNorm', maxNorm);
  if (typeof normType !== 'number' || !(normType > 0)) {
    throw new OptionRangeError(`clipGradNorm_: normType = ${normType} must be a positive number or Infinity`, 'normType', normType);
  }
  const grads = gradsOf(parameters);
  if (grads.length === 0) return 0;
  const norms = grads.map((g) => roundLike(g, vectorNorm(g, normType)));
  const total = roundLike(grads[0]!, vectorNorm(norms, normType));
  if (errorIfNonfinite && !Number.isFinite(total)) {
    throw new NonFiniteNormError(
      `clipGradNorm_: the total norm of order ${normType} of the gradients is ${total}, so they cannot be clipped; pass errorIfNonfinite = false to scale them by it anyway`,
      normType,
      total,
    );
  }
  const coef = Math.min(roundLike(grads[0]!, maxNorm / roundLike(grads[0]!, total + 1e-6)), 1);
  for (const g of grads) {
    const c = roundLike(g, coef);
    for (let i = 0; i < g.length; i++) g[i] = g[i]! * c;
  }
  return total;
}

/** Clamps every gradient element into [−clipValue, clipValue] (NaN stays NaN). */
export function clipGradValue_(parameters: Tensor | Iterable<Tensor>, clipValue: number): void {
  if (typeof clipValue !== 'number' || !(clipValue >= 0)) {
    throw new OptionRangeError(`clipGradValue_: clipValue = ${clipValue} must be a number >= 0`, 'clipValue', clipValue);
  }
  for (const g of gradsOf(parameters)) {
    const hi = roundLike(g, clipValue);
    for (let i = 0; i < g.length; i++) {
      const v = g[i]!;
      g[i] = v > hi ? hi : v < -hi ? -hi : v;
    }
  }
}
