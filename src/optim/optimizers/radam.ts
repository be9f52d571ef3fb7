/**
 * RAdam (PyTorch 1.13's single-tensor code). At step t, with ρ∞ = 2/(1 − β₂) − 1 and
 * ρₜ = ρ∞ − 2t·β₂ᵗ/(1 − β₂ᵗ):
 *
 *     m ← β₁·m + (1 − β₁)·g        v ← β₂·v + (1 − β₂)·g²        m̂ = m / (1 − β₁ᵗ)
 *     u = m̂ · √(1 − β₂ᵗ)/(√v + ε) · r   when ρₜ > 5,  r = √((ρₜ−4)(ρₜ−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρₜ));   else u = m̂
 *
 * and w ← w − lr·u. PyTorch 2's `decoupled_weight_decay=True` is `decay: 'decoupled'`.
 */
import { Optimizer } from '../optimizer.js';
import { checkBetas, checkCommonOptions, checkNonNegative, resolveDefaults } from '../options.js';
import { type BlockIO, type GradientTransform, type StepContext, emit, kernelScalar, roundingOf, stateBuffer } from '../transform.js';
import { biasCorrections } from './bias-corrections.js';
import type { OptimizerOptions, OptionsInput, ParamGroup, ParamsInput } from '../types.js';

/** Options of RAdam (PyTorch's, camelCase). */
export interface RAdamOptions extends OptimizerOptions {
  betas: [number, number];
  eps: number;
}

/** PyTorch's checks: lr, eps, weightDecay ≥ 0; betas in [0, 1). */
export function validateRAdamOptions(o: RAdamOptions): void {
  checkCommonOptions(o);
  checkNonNegative('eps', o.eps, 'epsilon value');
  checkBetas(o.betas);
}

type RAdamContext = StepContext<ParamGroup<RAdamOptions>>;

class ScaleByRAdam implements GradientTransform<ParamGroup<RAdamOptions>> {
  readonly kind = 'transform';
  readonly name = 'scaleByRAdam';
  private readonly corrections = biasCorrections();
  private beta1 = 0;
  private oneMinusBeta1 = 0;
  private beta2 = 0;
  private oneMinusBeta2 = 0;
  private eps = 0;
  private biasCorrection1 = 1;
  private rectified = false;
  private adaptiveScale = 1;

  begin(ctx: RAdamContext): boolean {
    const { betas, eps } = ctx.group;
    const [beta1, beta2] = [betas[0], betas[1]];
    const step = ctx.state.step;
    const c = this.corrections;
    c.update(beta1, beta2, step);
    const rhoInf = 2 / (1 - beta2) - 1;
    const rhoT = rhoInf - (2 * step * c.beta2Power) / c.second;
    this.rectified = rhoT > 5;
    if (this.rectified) {
      const rect = Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
      this.adaptiveScale = kernelScalar(ctx, c.sqrt2 * rect);
    }
    this.beta1 = kernelScalar(ctx, beta1);
    this.oneMinusBeta1 = kernelScalar(ctx, 1 - beta1);
    this.beta2 = kernelScalar(ctx, beta2);
    this.oneMinusBeta2 = kernelScalar(ctx, 1 - beta2);
    this.eps = kernelScalar(ctx, eps);
    this.biasCorrection1 = kernelScalar(ctx, c.first);
    return true;
  }

  update(ctx: RAdamContext, io: BlockIO): void {
    const { start, end, src, inputScale, inputWeight, dst, keep, scale } = io;
    const w = ctx.w;
    const round = roundingOf(ctx);
    const { beta1, oneMinusBeta1, beta2, oneMinusBeta2, eps, biasCorrection1, rectified, adaptiveScale } = this;
    const buffers = ctx.state.buffers;
    const m = buffers['exp_avg'] ?? stateBuffer(ctx, 'exp_avg');
    const v = buffers['exp_avg_sq'] ?? stateBuffer(ctx, 'exp_avg_sq');
    for (let i = start; i < end; i++) {
      const g = round(inputScale * src[i]! + inputWeight * w[i]!);
      m[i] = beta1 * m[i]! + oneMinusBeta1 * g;
      v[i] = beta2 * v[i]! + oneMinusBeta2 * g * g;
      const corrected = m[i]! / biasCorrection1;
      const out = scale * (rectified ? (corrected * adaptiveScale) / (Math.sqrt(v[i]!) + eps) : corrected);
      emit(dst, i, out, keep, round);
    }
  }
}

/** RAdam's scaling with its variance rectification (threshold ρₜ > 5); buffers `exp_avg`, `exp_avg_sq`. */
export function scaleByRAdam(): GradientTransform<ParamGroup<RAdamOptions>> {
  return new ScaleByRAdam();
}

const RADAM_DEFAULTS: RAdamOptions = { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, maximize: false, decay: 'l2' };

/** PyTorch's `torch.optim.RAdam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0)`; decay defaults to 'l2'. */
export class RAdam extends Optimizer<RAdamOptions> {
  constructor(params: ParamsInput<RAdamOptions>, options: OptionsInput<RAdamOptions> = {}) {
    super(params, resolveDefaults('RAdam', RADAM_DEFAULTS, options), {
      name: 'RAdam',
      validate: validateRAdamOptions,
      core: () => [scaleByRAdam()],
      stateKeys: ['exp_avg', 'exp_avg_sq'],
    });
  }
}
