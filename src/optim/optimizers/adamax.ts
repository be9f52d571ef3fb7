/**
 * Adamax (PyTorch 1.13's single-tensor code). Per element, at step t:
 *
 *     m ← β₁·m + (1 − β₁)·g        n ← max(β₂·n, |g| + ε)        u = m / ((1 − β₁ᵗ)·n)
 *
 * and w ← w − lr·u.
 */
import { Optimizer } from '../optimizer.js';
import { checkBetas, checkCommonOptions, checkNonNegative, resolveDefaults } from '../options.js';
import { type BlockIO, type GradientTransform, type StepContext, emit, kernelScalar, roundingOf, stateBuffer } from '../transform.js';
import { biasCorrections } from './bias-corrections.js';
import type { OptimizerOptions, OptionsInput, ParamGroup, ParamsInput } from '../types.js';

/** Options of Adamax (PyTorch's, camelCase). */
export interface AdamaxOptions extends OptimizerOptions {
  betas: [number, number];
  eps: number;
}

/** PyTorch's checks: lr, eps, weightDecay ≥ 0; betas in [0, 1). */
export function validateAdamaxOptions(o: AdamaxOptions): void {
  checkCommonOptions(o);
  checkNonNegative('eps', o.eps, 'epsilon value');
  checkBetas(o.betas);
}

type AdamaxContext = StepContext<ParamGroup<AdamaxOptions>>;

class ScaleByAdamax implements GradientTransform<ParamGroup<AdamaxOptions>> {
  readonly kind = 'transform';
  readonly name = 'scaleByAdamax';
  private readonly corrections = biasCorrections();
  private beta1 = 0;
  private oneMinusBeta1 = 0;
  private beta2 = 0;
  private eps = 0;

  begin(ctx: AdamaxContext): boolean {
    const { betas, eps } = ctx.group;
    this.corrections.update(betas[0], betas[1], ctx.state.step);
    this.beta1 = kernelScalar(ctx, betas[0]);
    this.oneMinusBeta1 = kernelScalar(ctx, 1 - betas[0]);
    this.beta2 = kernelScalar(ctx, betas[1]);
    this.eps = kernelScalar(ctx, eps);
    return true;
  }

  update(ctx: AdamaxContext, io: BlockIO): void {
    const { start, end, src, inputScale, inputWeight, dst, keep, scale } = io;
    const w = ctx.w;
    const round = roundingOf(ctx);
    const { beta1, oneMinusBeta1, beta2, eps } = this;
    const buffers = ctx.state.buffers;
    const m = buffers['exp_avg'] ?? stateBuffer(ctx, 'exp_avg');
    const inf = buffers['exp_inf'] ?? stateBuffer(ctx, 'exp_inf');
    const outScale = kernelScalar(ctx, scale / this.corrections.first);
    for (let i = start; i < end; i++) {
      const g = round(inputScale * src[i]! + inputWeight * w[i]!);
      m[i] = beta1 * m[i]! + oneMinusBeta1 * g;
      inf[i] = Math.max(beta2 * inf[i]!, Math.abs(g) + eps);
      const out = (outScale * m[i]!) / inf[i]!;
      emit(dst, i, out, keep, round);
    }
  }
}

/** Adamax's scaling (infinity-norm Adam); buffers `exp_avg` and `exp_inf`. */
export function scaleByAdamax(): GradientTransform<ParamGroup<AdamaxOptions>> {
  return new ScaleByAdamax();
}

const ADAMAX_DEFAULTS: AdamaxOptions = { lr: 2e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, maximize: false, decay: 'l2' };

/** PyTorch's `torch.optim.Adamax(params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, maximize=False)`; decay defaults to 'l2'. */
export class Adamax extends Optimizer<AdamaxOptions> {
  constructor(params: ParamsInput<AdamaxOptions>, options: OptionsInput<AdamaxOptions> = {}) {
    super(params, resolveDefaults('Adamax', ADAMAX_DEFAULTS, options), {
      name: 'Adamax',
      validate: validateAdamaxOptions,
      core: () => [scaleByAdamax()],
      stateKeys: ['exp_avg', 'exp_inf'],
    });
  }
}
