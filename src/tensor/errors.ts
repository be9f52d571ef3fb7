/**
 * Typed errors. Every error decaylab throws on bad input is a {@link DecaylabError}
 * subclass whose fields carry the offending values (shapes, dtypes, option names),
 * so callers can react to them without parsing messages.
 */

/**
 * Brand carried by every decaylab error, including those that must extend a built-in error class
 * other than `Error` (an optimizer's option error is a `RangeError`, as the issue asks).
 */
export const DECAYLAB_ERROR: unique symbol = Symbol.for('decaylab.error');

/**
 * Base class of every error decaylab throws on purpose. `instanceof DecaylabError` also holds for
 * branded errors that extend another built-in class (see {@link DECAYLAB_ERROR}).
 */
export class DecaylabError extends Error {
  readonly [DECAYLAB_ERROR] = true;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this === DecaylabError) {
      return typeof value === 'object' && value !== null && (value as { [DECAYLAB_ERROR]?: unknown })[DECAYLAB_ERROR] === true;
    }
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

/** Shapes that do not fit together: broadcasting, matmul, reshape, cat. Names both shapes. */
export class ShapeError extends DecaylabError {
  constructor(
    message: string,
    readonly shapes: readonly (readonly number[])[] = [],
  ) {
    super(message);
  }
}

/** Tensors of different dtypes combined, or a dtype an operation does not support. */
export class DTypeError extends DecaylabError {
  constructor(
    message: string,
    readonly dtypes: readonly string[] = [],
  ) {
    super(message);
  }
}

/** A dimension or index outside the valid range (PyTorch's IndexError). */
export class IndexError extends DecaylabError {
  constructor(
    message: string,
    readonly value: number,
    readonly range: readonly [number, number],
  ) {
    super(message);
  }
}

/** Misuse of autograd: backward on a non-scalar, through a freed graph, in-place on a leaf. */
export class AutogradError extends DecaylabError {}

/** An argument with a value outside what the function accepts (PyTorch's ValueError). */
export class ArgumentError extends DecaylabError {
  constructor(
    message: string,
    readonly argument: string,
    readonly value: unknown,
  ) {
    super(message);
  }
}

/** Formats a shape as PyTorch prints it: `[2, 3]`. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}
