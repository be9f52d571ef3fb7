/**
 * The optimizer of the `optimizer` section over a built model, with its parameter groups: each
 * parameter goes to the first config group whose selectors all match it (`params` globs on the
 * name, `layer` kinds, `tensor` roles); the rest form a group with the optimizer's own settings.
 * PyTorch's order is kept inside each group; config groups come first, the rest last.
 */
import type { Tensor } from '../../tensor/tensor.js';
import { Adadelta, Adagrad, Adam, Adamax, AdamW, NAdam, Optimizer, RAdam, RMSprop, SGD } from '../../optim/index.js';
import type { DecayMode as OptimDecayMode } from '../../optim/types.js';
import { decayModeOf } from '../config/names.js';
import type { GroupConfig, OptimizerConfig } from '../config/optimizer-schema.js';
import { ConfigError } from '../errors.js';
import { globToRegExp } from './glob.js';

export { globToRegExp } from './glob.js';
import type { ParameterInfo } from './model.js';

/** Whether a parameter matches every selector of a group. */
export function matchesGroup(p: ParameterInfo, group: Pick<GroupConfig, 'params' | 'layer' | 'tensor'>): boolean {
  if (group.params !== undefined && !group.params.some((g) => globToRegExp(g).test(p.name))) return false;
  if (group.layer !== undefined && !group.layer.includes(p.layer)) return false;
  if (group.tensor !== undefined && !group.tensor.includes(p.role)) return false;
  return true;
}

/** One resolved parameter group: its parameters' names and the options that override the optimizer's. */
export interface ResolvedGroup {
  readonly names: readonly string[];
  readonly params: readonly Tensor[];
  readonly lr?: number;
  readonly weightDecay?: number;
  readonly decay?: OptimDecayMode;
}

/**
 * Splits parameters into groups. A config group that matches no parameter (because earlier groups
 * took them, or nothing fits) is a {@link ConfigError} naming it and listing the parameter names.
 */
export function resolveGroups(config: OptimizerConfig, parameters: readonly ParameterInfo[]): ResolvedGroup[] {
  const taken = new Set<string>();
  const groups: ResolvedGroup[] = config.groups.map((g, i) => {
    const members = parameters.filter((p) => !taken.has(p.name) && matchesGroup(p, g));
    if (members.length === 0) {
      throw new ConfigError([{ path: `optimizer.groups.${i}`, message: 'matches no parameter not already taken by an earlier group', allowed: parameters.map((p) => p.name) }]);
    }
    for (const p of members) taken.add(p.name);
    return {
      names: members.map((p) => p.name),
      params: members.map((p) => p.tensor),
      ...(g.lr === undefined ? {} : { lr: g.lr }),
      ...(g.weightDecay === undefined ? {} : { weightDecay: g.weightDecay }),
      ...(g.decay === undefined ? {} : { decay: g.decay }),
    };
  });
  const rest = parameters.filter((p) => !taken.has(p.name));
  if (rest.length > 0) groups.push({ names: rest.map((p) => p.name), params: rest.map((p) => p.tensor) });
  return groups;
}

/** Builds the configured optimizer (PyTorch's class and defaults, decay mode resolved) over the groups. */
export function buildOptimizer(config: OptimizerConfig, parameters: readonly ParameterInfo[]): Optimizer {
  const groups = resolveGroups(config, parameters).map(({ names: _names, ...g }) => ({ ...g, params: [...g.params] }));
  const base = { lr: config.lr, weightDecay: config.weightDecay, decay: decayModeOf(config) };
  switch (config.name) {
    case 'sgd':
      return new SGD(groups, { ...base, momentum: config.momentum, dampening: config.dampening, nesterov: config.nesterov });
    case 'adam':
      return new Adam(groups, { ...base, betas: config.betas, eps: config.eps, amsgrad: config.amsgrad });
    case 'adamw':
      return new AdamW(groups, { ...base, betas: config.betas, eps: config.eps, amsgrad: config.amsgrad });
    case 'rmsprop':
      return new RMSprop(groups, { ...base, alpha: config.alpha, eps: config.eps, momentum: config.momentum, centered: config.centered });
    case 'adagrad':
      return new Adagrad(groups, { ...base, lrDecay: config.lrDecay, initialAccumulatorValue: config.initialAccumulatorValue, eps: config.eps });
    case 'adamax':
      return new Adamax(groups, { ...base, betas: config.betas, eps: config.eps });
    case 'nadam':
      return new NAdam(groups, { ...base, betas: config.betas, eps: config.eps, momentumDecay: config.momentumDecay });
    case 'radam':
      return new RAdam(groups, { ...base, betas: config.betas, eps: config.eps });
    case 'adadelta':
      return new Adadelta(groups, { ...base, rho: config.rho, eps: config.eps });
  }
}
