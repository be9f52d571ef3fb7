/**
 * Typed errors of the optim layer. Each carries the offending values as fields so callers can
 * react without parsing messages.
 */
import { DECAYLAB_ERROR, DecaylabError } from '../tensor/errors.js';

/**
 * An optimizer option outside its valid range (PyTorch raises `ValueError("Invalid learning rate: -1")`).
 * It is a built-in `RangeError` and also a {@link DecaylabError} (by brand). `argument` is the camelCase
 * option name (`lr`, `betas`, `weightDecay`, ...), `value` the value given.
 */
export class OptionRangeError extends RangeError {
  readonly [DECAYLAB_ERROR] = true;

  constructor(
    message: string,
    readonly argument: string,
    readonly value: unknown,
  ) {
    super(message);
    this.name = 'OptionRangeError';
  }
}

/** Misuse of an optimizer: an empty or malformed parameter list, a parameter in two groups, a non-leaf tensor. */
export class OptimizerError extends DecaylabError {}

/**
 * A state dict that does not fit the optimizer it is loaded into. `path` locates the problem inside the
 * dict (e.g. `state.3.exp_avg`), `expected` and `actual` describe what was wanted and found.
 */
export class StateDictError extends DecaylabError {
  constructor(
    message: string,
    readonly path: string,
    readonly expected: unknown,
    readonly actual: unknown,
  ) {
    super(message);
  }
}

/** `clipGradNorm_` with `errorIfNonfinite` found a NaN or infinite total norm (PyTorch's RuntimeError). */
export class NonFiniteNormError extends DecaylabError {
  constructor(
    message: string,
    readonly normType: number,
    readonly totalNorm: number,
  ) {
    super(message);
  }
}
