/**
 * Adagrad (PyTorch 1.13's single-tensor code). Per element, at step t:
 *
 *     s ← s + g²        u = g / (√s + ε)        w ← w − clr·u,   clr = lr / (1 + (t − 1)·lrDecay)
 *
 * `sum` starts at `initialAccumulatorValue` and, as in PyTorch, is created for every parameter when
 * the optimizer is constructed.
 */
import { Optimizer } from '../optimizer.js';
import { checkCommonOptions, checkNonNegative, resolveDefaults } from '../options.js';
import { type BlockIO, type GradientTransform, type ScaleStage, type StepContext, emit, kernelScalar, roundingOf, stateBuffer } from '../transform.js';
import type { OptimizerOptions, OptionsInput, ParamGroup, ParamsInput } from '../types.js';

/** Options of Adagrad (PyTorch's, camelCase). */
export interface AdagradOptions extends OptimizerOptions {
  lrDecay: number;
  initialAccumulatorValue: number;
  eps: number;
}

/** PyTorch's checks: lr, lrDecay, weightDecay, initialAccumulatorValue, eps ≥ 0. */
export function validateAdagradOptions(o: AdagradOptions): void {
  checkCommonOptions(o);
  checkNonNegative('lrDecay', o.lrDecay, 'lr_decay value');
  checkNonNegative('initialAccumulatorValue', o.initialAccumulatorValue, 'initial_accumulator_value value');
  checkNonNegative('eps', o.eps, 'epsilon value');
}

type AdagradContext = StepContext<ParamGroup<AdagradOptions>>;

class ScaleByAdagrad implements GradientTransform<ParamGroup<AdagradOptions>> {
  readonly kind = 'transform';
  readonly name = 'scaleByAdagrad';
  private eps = 0;

  begin(ctx: AdagradContext): boolean {
    this.eps = kernelScalar(ctx, ctx.group.eps);
    if (ctx.state.buffers['sum'] === undefined) stateBuffer(ctx, 'sum', ctx.group.initialAccumulatorValue);
    return true;
  }

  update(ctx: AdagradContext, io: BlockIO): void {
    const { start, end, src, inputScale, inputWeight, dst, keep, scale } = io;
    const w = ctx.w;
    const round = roundingOf(ctx);
    const sum = ctx.state.buffers['sum'] ?? stateBuffer(ctx, 'sum');
    const eps = this.eps;
    for (let i = start; i < end; i++) {
      const g = round(inputScale * src[i]! + inputWeight * w[i]!);
      sum[i] = sum[i]! + g * g;
      const out = (scale * g) / (Math.sqrt(sum[i]!) + eps);
      emit(dst, i, out, keep, round);
    }
  }
}

/** Adagrad's scaling (optax's `scale_by_rss`): s ← s + g², u = g / (√s + ε); buffer `sum`. */
export function scaleByAdagrad(): GradientTransform<ParamGroup<AdagradOptions>> {
  return new ScaleByAdagrad();
}

class AdagradLrDecay implements ScaleStage<ParamGroup<AdagradOptions>> {
  readonly kind = 'scale';
  readonly name = 'adagradLrDecay';

  factor(ctx: AdagradContext): number {
    return 1 / (1 + (ctx.state.step - 1) * ctx.group.lrDecay);
  }
}

/** Adagrad's learning-rate decay as a scale: 1 / (1 + (t − 1)·lrDecay). */
export function adagradLrDecay(): ScaleStage<ParamGroup<AdagradOptions>> {
  return new AdagradLrDecay();
}

const ADAGRAD_DEFAULTS: AdagradOptions = { lr: 1e-2, lrDecay: 0, weightDecay: 0, initialAccumulatorValue: 0, eps: 1e-10, maximize: false, decay: 'l2' };

/** PyTorch's `torch.optim.Adagrad(params, lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10, maximize=False)`; decay defaults to 'l2'. */
export class Adagrad extends Optimizer<AdagradOptions> {
  constructor(params: ParamsInput<AdagradOptions>, options: OptionsInput<AdagradOptions> = {}) {
    super(params, resolveDefaults('Adagrad', ADAGRAD_DEFAULTS, options), {
      name: 'Adagrad',
      validate: validateAdagradOptions,
      core: () => [scaleByAdagrad(), adagradLrDecay()],
      stateKeys: ['sum'],
      eagerState: true,
      initState(state, param, group) {
        const sum = param.dtype === 'float64' ? new Float64Array(param.size) : new Float32Array(param.size);
        state.buffers['sum'] = sum.fill(group.initialAccumulatorValue);
      },
    });
  }
}
