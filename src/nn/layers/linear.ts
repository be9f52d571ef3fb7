/** `nn.Linear`: y = x·Wᵀ + b through the fused `linear` op, with PyTorch's default initialisation. */
import type { FloatDType } from '../../tensor/dtype.js';
import { ArgumentError } from '../../tensor/errors.js';
import { linear } from '../functional/linear.js';
import { zeros } from '../../tensor/creation.js';
import type { Tensor } from '../../tensor/tensor.js';
import { calculateFanInAndFanOut, kaimingUniform_, uniform_ } from '../init.js';
import { Module } from '../module.js';
import { pyBool } from './format.js';

/** Options of {@link Linear} (PyTorch's keyword arguments). */
export interface LinearOptions {
  /** Learn an additive bias (default true). */
  bias?: boolean;
  /** Parameter dtype (float32 unless given; float64 for gradcheck). */
  dtype?: FloatDType;
}

/** Checks a feature count: a non-negative integer. */
export function checkFeatures(layer: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new ArgumentError(`${layer}: ${name} must be a non-negative integer, got ${value}`, name, value);
  }
}

/**
 * Affine layer (`nn.Linear`): input [..., inFeatures] → [..., outFeatures]. `weight` is
 * [outFeatures, inFeatures] with kaiming_uniform_(a = √5), i.e. U(±1/√inFeatures); `bias`
 * is U(±1/√inFeatures) (0 bound when inFeatures = 0). Weight is drawn before bias.
 */
export class Linear extends Module {
  readonly inFeatures: number;
  readonly outFeatures: number;
  readonly weight: Tensor;
  readonly bias: Tensor | null;

  constructor(inFeatures: number, outFeatures: number, options: LinearOptions = {}) {
    super();
    checkFeatures('Linear', 'inFeatures', inFeatures);
    checkFeatures('Linear', 'outFeatures', outFeatures);
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    const dtype = options.dtype ?? 'float32';
    this.weight = this.registerParameter('weight', zeros([outFeatures, inFeatures], { dtype }));
    this.bias = this.registerParameter('bias', options.bias === false ? null : zeros([outFeatures], { dtype }));
    this.resetParameters();
  }

  /** Redraws the parameters with PyTorch's default initialisation (`reset_parameters`). */
  resetParameters(): void {
    kaimingUniform_(this.weight, { a: Math.sqrt(5) });
    if (this.bias !== null) {
      const { fanIn } = calculateFanInAndFanOut(this.weight);
      const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
      uniform_(this.bias, -bound, bound);
    }
  }

  forward(x: Tensor): Tensor {
    return linear(x, this.weight, this.bias);
  }

  override extraRepr(): string {
    return `in_features=${this.inFeatures}, out_features=${this.outFeatures}, bias=${pyBool(this.bias !== null)}`;
  }
}
