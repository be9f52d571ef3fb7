/**
 * NAdam (PyTorch 1.13's single-tensor code). At step t with momentum decay ψ:
 *
 *     μₜ = β₁·(1 − ½·0.96^(t·ψ))      μₜ₊₁ = β₁·(1 − ½·0.96^((t+1)·ψ))      Πₜ = Πₜ₋₁·μₜ  (`mu_product`, float32)
 *     m ← β₁·m + (1 − β₁)·g            v ← β₂·v + (1 − β₂)·g²              d = √(v / (1 − β₂ᵗ)) + ε
 *     u = ((1 − μₜ)/(1 − Πₜ))·g/d + (μₜ₊₁/(1 − Πₜ·μₜ·μₜ₊₁))·m/d
 *
 * The extra μₜ in the last denominator is PyTorch 1.13's (the reference version); later versions dropped it.
 *
 * and w ← w − lr·u. PyTorch 2's `decoupled_weight_decay=True` is `decay: 'decoupled'`.
 */
import { Optimizer } from '../optimizer.js';
import { checkBetas, checkCommonOptions, checkNonNegative, resolveDefaults } from '../options.js';
import { type BlockIO, type GradientTransform, type StepContext, emit, kernelScalar, roundingOf, stateBuffer } from '../transform.js';
import type { OptimizerOptions, OptionsInput, ParamGroup, ParamsInput } from '../types.js';

/** Options of NAdam (PyTorch's, camelCase). */
export interface NAdamOptions extends OptimizerOptions {
  betas: [number, number];
  eps: number;
  momentumDecay: number;
}

/** PyTorch's checks: lr, eps, weightDecay, momentumDecay ≥ 0; betas in [0, 1). */
export function validateNAdamOptions(o: NAdamOptions): void {
  checkCommonOptions(o);
  checkNonNegative('eps', o.eps, 'epsilon value');
  checkBetas(o.betas);
  checkNonNegative('momentumDecay', o.momentumDecay, 'momentum_decay value');
}

type NAdamContext = StepContext<ParamGroup<NAdamOptions>>;

class ScaleByNAdam implements GradientTransform<ParamGroup<NAdamOptions>> {
  readonly kind = 'transform';
  readonly name = 'scaleByNAdam';
  private beta1 = 0;
  private oneMinusBeta1 = 0;
  private beta2 = 0;
  private oneMinusBeta2 = 0;
  private eps = 0;
  private biasCorrection2 = 1;
  private gradCoef = 0;
  private avgCoef = 0;

  begin(ctx: NAdamContext): boolean {
    const { betas, eps, momentumDecay } = ctx.group;
    const [beta1, beta2] = [betas[0], betas[1]];
    const step = ctx.state.step;
    const mu = beta1 * (1 - 0.5 * 0.96 ** (step * momentumDecay));
    const muNext = beta1 * (1 - 0.5 * 0.96 ** ((step + 1) * momentumDecay));
    // mu_product is a float32 tensor in PyTorch: each product is rounded, with the scalars as float32.
    const f = Math.fround;
    const muProduct = f((ctx.state.scalars['mu_product'] ?? 1) * f(mu));
    ctx.state.scalars['mu_product'] = muProduct;
    // PyTorch 1.13 computes mu_product_next = mu_product * mu * mu_next, with mu_product already
    // including mu (fixed after 1.13 by pytorch/pytorch#92699); the reference data follows 1.13.
    const muProductNext = f(f(muProduct * f(mu)) * f(muNext));
    this.gradCoef = (1 - mu) / (1 - muProduct);
    this.avgCoef = muNext / (1 - muProductNext);
    this.beta1 = kernelScalar(ctx, beta1);
    this.oneMinusBeta1 = kernelScalar(ctx, 1 - beta1);
    this.beta2 = kernelScalar(ctx, beta2);
    this.oneMinusBeta2 = kernelScalar(ctx, 1 - beta2);
    this.eps = kernelScalar(ctx, eps);
    this.biasCorrection2 = kernelScalar(ctx, 1 - beta2 ** step);
    return true;
  }

  update(ctx: NAdamContext, io: BlockIO): void {
    const { start, end, src, inputScale, inputWeight, dst, keep, scale } = io;
    const w = ctx.w;
    const round = roundingOf(ctx);
    const { beta1, oneMinusBeta1, beta2, oneMinusBeta2, eps, biasCorrection2 } = this;
    const buffers = ctx.state.buffers;
    const m = buffers['exp_avg'] ?? stateBuffer(ctx, 'exp_avg');
    const v = buffers['exp_avg_sq'] ?? stateBuffer(ctx, 'exp_avg_sq');
    const gradScale = kernelScalar(ctx, scale * this.gradCoef);
    const avgScale = kernelScalar(ctx, scale * this.avgCoef);
    for (let i = start; i < end; i++) {
      const g = round(inputScale * src[i]! + inputWeight * w[i]!);
      m[i] = beta1 * m[i]! + oneMinusBeta1 * g;
      v[i] = beta2 * v[i]! + oneMinusBeta2 * g * g;
      const denom = Math.sqrt(v[i]! / biasCorrection2) + eps;
      // PyTorch adds the two terms to the parameter in two addcdiv_ calls, each rounded.
      emit(dst, i, (gradScale * g) / denom, keep, round);
      dst[i] = dst[i]! + (avgScale * m[i]!) / denom;
    }
  }
}

/** NAdam's scaling; buffers `exp_avg`, `exp_avg_sq` and the scalar `mu_product`. */
export function scaleByNAdam(): GradientTransform<ParamGroup<NAdamOptions>> {
  return new ScaleByNAdam();
}

const NADAM_DEFAULTS: NAdamOptions = { lr: 2e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, momentumDecay: 4e-3, maximize: false, decay: 'l2' };

/** PyTorch's `torch.optim.NAdam(params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, momentum_decay=4e-3)`; decay defaults to 'l2'. */
export class NAdam extends Optimizer<NAdamOptions> {
  constructor(params: ParamsInput<NAdamOptions>, options: OptionsInput<NAdamOptions> = {}) {
    super(params, resolveDefaults('NAdam', NADAM_DEFAULTS, options), {
      name: 'NAdam',
      validate: validateNAdamOptions,
      core: () => [scaleByNAdam()],
      stateKeys: ['exp_avg', 'exp_avg_sq', 'mu_product'],
    });
  }
}
