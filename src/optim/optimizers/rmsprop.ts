/**
 * RMSprop (PyTorch 1.13's single-tensor code). Per element, with smoothing α:
 *
 *     s ← α·s + (1 − α)·g²        centered: a ← α·a + (1 − α)·g,  avg = √(s − a²) + ε;  else avg = √s + ε
 *     u = g / avg, or with momentum μ:  b ← μ·b + g / avg,  u = b
 *
 * and w ← w − lr·u.
 */
import { Optimizer } from '../optimizer.js';
import { checkBoolean, checkCommonOptions, checkNonNegative, resolveDefaults } from '../options.js';
import { type BlockIO, type GradientTransform, type StepContext, emit, kernelScalar, roundingOf, stateBuffer } from '../transform.js';
import type { OptimizerOptions, OptionsInput, ParamGroup, ParamsInput } from '../types.js';

/** Options of RMSprop (PyTorch's, camelCase). */
export interface RMSpropOptions extends OptimizerOptions {
  alpha: number;
  eps: number;
  momentum: number;
  centered: boolean;
}

/** PyTorch's checks: lr, eps, momentum, weightDecay, alpha ≥ 0. */
export function validateRMSpropOptions(o: RMSpropOptions): void {
  checkCommonOptions(o);
  checkNonNegative('eps', o.eps, 'epsilon value');
  checkNonNegative('momentum', o.momentum, 'momentum value');
  checkNonNegative('alpha', o.alpha, 'alpha value');
  checkBoolean('centered', o.centered);
}

type RMSpropContext = StepContext<ParamGroup<RMSpropOptions>>;

class ScaleByRms implements GradientTransform<ParamGroup<RMSpropOptions>> {
  readonly kind = 'transform';
  readonly name = 'scaleByRms';
  // This step's scalars, rounded like PyTorch's; read by the block functions below.
  alpha = 0;
  oneMinusAlpha = 0;
  eps = 0;
  momentum = 0;
  centered = false;

  begin(ctx: RMSpropContext): boolean {
    const { alpha, eps, momentum, centered } = ctx.group;
    this.alpha = kernelScalar(ctx, alpha);
    this.oneMinusAlpha = kernelScalar(ctx, 1 - alpha);
    this.eps = kernelScalar(ctx, eps);
    this.momentum = kernelScalar(ctx, momentum);
    this.centered = centered;
    return true;
  }

  update(ctx: RMSpropContext, io: BlockIO): void {
    // The plain variant in a function of its own: optional buffers in the loop slow it down 2–3x.
    if (this.centered || this.momentum > 0) rmsGeneralBlock(this, ctx, io);
    else rmsBlock(this, ctx, io);
  }
}

/** Plain RMSprop over one block: u = g / (√s + ε). */
function rmsBlock(t: ScaleByRms, ctx: RMSpropContext, io: BlockIO): void {
  const { start, end, src, inputScale, inputWeight, dst, keep, scale } = io;
  const w = ctx.w;
  const round = roundingOf(ctx);
  const { alpha, oneMinusAlpha, eps } = t;
  const sq = ctx.state.buffers['square_avg'] ?? stateBuffer(ctx, 'square_avg');
  for (let i = start; i < end; i++) {
    const g = round(inputScale * src[i]! + inputWeight * w[i]!);
    sq[i] = alpha * sq[i]! + oneMinusAlpha * g * g;
    emit(dst, i, (scale * g) / (Math.sqrt(sq[i]!) + eps), keep, round);
  }
}

/** RMSprop with centering and/or momentum over one block (buffers `grad_avg`, `momentum_buffer`). */
function rmsGeneralBlock(t: ScaleByRms, ctx: RMSpropContext, io: BlockIO): void {
  const { start, end, src, inputScale, inputWeight, dst, keep, scale } = io;
  const w = ctx.w;
  const round = roundingOf(ctx);
  const { alpha, oneMinusAlpha, eps, momentum, centered } = t;
  const buffers = ctx.state.buffers;
  const sq = buffers['square_avg'] ?? stateBuffer(ctx, 'square_avg');
  const avgGrad = centered ? (buffers['grad_avg'] ?? stateBuffer(ctx, 'grad_avg')) : null;
  const buf = momentum > 0 ? (buffers['momentum_buffer'] ?? stateBuffer(ctx, 'momentum_buffer')) : null;
  for (let i = start; i < end; i++) {
    const g = round(inputScale * src[i]! + inputWeight * w[i]!);
    sq[i] = alpha * sq[i]! + oneMinusAlpha * g * g;
    let avg: number;
    if (avgGrad !== null) {
      avgGrad[i] = alpha * avgGrad[i]! + oneMinusAlpha * g;
      avg = Math.sqrt(sq[i]! - avgGrad[i]! * avgGrad[i]!) + eps;
    } else {
      avg = Math.sqrt(sq[i]!) + eps;
    }
    let out: number;
    if (buf !== null) {
      buf[i] = momentum * buf[i]! + g / avg;
      out = scale * buf[i]!;
    } else {
      out = (scale * g) / avg;
    }
    emit(dst, i, out, keep, round);
  }
}

/** RMSprop's scaling with its optional centering and momentum; buffers `square_avg`, `grad_avg`, `momentum_buffer`. */
export function scaleByRms(): GradientTransform<ParamGroup<RMSpropOptions>> {
  return new ScaleByRms();
}

const RMSPROP_DEFAULTS: RMSpropOptions = { lr: 1e-2, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0, centered: false, maximize: false, decay: 'l2' };

/** PyTorch's `torch.optim.RMSprop(params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False, maximize=False)`; decay defaults to 'l2'. */
export class RMSprop extends Optimizer<RMSpropOptions> {
  constructor(params: ParamsInput<RMSpropOptions>, options: OptionsInput<RMSpropOptions> = {}) {
    super(params, resolveDefaults('RMSprop', RMSPROP_DEFAULTS, options), {
      name: 'RMSprop',
      validate: validateRMSpropOptions,
      core: () => [scaleByRms()],
      stateKeys: ['square_avg', 'grad_avg', 'momentum_buffer'],
    });
  }
}
