/**
 * Choosing which parameters decay. The usual rule (nanoGPT, timm, Hugging Face): weight matrices and
 * convolution kernels decay; biases and the parameters of normalization layers (LayerNorm, BatchNorm)
 * do not. {@link splitDecayGroups} makes PyTorch-style param groups from a model with that rule or a
 * predicate; {@link decayMask} gives the same choice as a mask for `masked(...)` chains.
 */
import type { Tensor } from '../tensor/tensor.js';
import type { ParamMask } from './transform.js';

/** What the split needs of a model: PyTorch's `named_parameters()` and, optionally, `named_modules()`. */
export interface NamedParameterSource {
  namedParameters(): Iterable<[string, Tensor]>;
  namedModules?(): Iterable<[string, unknown]>;
}

/** Decides whether a parameter decays, given its dotted name, the tensor and the module owning it. */
export type DecayPredicate = (name: string, param: Tensor, module: unknown) => boolean;

/** The class name of a module: its `kind` or `typeName` if it has one, else its constructor's name. */
function moduleKind(module: unknown): string {
  if (typeof module !== 'object' || module === null) return '';
  for (const key of ['kind', 'typeName']) {
    const value: unknown = Reflect.get(module, key);
    if (typeof value === 'string') return value;
  }
  return module.constructor.name;
}

/** True for normalization layers: class names ending in `Norm` or `NormNd` (LayerNorm, BatchNorm1d, GroupNorm, RMSNorm). */
export function isNormalizationLayer(module: unknown): boolean {
  return /Norm(\dd)?$/.test(moduleKind(module));
}

/** The default rule: decay parameters with at least 2 dimensions unless they belong to a normalization layer. */
export const defaultDecayPredicate: DecayPredicate = (_name, param, module) => param.ndim >= 2 && !isNormalizationLayer(module);

function classify(model: NamedParameterSource, predicate: DecayPredicate): [string, Tensor, boolean][] {
  const modules = new Map<string, unknown>(model.namedModules === undefined ? [] : [...model.namedModules()]);
  return [...model.namedParameters()].map(([name, param]) => {
    const dot = name.lastIndexOf('.');
    const owner = modules.get(dot < 0 ? '' : name.slice(0, dot));
    return [name, param, predicate(name, param, owner)];
  });
}

/** One group made by {@link splitDecayGroups}; usable wherever param groups are accepted. */
export type DecayGroupSpec = {
  params: Tensor[];
  /** The parameters' dotted names, in order (saved with the group by `stateDict`). */
  paramNames: string[];
  weightDecay?: number;
};

/** Options of {@link splitDecayGroups}. */
export interface SplitDecayOptions {
  /** Overrides the default rule ({@link defaultDecayPredicate}). */
  predicate?: DecayPredicate;
  /** Weight decay of the decayed group; the optimizer's `weightDecay` when omitted. */
  weightDecay?: number;
}

/**
 * Two param groups from a model: `[decayed, notDecayed]`. The first holds the parameters the rule
 * picks (weight matrices by default) and takes the optimizer's `weightDecay` unless `options` sets it;
 * the second holds the rest with `weightDecay: 0`. E.g.
 * `new AdamW(splitDecayGroups(model), {lr: 1e-3, weightDecay: 0.1})`.
 */
export function splitDecayGroups(model: NamedParameterSource, options: SplitDecayOptions = {}): [DecayGroupSpec, DecayGroupSpec] {
  const entries = classify(model, options.predicate ?? defaultDecayPredicate);
  const pick = (decays: boolean): DecayGroupSpec => {
    const chosen = entries.filter(([, , d]) => d === decays);
    return { params: chosen.map(([, p]) => p), paramNames: chosen.map(([n]) => n) };
  };
  const decayed = pick(true);
  if (options.weightDecay !== undefined) decayed.weightDecay = options.weightDecay;
  return [decayed, { ...pick(false), weightDecay: 0 }];
}

/** The same choice as a mask over tensors, for `masked(addDecayedWeights(), decayMask(model))`. */
export function decayMask(model: NamedParameterSource, predicate: DecayPredicate = defaultDecayPredicate): ParamMask {
  const decayed = new Set(classify(model, predicate).filter(([, , d]) => d).map(([, p]) => p));
  return (param) => decayed.has(param);
}
