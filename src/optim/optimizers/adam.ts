/**
 * Adam and AdamW (PyTorch 1.13's single-tensor code). Per element, at step t:
 *
 *     m ← β₁·m + (1 − β₁)·g            v ← β₂·v + (1 − β₂)·g²          (v̂max ← max(v̂max, v) with amsgrad)
 *     u = m / ((1 − β₁ᵗ)·(√v / √(1 − β₂ᵗ) + ε))                          then w ← w − lr·u
 *
 * Adam's `weightDecay` is coupled L2 (g ← g + λ·w first); AdamW's is decoupled (w ← w − lr·λ·w beside
 * the update); `decay` picks any mode for either.
 */
import { Optimizer } from '../optimizer.js';
import { checkBetas, checkBoolean, checkCommonOptions, checkNonNegative, resolveDefaults } from '../options.js';
import { type BlockIO, type GradientTransform, type StepContext, emit, kernelScalar, roundingOf, stateBuffer } from '../transform.js';
import { biasCorrections } from './bias-corrections.js';
import type { OptimizerOptions, OptionsInput, ParamGroup, ParamsInput } from '../types.js';

/** Options of Adam and AdamW (PyTorch's, camelCase). */
export interface AdamOptions extends OptimizerOptions {
  betas: [number, number];
  eps: number;
  /** Use the running maximum of v (AMSGrad). */
  amsgrad: boolean;
}

/** PyTorch's checks: lr, eps, weightDecay ≥ 0; betas in [0, 1). */
export function validateAdamOptions(o: AdamOptions): void {
  checkCommonOptions(o);
  checkNonNegative('eps', o.eps, 'epsilon value');
  checkBetas(o.betas);
  checkBoolean('amsgrad', o.amsgrad);
}

type AdamContext = StepContext<ParamGroup<AdamOptions>>;

class ScaleByAdam implements GradientTransform<ParamGroup<AdamOptions>> {
  readonly kind = 'transform';
  readonly name = 'scaleByAdam';
  private readonly corrections = biasCorrections();
  // This step's scalars, rounded like PyTorch's; read by adamBlock and amsgradBlock.
  amsgrad = false;
  beta1 = 0;
  oneMinusBeta1 = 0;
  beta2 = 0;
  oneMinusBeta2 = 0;
  eps = 0;
  inverseBc2Sqrt = 1;
  inverseBc1 = 1;

  begin(ctx: AdamContext): boolean {
    const { betas, eps, amsgrad } = ctx.group;
    const beta1 = betas[0];
    const beta2 = betas[1];
    this.corrections.update(beta1, beta2, ctx.state.step);
    this.amsgrad = amsgrad;
    this.beta1 = kernelScalar(ctx, beta1);
    this.oneMinusBeta1 = kernelScalar(ctx, 1 - beta1);
    this.beta2 = kernelScalar(ctx, beta2);
    this.oneMinusBeta2 = kernelScalar(ctx, 1 - beta2);
    this.eps = kernelScalar(ctx, eps);
    this.inverseBc2Sqrt = 1 / kernelScalar(ctx, this.corrections.sqrt2);
    this.inverseBc1 = 1 / this.corrections.first;
    return true;
  }

  update(ctx: AdamContext, io: BlockIO): void {
    // One loop per function: an AMSGrad branch (or a second loop) in the same function makes
    // TurboFan compile the plain loop 2–3x slower.
    if (this.amsgrad) amsgradBlock(this, ctx, io);
    else adamBlock(this, ctx, io);
  }
}

