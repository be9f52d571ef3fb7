/**
 * SGD with momentum, dampening and Nesterov (PyTorch 1.13's single-tensor code). With d = g (+ decay):
 *
 *     b ← d at the first step, else b ← μ·b + (1 − τ)·d         u = d + μ·b (Nesterov) or u = b
 *
 * and w ← w − lr·u. Without momentum u = d.
 */
import { Optimizer } from '../optimizer.js';
import { OptionRangeError } from '../errors.js';
import { checkBoolean, checkCommonOptions, checkNonNegative, resolveDefaults } from '../options.js';
import { type BlockIO, type GradientTransform, type StepContext, emit, kernelScalar, roundingOf, stateBuffer } from '../transform.js';
import type { OptimizerOptions, OptionsInput, ParamGroup, ParamsInput } from '../types.js';

/** Options of SGD (PyTorch's, camelCase). */
export interface SGDOptions extends OptimizerOptions {
  momentum: number;
  dampening: number;
  nesterov: boolean;
}

/** PyTorch's checks: lr, momentum, weightDecay ≥ 0; Nesterov needs momentum > 0 and dampening 0. */
export function validateSGDOptions(o: SGDOptions): void {
  checkCommonOptions(o);
  checkNonNegative('momentum', o.momentum, 'momentum value');
  if (typeof o.dampening !== 'number' || Number.isNaN(o.dampening)) {
    throw new OptionRangeError(`Invalid dampening value: dampening = ${String(o.dampening)} (must be a number)`, 'dampening', o.dampening);
  }
  checkBoolean('nesterov', o.nesterov);
  if (o.nesterov && (o.momentum <= 0 || o.dampening !== 0)) {
    throw new OptionRangeError(
      `Nesterov momentum requires a momentum and zero dampening: nesterov = true with momentum = ${o.momentum}, dampening = ${o.dampening}`,
      'nesterov',
      o.nesterov,
    );
  }
}

type SGDContext = StepContext<ParamGroup<SGDOptions>>;

class SGDMomentum implements GradientTransform<ParamGroup<SGDOptions>> {
  readonly kind = 'transform';
  readonly name = 'sgdMomentum';
  // This step's scalars, rounded like PyTorch's; read by momentumBlock.
  momentum = 0;
  oneMinusDampening = 1;
  nesterov = false;
  private fresh = false;

  begin(ctx: SGDContext): boolean {
    const { momentum, dampening, nesterov } = ctx.group;
    if (momentum === 0) return false;
    this.momentum = kernelScalar(ctx, momentum);
    this.oneMinusDampening = kernelScalar(ctx, 1 - dampening);
    this.nesterov = nesterov;
    this.fresh = ctx.state.buffers['momentum_buffer'] === undefined;
    stateBuffer(ctx, 'momentum_buffer');
    return true;
  }

  update(ctx: SGDContext, io: BlockIO): void {
    // PyTorch's first step copies the update into the buffer (no dampening); then b ← μ·b + (1 − τ)·d.
    // As factors rather than a branch: a conditional store in the loop slows it down.
    momentumBlock(this, ctx, io, this.fresh ? 0 : this.momentum, this.fresh ? 1 : this.oneMinusDampening);
  }
}

/** b ← decay·b + keepUpdate·d (per op rounded, as `buf.mul_(momentum).add_(d, alpha=1 − dampening)`), u = b or d + μ·b. */
function momentumBlock(t: SGDMomentum, ctx: SGDContext, io: BlockIO, decay: number, keepUpdate: number): void {
  const { start, end, src, inputScale, inputWeight, dst, keep, scale } = io;
  const w = ctx.w;
  const round = roundingOf(ctx);
  const buf = ctx.state.buffers['momentum_buffer'] ?? stateBuffer(ctx, 'momentum_buffer');
  const momentum = t.momentum;
  const nesterov = t.nesterov;
  for (let i = start; i < end; i++) {
    const d = round(inputScale * src[i]! + inputWeight * w[i]!);
    buf[i] = decay * buf[i]!;
    buf[i] = buf[i]! + keepUpdate * d;
    emit(dst, i, scale * (nesterov ? d + momentum * buf[i]! : buf[i]!), keep, round);
  }
}

/**
 * Heavy-ball momentum (optax's `trace`, PyTorch's buffer rules): the buffer `momentum_buffer` starts as
 * a copy of the first update, then b ← μ·b + (1 − dampening)·u; outputs b, or u + μ·b with Nesterov.
 * The identity while momentum is 0.
 */
export function sgdMomentum(): GradientTransform<ParamGroup<SGDOptions>> {
  return new SGDMomentum();
}

const SGD_DEFAULTS: Omit<SGDOptions, 'lr'> = { momentum: 0, dampening: 0, weightDecay: 0, nesterov: false, maximize: false, decay: 'l2' };

/** Constructor options of SGD: `lr` is required, as in PyTorch 1.13. */
export type SGDInit = OptionsInput<SGDOptions> & { lr: number };

/** PyTorch's `torch.optim.SGD(params, lr, momentum=0, dampening=0, weight_decay=0, nesterov=False, maximize=False)`; decay defaults to 'l2'. */
export class SGD extends Optimizer<SGDOptions> {
  constructor(params: ParamsInput<SGDOptions>, options: SGDInit) {
    super(params, resolveDefaults('SGD', { ...SGD_DEFAULTS, lr: options.lr }, options), {
      name: 'SGD',
      validate: validateSGDOptions,
      core: () => [sgdMomentum()],
      stateKeys: ['momentum_buffer'],
    });
  }
}
