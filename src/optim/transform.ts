/**
 * Gradient transforms, optax's idea in a form that runs without temporaries. A chain of stages maps a
 * parameter's gradient g to an update u, and w ← w + u:
 *
 * - a {@link GradientTransform} maps its input to an output elementwise (Adam's scaling, momentum);
 * - a {@link ScaleStage} is u ← f·u (−lr, …) and a {@link DecayStage} is u ← u + λ·w (weight decay):
 *   these linear stages cost no pass — the chain folds them into the input or the output of the
 *   nearest transform;
 * - a {@link Projection} rewrites the parameter after the update (the L1 proximal step).
 *
 * Stages read their hyperparameters from the param group at every step (so schedulers work) and keep
 * per-parameter buffers in {@link ParamState}. The chain walks each parameter once, in blocks that stay
 * in cache: the first transform reads the gradient, later ones the block buffer, and the last one
 * writes straight into the parameter (optax's `apply_updates`, fused).
 */
import type { FloatStorage } from '../tensor/dtype.js';
import type { Tensor } from '../tensor/tensor.js';
import type { ParamGroup, ParamState } from './types.js';

/** What a stage sees of the parameter being updated; one reused object per optimizer. */
export interface StepContext<G extends ParamGroup = ParamGroup> {
  /** The param group's current options. */
  group: G;
  /** The parameter tensor. */
  param: Tensor;
  /** The parameter's values (`param.data`). Transforms read it; only their output writes it. */
  w: FloatStorage;
  /** The gradient's values (`param.grad.data`). */
  g: FloatStorage;
  /** The parameter's state; `state.step` already counts this step. */
  state: ParamState;
  /** True for float32 parameters, whose scalars PyTorch rounds to float32 (see {@link kernelScalar}). */
  float32: boolean;
}

/**
 * How a transform reads and writes the parameter elements i in [start, end) of one block; every array
 * is indexed by i. Its input is x_i = inputScale·src[i] + inputWeight·w[i], with w the parameter before
 * this step's update, rounded with {@link roundingOf}. Its output is written with {@link emit} as
 * dst[i] ← keep·dst[i] + scale·out_i: for the last transform dst is the parameter (so w ← keep·w + update),
 * for the others a zero-filled scratch array (keep = 1).
 */
export interface BlockIO {
  start: number;
  end: number;
  src: FloatStorage;
  inputScale: number;
  inputWeight: number;
  dst: FloatStorage;
  keep: number;
  scale: number;
}

/** An elementwise map from a parameter's incoming update to its outgoing update. */
export interface GradientTransform<G extends ParamGroup = ParamGroup> {
  readonly kind: 'transform';
  readonly name: string;
  /**
   * Called once per parameter and step before its blocks: computes per-step scalars. Returns false
   * when the transform is the identity for this parameter at this step (momentum = 0), which skips it.
   */
  begin(ctx: StepContext<G>): boolean;
  /** Maps one block (see {@link BlockIO}). */
  update(ctx: StepContext<G>, io: BlockIO): void;
}

/** u ← f·u with a factor read at each step (optax's `scale`, `scale_by_learning_rate`). */
export interface ScaleStage<G extends ParamGroup = ParamGroup> {
  readonly kind: 'scale';
  readonly name: string;
  factor(ctx: StepContext<G>): number;
}

/** u ← u + λ·w with λ read at each step (optax's `add_decayed_weights`). */
export interface DecayStage<G extends ParamGroup = ParamGroup> {
  readonly kind: 'decay';
  readonly name: string;
  /** λ for this parameter at this step (0: no decay). */
  coefficient(ctx: StepContext<G>): number;
}

/** Rewrites the parameter after the update has been added (a proximal operator or a projection). */
export interface Projection<G extends ParamGroup = ParamGroup> {
  readonly kind: 'projection';
  readonly name: string;
  /** Per-parameter, per-step setup; false skips the projection. */
  begin(ctx: StepContext<G>): boolean;
  /** Rewrites `ctx.w[start .. start+n)`. */
  project(ctx: StepContext<G>, start: number, n: number): void;
}

