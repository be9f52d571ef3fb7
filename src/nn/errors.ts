/**
 * Typed errors of the nn layer. Shape, dtype and argument problems reuse the tensor layer's
 * errors ({@link ShapeError}, {@link ArgumentError}); what is specific to modules lives here.
 */
import { DecaylabError, formatShape } from '../tensor/errors.js';

/** A state-dict entry whose tensor does not have the shape of the module's tensor. */
export interface ShapeMismatch {
  /** The dotted key, e.g. `linears.0.weight`. */
  readonly key: string;
  /** Shape of the tensor in the module. */
  readonly expected: readonly number[];
  /** Shape of the tensor in the given state dict. */
  readonly got: readonly number[];
}

/**
 * `loadStateDict` refused a state dict (PyTorch's "Error(s) in loading state_dict"): it names
 * every missing key, unexpected key and shape mismatch. Nothing was copied when it is thrown.
 */
export class StateDictError extends DecaylabError {
  constructor(
    readonly missingKeys: readonly string[],
    readonly unexpectedKeys: readonly string[],
    readonly shapeMismatches: readonly ShapeMismatch[],
    moduleName: string,
  ) {
    const parts: string[] = [];
    if (missingKeys.length > 0) parts.push(`Missing key(s) in state_dict: ${missingKeys.map((k) => `"${k}"`).join(', ')}.`);
    if (unexpectedKeys.length > 0) parts.push(`Unexpected key(s) in state_dict: ${unexpectedKeys.map((k) => `"${k}"`).join(', ')}.`);
    for (const m of shapeMismatches) {
      parts.push(
        `size mismatch for ${m.key}: copying a param with shape ${formatShape(m.got)} from checkpoint, the shape in current model is ${formatShape(m.expected)}.`,
      );
    }
    super(`Error(s) in loading state_dict for ${moduleName}:\n\t${parts.join('\n\t')}`);
  }
}

/** A module used in a way it does not support (calling a `ModuleList`, an unknown submodule path). */
export class ModuleError extends DecaylabError {}
