/**
 * The shapes every optimizer shares: decay modes, the options each param group carries, param groups
 * themselves (PyTorch's `param_groups` entries, in camelCase) and per-parameter state.
 */
import type { FloatStorage } from '../tensor/dtype.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * How `weightDecay` (λ) acts, per param group:
 * - `l2`: coupled, g ← g + λ·w before the optimizer's own scaling (PyTorch's `weight_decay` for all but AdamW);
 * - `decoupled`: w ← w − lr·λ·w beside the scaled update (AdamW; PyTorch's `decoupled_weight_decay=True`);
 * - `l1`: coupled L1, g ← g + λ·sign(w) with sign(0) = 0;
 * - `l1-proximal`: after the step, w ← sign(w)·max(|w| − lr·λ, 0), which produces exact zeros.
 */
export type DecayMode = 'l2' | 'decoupled' | 'l1' | 'l1-proximal';

/** Every decay mode, in documentation order. */
export const DECAY_MODES: readonly DecayMode[] = Object.freeze(['l2', 'decoupled', 'l1', 'l1-proximal']);

/** Options every optimizer's param groups carry (PyTorch's names in camelCase). */
export interface OptimizerOptions {
  /** Learning rate; schedulers rewrite it between steps and the next step reads the new value. */
  lr: number;
  /** Weight-decay strength λ (PyTorch's `weight_decay`). */
  weightDecay: number;
  /** How λ acts; see {@link DecayMode}. */
  decay: DecayMode;
  /** Maximize the objective: the gradient is negated before anything else (PyTorch's `maximize`). */
  maximize: boolean;
  /** SGD's and RMSprop's momentum (OneCycleLR cycles it). */
  momentum?: number;
  /** Adam-family coefficients (OneCycleLR cycles `betas[0]`). */
  betas?: [number, number];
}

/**
 * One parameter group: a plain mutable object holding its parameters and its options, as PyTorch's
 * `optimizer.param_groups[i]`. Schedulers write `lr` (and `momentum`, `betas`, `weightDecay`) between
 * steps and may keep their own keys on it (`initialLr`, ...); the state dict saves every key but `params`.
 */
export type ParamGroup<O extends OptimizerOptions = OptimizerOptions> = O & {
  /** The parameters of this group, in order. */
  params: Tensor[];
  /** The lr a scheduler started from (PyTorch's `initial_lr`), set by schedulers. */
  initialLr?: number;
  /** Further keys, e.g. scheduler bookkeeping; saved by the state dict when JSON-compatible. */
  [key: string]: unknown;
};

/**
 * A param group as given to a constructor or `addParamGroup`: its parameters and any options that
 * override the optimizer's defaults (PyTorch's `{'params': ..., 'lr': ...}`). `decoupledWeightDecay: true`
 * is accepted as a spelling of `decay: 'decoupled'` (PyTorch 2's option).
 */
export type ParamGroupSpec<O extends OptimizerOptions = OptimizerOptions> = Partial<O> & {
  params: Iterable<Tensor>;
  decoupledWeightDecay?: boolean;
  [key: string]: unknown;
};

/** What an optimizer constructor accepts: parameters, or param groups (PyTorch's `params` argument). */
export type ParamsInput<O extends OptimizerOptions = OptimizerOptions> = Iterable<Tensor> | readonly ParamGroupSpec<O>[];

/** Constructor options of an optimizer: any subset of its options, plus the `decoupledWeightDecay` spelling. */
export type OptionsInput<O extends OptimizerOptions> = Partial<O> & { decoupledWeightDecay?: boolean };

/**
 * State of one parameter, created lazily at its first step with a gradient (PyTorch's `optimizer.state[p]`).
 * Buffers have the parameter's dtype (float32 for float32 parameters, as PyTorch's `zeros_like`) and keep
 * PyTorch's names: `exp_avg`, `exp_avg_sq`, `max_exp_avg_sq`, `momentum_buffer`, `square_avg`, `grad_avg`,
 * `sum`, `acc_delta`, `exp_inf`.
 */
export interface ParamState {
  /** Steps taken by this parameter (PyTorch's `state['step']`). */
  step: number;
  /** Named elementwise buffers, created by the transforms that own them. */
  readonly buffers: Record<string, FloatStorage>;
  /** Named scalars besides `step` (NAdam's `mu_product`). */
  readonly scalars: Record<string, number>;
}

/** A fresh, empty parameter state (step 0, no buffers). */
export function emptyParamState(): ParamState {
  return { step: 0, buffers: {}, scalars: {} };
}
