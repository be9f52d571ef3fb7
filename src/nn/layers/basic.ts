/** Shape and regularisation layers without parameters: `Identity`, `Flatten`, `Dropout`. */
import { ArgumentError } from '../../tensor/errors.js';
import type { Tensor } from '../../tensor/tensor.js';
import { dropout } from '../functional/dropout.js';
import { Module } from '../module.js';
import { pyFloat } from './format.js';

/** Returns its input unchanged (`nn.Identity`). */
export class Identity extends Module {
  forward(x: Tensor): Tensor {
    return x;
  }
}

/** Flattens dims `startDim..endDim` into one (`nn.Flatten`; default 1..−1 keeps the batch dim). */
export class Flatten extends Module {
  constructor(
    readonly startDim = 1,
    readonly endDim = -1,
  ) {
    super();
  }

  forward(x: Tensor): Tensor {
    return x.flatten(this.startDim, this.endDim);
  }

  override extraRepr(): string {
    return `start_dim=${this.startDim}, end_dim=${this.endDim}`;
  }
}

/**
 * Dropout (`nn.Dropout`, p = 0.5): in training, zeroes elements with probability p and scales
 * the rest by 1/(1 − p), with PyTorch's mask for a given seed (see `functional.dropout`); in
 * evaluation, the identity.
 */
export class Dropout extends Module {
  constructor(readonly p = 0.5) {
    super();
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
      throw new ArgumentError(`Dropout: dropout probability has to be between 0 and 1, but got ${p}`, 'p', p);
    }
  }

  forward(x: Tensor): Tensor {
    return dropout(x, this.p, this.training);
  }

  override extraRepr(): string {
    return `p=${pyFloat(this.p)}, inplace=False`;
  }
}
