/**
 * Adadelta (PyTorch 1.13's single-tensor code). Per element, with decay ρ:
 *
 *     s ← ρ·s + (1 − ρ)·g²        δ = √(a + ε) / √(s + ε) · g        a ← ρ·a + (1 − ρ)·δ²
 *
 * and w ← w − lr·δ.
 */
import { Optimizer } from '../optimizer.js';
import { checkCommonOptions, checkNonNegative, checkUnitInterval, resolveDefaults } from '../options.js';
import { type BlockIO, type GradientTransform, type StepContext, emit, kernelScalar, roundingOf, stateBuffer } from '../transform.js';
import type { OptimizerOptions, OptionsInput, ParamGroup, ParamsInput } from '../types.js';

/** Options of Adadelta (PyTorch's, camelCase). */
export interface AdadeltaOptions extends OptimizerOptions {
  rho: number;
  eps: number;
}

/** PyTorch's checks: lr, eps, weightDecay ≥ 0; rho in [0, 1]. */
export function validateAdadeltaOptions(o: AdadeltaOptions): void {
  checkCommonOptions(o);
  checkUnitInterval('rho', o.rho, 'rho value');
  checkNonNegative('eps', o.eps, 'epsilon value');
}

type AdadeltaContext = StepContext<ParamGroup<AdadeltaOptions>>;

class ScaleByAdadelta implements GradientTransform<ParamGroup<AdadeltaOptions>> {
  readonly kind = 'transform';
  readonly name = 'scaleByAdadelta';
  private rho = 0;
  private oneMinusRho = 0;
  private eps = 0;

  begin(ctx: AdadeltaContext): boolean {
    const { rho, eps } = ctx.group;
    this.rho = kernelScalar(ctx, rho);
    this.oneMinusRho = kernelScalar(ctx, 1 - rho);
    this.eps = kernelScalar(ctx, eps);
    return true;
  }

  update(ctx: AdadeltaContext, io: BlockIO): void {
    const { start, end, src, inputScale, inputWeight, dst, keep, scale } = io;
    const w = ctx.w;
    const round = roundingOf(ctx);
    const { rho, oneMinusRho, eps } = this;
    const buffers = ctx.state.buffers;
    const sq = buffers['square_avg'] ?? stateBuffer(ctx, 'square_avg');
    const acc = buffers['acc_delta'] ?? stateBuffer(ctx, 'acc_delta');
    for (let i = start; i < end; i++) {
      const g = round(inputScale * src[i]! + inputWeight * w[i]!);
      sq[i] = rho * sq[i]! + oneMinusRho * g * g;
      const delta = (Math.sqrt(acc[i]! + eps) / Math.sqrt(sq[i]! + eps)) * g;
      acc[i] = rho * acc[i]! + oneMinusRho * delta * delta;
      const out = scale * delta;
      emit(dst, i, out, keep, round);
    }
  }
}

/** Adadelta's scaling; buffers `square_avg` and `acc_delta`. */
export function scaleByAdadelta(): GradientTransform<ParamGroup<AdadeltaOptions>> {
  return new ScaleByAdadelta();
}

const ADADELTA_DEFAULTS: AdadeltaOptions = { lr: 1.0, rho: 0.9, eps: 1e-6, weightDecay: 0, maximize: false, decay: 'l2' };

/** PyTorch's `torch.optim.Adadelta(params, lr=1.0, rho=0.9, eps=1e-6, weight_decay=0, maximize=False)`; decay defaults to 'l2'. */
export class Adadelta extends Optimizer<AdadeltaOptions> {
  constructor(params: ParamsInput<AdadeltaOptions>, options: OptionsInput<AdadeltaOptions> = {}) {
    super(params, resolveDefaults('Adadelta', ADADELTA_DEFAULTS, options), {
      name: 'Adadelta',
      validate: validateAdadeltaOptions,
      core: () => [scaleByAdadelta()],
      stateKeys: ['square_avg', 'acc_delta'],
    });
  }
}
