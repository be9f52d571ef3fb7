/**
 * Weight decay as composable pieces (optax's `add_decayed_weights`), and where each decay mode puts
 * them around an optimizer's own scaling:
 *
 *     l2           [addDecayedWeights, ...core, scaleByLearningRate]    g + λ·w is what the optimizer scales
 *     decoupled    [...core, addDecayedWeights, scaleByLearningRate]    w ← w·(1 − lr·λ) − lr·u
 *     l1           [addL1Decay, ...core, scaleByLearningRate]           g + λ·sign(w)
 *     l1-proximal  [...core, scaleByLearningRate, proximalL1]           then w ← sign(w)·max(|w| − lr·λ, 0)
 *
 * λ is the group's `weightDecay` and lr its `lr`, both read at every step.
 */
import { OptionRangeError } from '../errors.js';
import { type BlockIO, type DecayStage, type GradientTransform, type Projection, type Stage, type StepContext, emit, kernelScalar, roundingOf } from '../transform.js';
import { DECAY_MODES, type DecayMode, type ParamGroup } from '../types.js';
import { scaleByLearningRate } from './scale.js';

class AddDecayedWeights implements DecayStage {
  readonly kind = 'decay';
  readonly name = 'addDecayedWeights';

  coefficient(ctx: StepContext): number {
    return ctx.group.weightDecay;
  }
}

/**
 * u ← u + λ·w (λ = `weightDecay`, read at each step). Placed before an optimizer's scaling it is
 * coupled L2 (PyTorch's `grad.add(param, alpha=weight_decay)`); after it, decoupled decay, which the
 * chain applies as PyTorch's AdamW does: w ← w·(1 − lr·λ), then the update.
 */
export function addDecayedWeights(): DecayStage {
  return new AddDecayedWeights();
}

class AddL1Decay implements GradientTransform {
  readonly kind = 'transform';
  readonly name = 'addL1Decay';
  private lambda = 0;

  begin(ctx: StepContext): boolean {
    this.lambda = kernelScalar(ctx, ctx.group.weightDecay);
    return this.lambda !== 0;
  }

  update(ctx: StepContext, io: BlockIO): void {
    const { start, end, src, inputScale, inputWeight, dst, keep, scale } = io;
    const w = ctx.w;
    const round = roundingOf(ctx);
    const lambda = this.lambda;
    for (let i = start; i < end; i++) {
      const wi = w[i]!;
      const x = round(inputScale * src[i]! + inputWeight * wi);
      const sign = wi > 0 ? 1 : wi < 0 ? -1 : 0;
      emit(dst, i, scale * (x + lambda * sign), keep, round);
    }
  }
}

/** u ← u + λ·sign(w), the subgradient of λ·‖w‖₁ with sign(0) = 0 (the identity when λ = 0). */
export function addL1Decay(): GradientTransform {
  return new AddL1Decay();
}

class ProximalL1 implements Projection {
  readonly kind = 'projection';
  readonly name = 'proximalL1';
  private threshold = 0;

  begin(ctx: StepContext): boolean {
    this.threshold = ctx.group.lr * ctx.group.weightDecay;
    return this.threshold !== 0;
  }

  project(ctx: StepContext, start: number, n: number): void {
    const w = ctx.w;
    const threshold = this.threshold;
    for (let i = start; i < start + n; i++) {
      const wi = w[i]!;
      const shrunk = Math.abs(wi) - threshold;
      w[i] = shrunk > 0 ? (wi > 0 ? shrunk : -shrunk) : shrunk <= 0 ? 0 : wi;
    }
  }
}

/**
 * The proximal step of λ·‖w‖₁ after the update: w ← sign(w)·max(|w| − lr·λ, 0) (soft thresholding).
 * Weights within lr·λ of zero become exactly 0; NaN stays NaN. The identity when lr·λ = 0.
 */
export function proximalL1(): Projection {
  return new ProximalL1();
}

/** Checks that `mode` is a decay mode; a typed error listing the valid ones otherwise. */
export function checkDecayMode(mode: unknown): asserts mode is DecayMode {
  if (typeof mode !== 'string' || !(DECAY_MODES as readonly string[]).includes(mode)) {
    throw new OptionRangeError(`Invalid decay mode: decay = ${JSON.stringify(mode)} (expected one of ${DECAY_MODES.map((m) => `'${m}'`).join(', ')})`, 'decay', mode);
  }
}

/**
 * An optimizer's full chain for a decay mode: its own scaling `core` (e.g. `[scaleByAdam()]`) with the
 * decay piece placed before or after it, the learning rate, and the proximal step (see the table above).
 */
export function withDecay<G extends ParamGroup>(mode: DecayMode, core: readonly Stage<G>[]): Stage<G>[] {
  checkDecayMode(mode);
  switch (mode) {
    case 'l2':
      return [addDecayedWeights(), ...core, scaleByLearningRate()];
    case 'decoupled':
      return [...core, addDecayedWeights(), scaleByLearningRate()];
    case 'l1':
      return [addL1Decay(), ...core, scaleByLearningRate()];
    case 'l1-proximal':
      return [...core, scaleByLearningRate(), proximalL1()];
  }
}
