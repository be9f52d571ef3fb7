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
import { getKernels } from '../../tensor/kernels/registry.js';
import type { AdamBlock } from '../../tensor/kernels/types.js';
import { type BlockIO, type GradientTransform, type StepContext, kernelScalar, stateBuffer } from '../transform.js';
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

const EMPTY = new Float32Array(0);

class ScaleByAdam implements GradientTransform<ParamGroup<AdamOptions>> {
  readonly kind = 'transform';
  readonly name = 'scaleByAdam';
  private readonly corrections = biasCorrections();
  /** This step's scalars, rounded like PyTorch's, and the block the kernel runs over (reused). */
  private readonly block: AdamBlock = {
    start: 0, end: 0, src: EMPTY, inputScale: 1, w: EMPTY, inputWeight: 0, m: EMPTY, v: EMPTY, vMax: null, dst: EMPTY,
    keep: 1, outScale: 0, beta1: 0, oneMinusBeta1: 0, beta2: 0, oneMinusBeta2: 0, eps: 0, bc2Sqrt: 1,
  };
  private amsgrad = false;
  private inverseBc1 = 1;

  begin(ctx: AdamContext): boolean {
    const { betas, eps, amsgrad } = ctx.group;
    const beta1 = betas[0];
    const beta2 = betas[1];
    const block = this.block;
    this.corrections.update(beta1, beta2, ctx.state.step);
    this.amsgrad = amsgrad;
    block.beta1 = kernelScalar(ctx, beta1);
    block.oneMinusBeta1 = kernelScalar(ctx, 1 - beta1);
    block.beta2 = kernelScalar(ctx, beta2);
    block.oneMinusBeta2 = kernelScalar(ctx, 1 - beta2);
    block.eps = kernelScalar(ctx, eps);
    block.bc2Sqrt = kernelScalar(ctx, this.corrections.sqrt2);
    this.inverseBc1 = 1 / this.corrections.first;
    return true;
  }

  /** Runs the Adam kernel of the selected kernel set (reference: float64 loop; wasm: float32 SIMD) over one block. */
  update(ctx: AdamContext, io: BlockIO): void {
    const block = this.block;
    const buffers = ctx.state.buffers;
    block.start = io.start;
    block.end = io.end;
    block.src = io.src;
    block.inputScale = io.inputScale;
    block.w = ctx.w;
    block.inputWeight = io.inputWeight;
    block.m = buffers['exp_avg'] ?? stateBuffer(ctx, 'exp_avg');
    block.v = buffers['exp_avg_sq'] ?? stateBuffer(ctx, 'exp_avg_sq');
    block.vMax = this.amsgrad ? (buffers['max_exp_avg_sq'] ?? stateBuffer(ctx, 'max_exp_avg_sq')) : null;
    block.dst = io.dst;
    block.keep = io.keep;
    block.outScale = kernelScalar(ctx, io.scale * this.inverseBc1);
    getKernels().adam(block);
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
