/**
 * Test support: optimizer stand-ins with PyTorch's group and defaults layout, for scheduler tests that need
 * no parameters (schedulers only read and write the groups).
 */
import type { SchedulableOptimizer, SchedulableParamGroup } from '../types.js';

/** A group as the fixtures describe it: lr plus optional momentum, betas, weight decay, initial lr. */
export interface GroupSpec {
  lr: number;
  momentum?: number;
  weightDecay?: number;
  initialLr?: number;
}

/** An optimizer object like PyTorch's SGD (defaults with `momentum`) or Adam (defaults with `betas`). */
export function fakeOptimizer(kind: 'SGD' | 'Adam', groups: readonly GroupSpec[]): SchedulableOptimizer {
  const paramGroups: SchedulableParamGroup[] = groups.map((spec) => {
    const group: SchedulableParamGroup = { lr: spec.lr, weightDecay: spec.weightDecay ?? 0 };
    if (kind === 'SGD') group.momentum = spec.momentum ?? 0;
    else group.betas = [0.9, 0.999];
    if (spec.initialLr !== undefined) group.initialLr = spec.initialLr;
    return group;
  });
  const lr = groups[0]?.lr ?? 0.001;
  const defaults =
    kind === 'SGD'
      ? { lr, momentum: 0, dampening: 0, weightDecay: 0, nesterov: false }
      : { lr, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false };
  return { paramGroups, defaults };
}
