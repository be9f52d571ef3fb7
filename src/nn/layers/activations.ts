/** Activation layers: thin modules over `nn.functional`'s fused activations, PyTorch's defaults. */
import type { Tensor } from '../../tensor/tensor.js';
import { type GeluApproximate, elu, gelu, leakyRelu, relu, sigmoid, silu, softplus, tanh } from '../functional/activations.js';
import { logSoftmax, softmax } from '../functional/softmax.js';
import { Module } from '../module.js';
import { pyFloat, pyNumber } from './format.js';

/** max(x, 0) (`nn.ReLU`). */
export class ReLU extends Module {
  forward(x: Tensor): Tensor {
    return relu(x);
  }
}

/** x for x > 0, else negativeSlope·x (`nn.LeakyReLU`, negativeSlope = 0.01). */
export class LeakyReLU extends Module {
  constructor(readonly negativeSlope = 0.01) {
    super();
  }
  forward(x: Tensor): Tensor {
    return leakyRelu(x, this.negativeSlope);
  }
  override extraRepr(): string {
    return `negative_slope=${pyNumber(this.negativeSlope)}`;
  }
}

/** x for x > 0, else α(eˣ − 1) (`nn.ELU`, α = 1). */
export class ELU extends Module {
  constructor(readonly alpha = 1) {
    super();
  }
  forward(x: Tensor): Tensor {
    return elu(x, this.alpha);
  }
  override extraRepr(): string {
    return `alpha=${pyFloat(this.alpha)}`;
  }
}

/** x·Φ(x) with the exact erf (`nn.GELU`); `approximate: 'tanh'` for the tanh form. */
export class GELU extends Module {
  constructor(readonly approximate: GeluApproximate = 'none') {
    super();
  }
  forward(x: Tensor): Tensor {
    return gelu(x, this.approximate);
  }
  override extraRepr(): string {
    return `approximate='${this.approximate}'`;
  }
}

/** x·σ(x) (`nn.SiLU`). */
export class SiLU extends Module {
  forward(x: Tensor): Tensor {
    return silu(x);
  }
}

/** 1/(1 + e⁻ˣ) (`nn.Sigmoid`). */
export class Sigmoid extends Module {
  forward(x: Tensor): Tensor {
    return sigmoid(x);
  }
}

/** tanh(x) (`nn.Tanh`). */
export class Tanh extends Module {
  forward(x: Tensor): Tensor {
    return tanh(x);
  }
}

/** log(1 + e^(βx))/β, linear above `threshold` (`nn.Softplus`, β = 1, threshold = 20). */
export class Softplus extends Module {
  constructor(
    readonly beta = 1,
    readonly threshold = 20,
  ) {
    super();
  }
  forward(x: Tensor): Tensor {
    return softplus(x, this.beta, this.threshold);
  }
  override extraRepr(): string {
    return `beta=${pyNumber(this.beta)}, threshold=${pyNumber(this.threshold)}`;
  }
}

/** Softmax along `dim` (`nn.Softmax(dim)`); the dim must be given. */
export class Softmax extends Module {
  constructor(readonly dim: number) {
    super();
  }
  forward(x: Tensor): Tensor {
    return softmax(x, this.dim);
  }
  override extraRepr(): string {
    return `dim=${this.dim}`;
  }
}

/** Log-softmax along `dim` (`nn.LogSoftmax(dim)`). */
export class LogSoftmax extends Module {
  constructor(readonly dim: number) {
    super();
  }
  forward(x: Tensor): Tensor {
    return logSoftmax(x, this.dim);
  }
  override extraRepr(): string {
    return `dim=${this.dim}`;
  }
}
