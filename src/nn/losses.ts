/**
 * Loss modules (`nn.MSELoss`, ...): `forward(input, target)` over `nn.functional`'s fused
 * losses. As in PyTorch, per-class `weight` and `pos_weight` tensors are registered as buffers,
 * so they appear in state dicts under those names.
 */
import type { Tensor } from '../tensor/tensor.js';
import { binaryCrossEntropyWithLogits } from './functional/bce-with-logits.js';
import { crossEntropy } from './functional/cross-entropy.js';
import { nllLoss } from './functional/nll-loss.js';
import { huberLoss, l1Loss, mseLoss, smoothL1Loss } from './functional/regression-losses.js';
import { type Reduction, checkNumber, checkReduction } from './functional/util.js';
import { Module } from './module.js';

/** The option every loss takes. */
export interface LossOptions {
  /** 'mean' (default), 'sum' or 'none'. */
  reduction?: Reduction;
}

/** Base of the loss modules: holds the reduction (printed without options, as PyTorch's losses). */
export abstract class Loss extends Module<[Tensor, Tensor], Tensor> {
  readonly reduction: Reduction;

  constructor(options: LossOptions) {
    super();
    this.reduction = checkReduction(new.target.name, options.reduction ?? 'mean');
  }
}

/** Mean squared error (`nn.MSELoss`): (input − target)², reduced. */
export class MSELoss extends Loss {
  constructor(options: LossOptions = {}) {
    super(options);
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return mseLoss(input, target, this.reduction);
  }
}

/** Mean absolute error (`nn.L1Loss`). */
export class L1Loss extends Loss {
  constructor(options: LossOptions = {}) {
    super(options);
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return l1Loss(input, target, this.reduction);
  }
}

/** Huber loss (`nn.HuberLoss`, delta = 1). */
export class HuberLoss extends Loss {
  readonly delta: number;
  constructor(options: LossOptions & { delta?: number } = {}) {
    super(options);
    this.delta = options.delta ?? 1;
    checkNumber('HuberLoss', 'delta', this.delta, 0, false);
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return huberLoss(input, target, this.reduction, this.delta);
  }
}

/** Smooth L1 loss (`nn.SmoothL1Loss`, beta = 1). */
export class SmoothL1Loss extends Loss {
  readonly beta: number;
  constructor(options: LossOptions & { beta?: number } = {}) {
    super(options);
    this.beta = options.beta ?? 1;
    checkNumber('SmoothL1Loss', 'beta', this.beta, 0);
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return smoothL1Loss(input, target, this.reduction, this.beta);
  }
}

/** Options of {@link NLLLoss}. */
export interface NLLLossOptions extends LossOptions {
  /** Per-class weight [C] (a buffer named `weight`). */
  weight?: Tensor | null;
  /** Target value that contributes nothing (default −100). */
  ignoreIndex?: number;
}

/** Negative log-likelihood of class indices (`nn.NLLLoss`). */
export class NLLLoss extends Loss {
  readonly weight: Tensor | null;
  readonly ignoreIndex: number;
  constructor(options: NLLLossOptions = {}) {
    super(options);
    this.weight = this.registerBuffer('weight', options.weight ?? null);
    this.ignoreIndex = options.ignoreIndex ?? -100;
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return nllLoss(input, target, { weight: this.weight, ignoreIndex: this.ignoreIndex, reduction: this.reduction });
  }
}

/** Options of {@link CrossEntropyLoss}. */
export interface CrossEntropyLossOptions extends NLLLossOptions {
  /** ε in [0, 1] (default 0). */
  labelSmoothing?: number;
}

/** Cross-entropy of logits and class indices or probabilities (`nn.CrossEntropyLoss`). */
export class CrossEntropyLoss extends Loss {
  readonly weight: Tensor | null;
  readonly ignoreIndex: number;
  readonly labelSmoothing: number;
  constructor(options: CrossEntropyLossOptions = {}) {
    super(options);
    this.weight = this.registerBuffer('weight', options.weight ?? null);
    this.ignoreIndex = options.ignoreIndex ?? -100;
    this.labelSmoothing = options.labelSmoothing ?? 0;
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return crossEntropy(input, target, {
      weight: this.weight,
      ignoreIndex: this.ignoreIndex,
      reduction: this.reduction,
      labelSmoothing: this.labelSmoothing,
    });
  }
}

/** Options of {@link BCEWithLogitsLoss}. */
export interface BCEWithLogitsLossOptions extends LossOptions {
  /** Element weight, broadcast to the input (a buffer named `weight`). */
  weight?: Tensor | null;
  /** Positive-example weight, broadcast to the input (a buffer named `pos_weight`). */
  posWeight?: Tensor | null;
}

/** Binary cross-entropy on logits, numerically stable (`nn.BCEWithLogitsLoss`). */
export class BCEWithLogitsLoss extends Loss {
  readonly weight: Tensor | null;
  readonly posWeight: Tensor | null;
  constructor(options: BCEWithLogitsLossOptions = {}) {
    super(options);
    this.weight = this.registerBuffer('weight', options.weight ?? null);
    this.posWeight = this.registerBuffer('pos_weight', options.posWeight ?? null);
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return binaryCrossEntropyWithLogits(input, target, { weight: this.weight, posWeight: this.posWeight, reduction: this.reduction });
  }
}