/** Adam's update of one block (see {@link scaleByAdam}). */
function adamBlock(t: ScaleByAdam, ctx: AdamContext, io: BlockIO): void {
  const { start, end, src, inputScale, inputWeight, dst, keep, scale } = io;
  const w = ctx.w;
  const round = roundingOf(ctx);
  const buffers = ctx.state.buffers;
  const m = buffers['exp_avg'] ?? stateBuffer(ctx, 'exp_avg');
  const v = buffers['exp_avg_sq'] ?? stateBuffer(ctx, 'exp_avg_sq');
  const { beta1, oneMinusBeta1, beta2, oneMinusBeta2, eps, inverseBc2Sqrt } = t;
  const outScale = kernelScalar(ctx, scale * t.inverseBc1);
  for (let i = start; i < end; i++) {
    const g = round(inputScale * src[i]! + inputWeight * w[i]!);
    m[i] = beta1 * m[i]! + oneMinusBeta1 * g;
    v[i] = beta2 * v[i]! + oneMinusBeta2 * g * g;
    emit(dst, i, (outScale * m[i]!) / (Math.sqrt(v[i]!) * inverseBc2Sqrt + eps), keep, round);
  }
}

/** The same with AMSGrad: the denominator uses the running maximum of v (`max_exp_avg_sq`). */
function amsgradBlock(t: ScaleByAdam, ctx: AdamContext, io: BlockIO): void {
  const { start, end, src, inputScale, inputWeight, dst, keep, scale } = io;
  const w = ctx.w;
  const round = roundingOf(ctx);
  const buffers = ctx.state.buffers;
  const m = buffers['exp_avg'] ?? stateBuffer(ctx, 'exp_avg');
  const v = buffers['exp_avg_sq'] ?? stateBuffer(ctx, 'exp_avg_sq');
  const vMax = buffers['max_exp_avg_sq'] ?? stateBuffer(ctx, 'max_exp_avg_sq');
  const { beta1, oneMinusBeta1, beta2, oneMinusBeta2, eps, inverseBc2Sqrt } = t;
  const outScale = kernelScalar(ctx, scale * t.inverseBc1);
  for (let i = start; i < end; i++) {
    const g = round(inputScale * src[i]! + inputWeight * w[i]!);
    m[i] = beta1 * m[i]! + oneMinusBeta1 * g;
    v[i] = beta2 * v[i]! + oneMinusBeta2 * g * g;
    vMax[i] = Math.max(vMax[i]!, v[i]!);
    emit(dst, i, (outScale * m[i]!) / (Math.sqrt(vMax[i]!) * inverseBc2Sqrt + eps), keep, round);
  }
}

/**
 * Adam's scaling (optax's `scale_by_adam`): updates `exp_avg`, `exp_avg_sq` (and `max_exp_avg_sq`) and
 * outputs m / ((1 − β₁ᵗ)·(√v / √(1 − β₂ᵗ) + ε)).
 */
export function scaleByAdam(): GradientTransform<ParamGroup<AdamOptions>> {
  return new ScaleByAdam();
}

const ADAM_DEFAULTS: AdamOptions = { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false, maximize: false, decay: 'l2' };
const ADAMW_DEFAULTS: AdamOptions = { ...ADAM_DEFAULTS, weightDecay: 1e-2, decay: 'decoupled' };
const ADAM_STATE_KEYS = ['exp_avg', 'exp_avg_sq', 'max_exp_avg_sq'];

/** PyTorch's `torch.optim.Adam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False, maximize=False)`; decay defaults to 'l2'. */
export class Adam extends Optimizer<AdamOptions> {
  constructor(params: ParamsInput<AdamOptions>, options: OptionsInput<AdamOptions> = {}) {
    super(params, resolveDefaults('Adam', ADAM_DEFAULTS, options), {
      name: 'Adam',
      validate: validateAdamOptions,
      core: () => [scaleByAdam()],
      stateKeys: ADAM_STATE_KEYS,
    });
  }
}

/** PyTorch's `torch.optim.AdamW(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, maximize=False)`; decay defaults to 'decoupled'. */
export class AdamW extends Optimizer<AdamOptions> {
  constructor(params: ParamsInput<AdamOptions>, options: OptionsInput<AdamOptions> = {}) {
    super(params, resolveDefaults('AdamW', ADAMW_DEFAULTS, options), {
      name: 'AdamW',
      validate: validateAdamOptions,
      core: () => [scaleByAdam()],
      stateKeys: ADAM_STATE_KEYS,
    });
  }
}
