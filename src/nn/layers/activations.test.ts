/**
 * Activation layers: options are checked with typed errors, index tensors are refused, NaN
 * passes through ReLU, and the softmaxes are stable for huge logits. Values and gradients are
 * checked against PyTorch in modules.torch.test.ts and functional/functional.torch.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { tensor } from '../../tensor/creation.js';
import { ArgumentError, DTypeError, IndexError } from '../../tensor/errors.js';
import { Tensor } from '../../tensor/tensor.js';
import type { GeluApproximate } from '../functional/activations.js';
import { ELU, GELU, LeakyReLU, LogSoftmax, ReLU, Softmax, Softplus } from './activations.js';

describe('activation layers', () => {
  it('reject bad options when run', () => {
    const x = tensor([1, -1]);
    expect(() => new Softplus(0).forward(x)).toThrow(ArgumentError);
    expect(() => new GELU('fast' as GeluApproximate).forward(x)).toThrow(ArgumentError);
    expect(() => new LeakyReLU(Number.NaN).forward(x)).toThrow(ArgumentError);
    expect(() => new ELU(Infinity).forward(x)).toThrow(ArgumentError);
    expect(() => new Softmax(2).forward(tensor([[1, 2]]))).toThrow(IndexError);
  });

  it('refuse int32 tensors', () => {
    expect(() => new ReLU().forward(new Tensor(Int32Array.from([1, -1]), [2]))).toThrow(DTypeError);
  });

  it('ReLU passes NaN and zeroes −0', () => {
    const y = new ReLU().forward(tensor([Number.NaN, -0, 2, -3]));
    expect(Number.isNaN(y.data[0]!)).toBe(true);
    expect(Object.is(y.data[1], 0)).toBe(true);
    expect(Array.from(y.data.subarray(2))).toEqual([2, 0]);
  });

  it('softmax and log-softmax stay finite for logits near the float32 limit', () => {
    const x = tensor([[3e38, 3e38, -3e38]]);
    expect(Array.from(new Softmax(1).forward(x).data)).toEqual([0.5, 0.5, 0]);
    const l = new LogSoftmax(1).forward(x).data;
    expect(l[0]).toBeCloseTo(-Math.LN2, 6);
    expect(l[2]).toBe(-Infinity);
  });
});
