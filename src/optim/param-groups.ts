/**
 * Building param groups as PyTorch's `Optimizer.__init__` and `add_param_group` do: a list of tensors is
 * one group; a list of `{params, ...overrides}` is several, each filled from the defaults for the
 * options it does not set. Parameters must be floating-point leaf tensors, each in one group only.
 */
import { isFloatDType } from '../tensor/dtype.js';
import { Tensor } from '../tensor/tensor.js';
import { OptimizerError } from './errors.js';
import { resolveDecay } from './options.js';
import type { OptimizerOptions, ParamGroup, ParamsInput } from './types.js';

/** A param group spec before its options are checked: parameters plus any keys. */
export interface RawGroupSpec {
  params: unknown;
  [key: string]: unknown;
}

function isGroupSpec(item: unknown): item is RawGroupSpec {
  return typeof item === 'object' && item !== null && !(item instanceof Tensor) && 'params' in item;
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.iterator in value;
}

/** Splits a constructor's `params` argument into group specs (PyTorch's checks and messages). */
export function groupSpecs<O extends OptimizerOptions>(className: string, params: ParamsInput<O>): RawGroupSpec[] {
  if (params instanceof Tensor) {
    throw new OptimizerError(`${className}: params must be an iterable of Tensors or of param groups, but got a Tensor; wrap it in an array`);
  }
  if (!isIterable(params)) {
    throw new OptimizerError(`${className}: params must be an iterable of Tensors or of param groups, but got ${typeof params}`);
  }
  const items: unknown[] = [];
  for (const item of params) items.push(item);
  if (items.length === 0) throw new OptimizerError(`${className}: optimizer got an empty parameter list`);
  if (items.every((item): item is Tensor => item instanceof Tensor)) return [{ params: items }];
  return items.map((item, index) => {
    if (!isGroupSpec(item)) {
      throw new OptimizerError(`${className}: params[${index}] is neither a Tensor nor a param group {params, ...options}; lists must not mix the two`);
    }
    return item;
  });
}

/**
 * A complete param group from a spec: its parameters checked (floating point, leaf, no duplicates, none
 * already in `existing`) and its options taken from the spec, else from `defaults`.
 */
export function buildParamGroup<O extends OptimizerOptions>(
  className: string,
  spec: RawGroupSpec,
  defaults: O,
  existing: ReadonlySet<Tensor>,
): ParamGroup<O> {
  const source = spec.params;
  if (source instanceof Tensor) {
    throw new OptimizerError(`${className}: a param group's params must be an iterable of Tensors, but got a Tensor; wrap it in an array`);
  }
  if (!isIterable(source)) {
    throw new OptimizerError(`${className}: a param group's params must be an iterable of Tensors, but got ${typeof source}`);
  }
  const params: Tensor[] = [];
  const seen = new Set<Tensor>();
  for (const p of source) {
    if (!(p instanceof Tensor)) throw new OptimizerError(`${className}: optimizer can only optimize Tensors, but one of the params is ${typeof p}`);
    if (!isFloatDType(p.dtype)) throw new OptimizerError(`${className}: can only optimize floating-point Tensors, got dtype ${p.dtype}`);
    if (!p.isLeaf && !p._retainsGrad) throw new OptimizerError(`${className}: can't optimize a non-leaf Tensor (shape [${p.shape.join(', ')}])`);
    if (seen.has(p)) throw new OptimizerError(`${className}: a param group contains the same parameter twice (shape [${p.shape.join(', ')}])`);
    if (existing.has(p)) throw new OptimizerError(`${className}: some parameters appear in more than one parameter group`);
    seen.add(p);
    params.push(p);
  }
  const { params: _params, decoupledWeightDecay, ...overrides } = spec;
  const group = { ...defaults, ...overrides, params } as ParamGroup<O>;
  if (Array.isArray(group.betas)) group.betas = [group.betas[0], group.betas[1]];
  const decay = resolveDecay(overrides.decay, decoupledWeightDecay, defaults.decay);
  if (decay !== undefined) group.decay = decay;
  return group;
}
