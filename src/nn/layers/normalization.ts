/** `nn.LayerNorm` and `nn.BatchNorm1d` over the fused kernels, with PyTorch's defaults. */
import { full, zeros } from '../../tensor/creation.js';
import type { FloatDType } from '../../tensor/dtype.js';
import { ShapeError, formatShape } from '../../tensor/errors.js';
import { Tensor } from '../../tensor/tensor.js';
import { batchNorm } from '../functional/batch-norm.js';
import { layerNorm, normalizedShapeOf } from '../functional/layer-norm.js';
import { checkNumber } from '../functional/util.js';
import { Module } from '../module.js';
import { pyBool, pyFloat } from './format.js';
import { checkFeatures } from './linear.js';

/** Options of {@link LayerNorm} (PyTorch's keyword arguments). */
export interface LayerNormOptions {
  /** Added to the variance (default 1e-5). */
  eps?: number;
  /** Learn a per-element scale (ones) and shift (zeros) (default true). */
  elementwiseAffine?: boolean;
  /** Parameter dtype (float32 unless given). */
  dtype?: FloatDType;
}

/**
 * Layer normalisation (`nn.LayerNorm`) over the trailing `normalizedShape` dims:
 * y = (x − E[x])/√(Var[x] + eps)·weight + bias, weight initialised to ones and bias to zeros.
 */
export class LayerNorm extends Module {
  readonly normalizedShape: readonly number[];
  readonly eps: number;
  readonly elementwiseAffine: boolean;
  readonly weight: Tensor | null;
  readonly bias: Tensor | null;

  constructor(normalizedShape: number | readonly number[], options: LayerNormOptions = {}) {
    super();
    this.normalizedShape = Object.freeze(normalizedShapeOf(normalizedShape));
    for (const s of this.normalizedShape) checkFeatures('LayerNorm', 'normalizedShape', s);
    this.eps = options.eps ?? 1e-5;
    checkNumber('LayerNorm', 'eps', this.eps, 0);
    this.elementwiseAffine = options.elementwiseAffine ?? true;
    const dtype = options.dtype ?? 'float32';
    this.weight = this.registerParameter('weight', this.elementwiseAffine ? full(this.normalizedShape, 1, { dtype }) : null);
    this.bias = this.registerParameter('bias', this.elementwiseAffine ? zeros(this.normalizedShape, { dtype }) : null);
  }

  forward(x: Tensor): Tensor {
    return layerNorm(x, this.normalizedShape, this.weight, this.bias, this.eps);
  }

  override extraRepr(): string {
    const shape = this.normalizedShape.length === 1 ? `(${this.normalizedShape[0]},)` : `(${this.normalizedShape.join(', ')})`;
    return `${shape}, eps=${pyFloat(this.eps)}, elementwise_affine=${pyBool(this.elementwiseAffine)}`;
  }
}

/** Options of {@link BatchNorm1d} (PyTorch's keyword arguments). */
export interface BatchNormOptions {
  /** Added to the variance (default 1e-5). */
  eps?: number;
  /** Weight of the new batch in the running statistics (default 0.1); null for a cumulative average. */
  momentum?: number | null;
  /** Learn a per-channel scale and shift (default true). */
  affine?: boolean;
  /** Keep running statistics (default true); without them evaluation also uses batch statistics. */
  trackRunningStats?: boolean;
  /** Parameter and statistics dtype (float32 unless given). */
  dtype?: FloatDType;
}

/**
 * Batch normalisation over [N, C] or [N, C, L] inputs (`nn.BatchNorm1d`). Training normalises
 * with the batch's statistics and updates `running_mean`/`running_var` (unbiased variance) and
 * `num_batches_tracked`; evaluation uses the running statistics. Buffers carry PyTorch's names.
 */
export class BatchNorm1d extends Module {
  readonly numFeatures: number;
  readonly eps: number;
  readonly momentum: number | null;
  readonly affine: boolean;
  readonly trackRunningStats: boolean;
  readonly weight: Tensor | null;
  readonly bias: Tensor | null;
  readonly runningMean: Tensor | null;
  readonly runningVar: Tensor | null;
  /** Batches seen in training (int32; PyTorch uses int64). */
  readonly numBatchesTracked: Tensor | null;

  constructor(numFeatures: number, options: BatchNormOptions = {}) {
    super();
    checkFeatures('BatchNorm1d', 'numFeatures', numFeatures);
    this.numFeatures = numFeatures;
    this.eps = options.eps ?? 1e-5;
    checkNumber('BatchNorm1d', 'eps', this.eps, 0);
    this.momentum = options.momentum === undefined ? 0.1 : options.momentum;
    if (this.momentum !== null) checkNumber('BatchNorm1d', 'momentum', this.momentum);
    this.affine = options.affine ?? true;
    this.trackRunningStats = options.trackRunningStats ?? true;
    const dtype = options.dtype ?? 'float32';
    this.weight = this.registerParameter('weight', this.affine ? full([numFeatures], 1, { dtype }) : null);
    this.bias = this.registerParameter('bias', this.affine ? zeros([numFeatures], { dtype }) : null);
    const track = this.trackRunningStats;
    this.runningMean = this.registerBuffer('running_mean', track ? zeros([numFeatures], { dtype }) : null);
    this.runningVar = this.registerBuffer('running_var', track ? full([numFeatures], 1, { dtype }) : null);
    this.numBatchesTracked = this.registerBuffer('num_batches_tracked', track ? new Tensor(new Int32Array(1), []) : null);
  }

  /** Resets the running statistics: mean 0, variance 1, no batches (`reset_running_stats`). */
  resetRunningStats(): void {
    this.runningMean?.data.fill(0);
    this.runningVar?.data.fill(1);
    this.numBatchesTracked?.data.fill(0);
  }

  forward(x: Tensor): Tensor {
    if (x.ndim !== 2 && x.ndim !== 3) {
      throw new ShapeError(`BatchNorm1d: expected 2D or 3D input (got ${x.ndim}D input of shape ${formatShape(x.shape)})`, [x.shape]);
    }
    if (x.shape[1] !== this.numFeatures) {
      throw new ShapeError(
        `BatchNorm1d: input of shape ${formatShape(x.shape)} has ${x.shape[1]} channels in dim 1, expected ${this.numFeatures}`,
        [x.shape, [this.numFeatures]],
      );
    }
    let factor = this.momentum ?? 0;
    const counter = this.numBatchesTracked;
    if (this.training && this.trackRunningStats && counter !== null) {
      counter.data[0] = counter.data[0]! + 1;
      factor = this.momentum === null ? 1 / counter.data[0]! : this.momentum;
    }
    const useBatchStats = this.training || (this.runningMean === null && this.runningVar === null);
    const passStats = !this.training || this.trackRunningStats;
    return batchNorm(
      x,
      passStats ? this.runningMean : null,
      passStats ? this.runningVar : null,
      this.weight,
      this.bias,
      useBatchStats,
      factor,
      this.eps,
    );
  }

  override extraRepr(): string {
    const momentum = this.momentum === null ? 'None' : pyFloat(this.momentum);
    return `${this.numFeatures}, eps=${pyFloat(this.eps)}, momentum=${momentum}, affine=${pyBool(this.affine)}, track_running_stats=${pyBool(this.trackRunningStats)}`;
  }
}