/** One stage of a chain. */
export type Stage<G extends ParamGroup = ParamGroup> = GradientTransform<G> | ScaleStage<G> | DecayStage<G> | Projection<G>;

/** A predicate choosing the parameters a masked stage applies to (optax's `masked`). */
export type ParamMask = (param: Tensor) => boolean;

/**
 * The stage applied only to parameters for which `mask(param)` holds; elsewhere it is the identity
 * (optax's `masked`): e.g. `masked(addDecayedWeights(), p => p.ndim >= 2)`.
 */
export function masked<G extends ParamGroup>(stage: Stage<G>, mask: ParamMask): Stage<G> {
  const name = `masked(${stage.name})`;
  switch (stage.kind) {
    case 'transform':
      return { kind: 'transform', name, begin: (ctx) => mask(ctx.param) && stage.begin(ctx), update: (ctx, io) => stage.update(ctx, io) };
    case 'scale':
      return { kind: 'scale', name, factor: (ctx) => (mask(ctx.param) ? stage.factor(ctx) : 1) };
    case 'decay':
      return { kind: 'decay', name, coefficient: (ctx) => (mask(ctx.param) ? stage.coefficient(ctx) : 0) };
    case 'projection':
      return { kind: 'projection', name, begin: (ctx) => mask(ctx.param) && stage.begin(ctx), project: (ctx, s, n) => stage.project(ctx, s, n) };
  }
}

/**
 * Creates the named state buffer of the parameter in `ctx`, filled with `fill` (PyTorch's lazy
 * `zeros_like`/`full_like`), with the parameter's dtype. Transforms look a buffer up with a literal
 * key (fast) and call this when it is missing: `state.buffers['exp_avg'] ?? stateBuffer(ctx, 'exp_avg')`.
 */
export function stateBuffer(ctx: StepContext, name: string, fill = 0): FloatStorage {
  const existing = ctx.state.buffers[name];
  if (existing !== undefined) return existing;
  const created = ctx.float32 ? new Float32Array(ctx.w.length) : new Float64Array(ctx.w.length);
  if (fill !== 0) created.fill(fill);
  ctx.state.buffers[name] = created;
  return created;
}

/**
 * Writes a transform's output `value` (already multiplied by `io.scale`) for element i:
 * dst[i] ← round(keep·dst[i]) + value, stored in dst's precision. Two roundings, as PyTorch's AdamW's
 * `param.mul_(1 − lr·λ)` followed by the update, in one store and without a branch (a conditional store
 * in the loop would slow it down by a fifth).
 */
export function emit(dst: FloatStorage, i: number, value: number, keep: number, round: (x: number) => number): void {
  dst[i] = round(keep * dst[i]!) + value;
}

function unrounded(x: number): number {
  return x;
}

/**
 * Rounding to the parameter's precision: `Math.fround` for float32 parameters, the identity for float64.
 * Transforms round their input with it, as PyTorch materializes `grad.add(param, alpha=λ)` as a tensor
 * of the parameter's dtype: `const g = round(inputScale·src[…] + inputWeight·w[i])`.
 */
export function roundingOf(ctx: StepContext): (x: number) => number {
  return ctx.float32 ? Math.fround : unrounded;
}

/**
 * A Python float as PyTorch's CPU kernels apply it to a tensor like `w` (`mul_(beta)`,
 * `add_(x, alpha=...)`, `addcdiv_(..., value=...)`): rounded to float32 for float32 tensors. Using the
 * rounded scalars reproduces PyTorch's systematic float32 effects: β₂ = 0.999 is 0.99900001 in float32,
 * which over many steps shifts Adam's second moment by about 1e-5 relative.
 */
export function kernelScalar(ctx: StepContext, x: number): number {
  return ctx.float32 ? Math.fround(x) : x;
}
