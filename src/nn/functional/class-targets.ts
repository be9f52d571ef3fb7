/**
 * Class-index targets of NLL and cross-entropy losses: checks that the target has the input's
 * shape without the class dim (input [C] with target [], [N, C] with [N], [N, C, d…] with
 * [N, d…]) and that every value is a class in [0, C) or `ignoreIndex`. Targets may be int32
 * (decaylab's index dtype) or integer-valued floats.
 */
import type { FloatStorage } from '../../tensor/dtype.js';
import { ArgumentError, IndexError, ShapeError, formatShape } from '../../tensor/errors.js';
import type { Tensor } from '../../tensor/tensor.js';
import { floatData, sameDType } from './util.js';

/** The input's layout around the class dim and the validated class of each position. */
export interface ClassTargets {
  /** Batch entries (1 for an unbatched [C] input). */
  readonly outer: number;
  /** Number of classes C. */
  readonly classes: number;
  /** Positions per batch entry (product of the trailing dims d…). */
  readonly inner: number;
  /** Class per position (outer·inner of them), or `ignoreIndex`. */
  readonly index: Int32Array;
  /** Shape of a per-position result (`reduction: 'none'`): the target's shape. */
  readonly shape: readonly number[];
}

/** The shape a class-index target must have for `input`. */
function targetShapeFor(input: Tensor): number[] {
  return input.ndim === 1 ? [] : [input.shape[0]!, ...input.shape.slice(2)];
}

/** Checks `input`'s rank, `target`'s shape and values; see {@link ClassTargets}. */
export function classTargets(op: string, input: Tensor, target: Tensor, ignoreIndex: number): ClassTargets {
  if (input.ndim === 0) throw new ShapeError(`${op}: input must have a class dim, got a scalar of shape []`, [input.shape]);
  const expected = targetShapeFor(input);
  if (target.ndim !== expected.length || target.shape.some((s, i) => s !== expected[i])) {
    throw new ShapeError(
      `${op}: expected a class-index target of shape ${formatShape(expected)} for input of shape ${formatShape(input.shape)}, got target of shape ${formatShape(target.shape)}`,
      [input.shape, target.shape],
    );
  }
  const classDim = input.ndim === 1 ? 0 : 1;
  const classes = input.shape[classDim]!;
  const outer = input.ndim === 1 ? 1 : input.shape[0]!;
  let inner = 1;
  for (let i = 2; i < input.ndim; i++) inner *= input.shape[i]!;
  const td = target.data;
  const index = new Int32Array(td.length);
  for (let i = 0; i < td.length; i++) {
    const v = td[i]!;
    if (!Number.isInteger(v)) {
      throw new ArgumentError(`${op}: class-index targets must be integers, got ${v} at position ${i}`, 'target', v);
    }
    if (v !== ignoreIndex && (v < 0 || v >= classes)) {
      throw new IndexError(`${op}: target ${v} at position ${i} is out of bounds for ${classes} classes`, v, [0, classes - 1]);
    }
    index[i] = v;
  }
  return { outer, classes, inner, index, shape: target.shape };
}

/** Checks a per-class `weight` (a 1-D tensor of C values of the input's dtype); returns its data. */
export function classWeights(op: string, input: Tensor, weight: Tensor | null, classes: number): FloatStorage | null {
  if (weight === null) return null;
  const wd = floatData(op, weight, 'weight');
  sameDType(op, input, weight, 'input', 'weight');
  if (weight.ndim !== 1 || weight.shape[0] !== classes) {
    throw new ShapeError(`${op}: weight must have shape [${classes}] (one value per class), got ${formatShape(weight.shape)}`, [weight.shape, [classes]]);
  }
  return wd;
}
