/**
 * Loss modules: typed errors for bad input (shapes named, option names, out-of-range classes),
 * output shapes per reduction, and the article's argument order (gradient through the target).
 * Values and gradients are checked against PyTorch in modules.torch.test.ts and
 * functional/functional.torch.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { full, tensor, zeros } from '../tensor/creation.js';
import { ArgumentError, DTypeError, IndexError, ShapeError } from '../tensor/errors.js';
import { Tensor } from '../tensor/tensor.js';
import { BCEWithLogitsLoss, CrossEntropyLoss, HuberLoss, L1Loss, MSELoss, NLLLoss, SmoothL1Loss } from './losses.js';
import type { Reduction } from './functional/util.js';

function shapeErrorOf(fn: () => unknown): ShapeError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ShapeError) return e;
    throw e;
  }
  throw new Error('expected a ShapeError');
}

describe('regression losses', () => {
  it('refuse to broadcast [N, 1] against [N] and name both shapes', () => {
    const e = shapeErrorOf(() => new MSELoss().forward(zeros([20, 1]), zeros([20])));
    expect(e.shapes).toEqual([[20, 1], [20]]);
    expect(e.message).toMatch(/target shape \[20\] does not match input shape \[20, 1\]/);
    expect(() => new L1Loss().forward(zeros([3]), zeros([4]))).toThrow(ShapeError);
  });

  it('refuse mixed dtypes and index tensors', () => {
    expect(() => new MSELoss().forward(zeros([2]), zeros([2], { dtype: 'float64' }))).toThrow(DTypeError);
    expect(() => new MSELoss().forward(zeros([2], { dtype: 'int32' }), zeros([2]))).toThrow(DTypeError);
  });

  it('check their options', () => {
    expect(() => new MSELoss({ reduction: 'avg' as Reduction })).toThrow(ArgumentError);
    expect(() => new HuberLoss({ delta: 0 })).toThrow(ArgumentError);
    expect(() => new SmoothL1Loss({ beta: -1 })).toThrow(ArgumentError);
  });

  it("'none' keeps the input's shape; 'mean' and 'sum' give 0-d tensors", () => {
    const x = tensor([[1, 2], [3, 4]]);
    const t = zeros([2, 2]);
    expect(new MSELoss({ reduction: 'none' }).forward(x, t).shape).toEqual([2, 2]);
    expect(new MSELoss({ reduction: 'sum' }).forward(x, t).item()).toBe(30);
    expect(new MSELoss().forward(x, t).item()).toBe(7.5);
  });

  it("differentiates the target: the article's MSELoss()(y, prediction)", () => {
    const y = tensor([1, 2, 3]);
    const pred = tensor([0, 2, 5], { requiresGrad: true });
    new MSELoss().forward(y, pred).backward();
    expect(Array.from(pred.grad!.data, (v) => v + 0)).toEqual([(2 * (0 - 1)) / 3, 0, (2 * (5 - 3)) / 3].map(Math.fround));
  });
});

describe('classification losses', () => {
  it('CrossEntropyLoss names the target shape it expected', () => {
    const e = shapeErrorOf(() => new CrossEntropyLoss().forward(zeros([5, 4]), zeros([5, 1])));
    expect(e.message).toMatch(/expected a class-index target of shape \[5\] for input of shape \[5, 4\], got target of shape \[5, 1\]/);
    expect(() => new CrossEntropyLoss().forward(zeros([5, 4]), zeros([5, 3]))).toThrow(ShapeError);
    expect(() => new CrossEntropyLoss().forward(zeros([5, 4]), zeros([5, 4], { dtype: 'int32' }))).toThrow(DTypeError);
  });

  it('out-of-range and non-integer classes are typed errors', () => {
    const ce = new CrossEntropyLoss();
    expect(() => ce.forward(zeros([2, 3]), new Tensor(Int32Array.from([0, 3]), [2]))).toThrow(IndexError);
    expect(() => ce.forward(zeros([2, 3]), tensor([0, 1.5]))).toThrow(ArgumentError);
    expect(() => new NLLLoss().forward(zeros([2, 3]), new Tensor(Int32Array.from([-1, 0]), [2]))).toThrow(IndexError);
    expect(new NLLLoss({ ignoreIndex: -1 }).forward(tensor([[1, 2, 3], [4, 5, 6]]), new Tensor(Int32Array.from([-1, 0]), [2])).item()).toBe(-4);
  });

  it('per-class weights must have one value per class', () => {
    expect(() => new CrossEntropyLoss({ weight: full([3], 1) }).forward(zeros([2, 4]), tensor([0, 1]))).toThrow(/weight must have shape \[4\]/);
    expect(() => new CrossEntropyLoss({ labelSmoothing: 1.5 })).not.toThrow();
    expect(() => new CrossEntropyLoss({ labelSmoothing: 1.5 }).forward(zeros([2, 4]), tensor([0, 1]))).toThrow(ArgumentError);
  });

  it("'none' gives one loss per position", () => {
    const ce = new CrossEntropyLoss({ reduction: 'none' });
    expect(ce.forward(zeros([3, 4, 5]), zeros([3, 5])).shape).toEqual([3, 5]);
    expect(ce.forward(zeros([4]), tensor(1)).shape).toEqual([]);
    expect(ce.forward(zeros([4]), tensor(1)).item()).toBeCloseTo(Math.log(4), 6);
  });

  it('BCEWithLogitsLoss checks target and weight shapes', () => {
    expect(() => new BCEWithLogitsLoss().forward(zeros([4, 3]), zeros([4]))).toThrow(ShapeError);
    const bce = new BCEWithLogitsLoss({ posWeight: full([2], 1) });
    expect(() => bce.forward(zeros([4, 3]), zeros([4, 3]))).toThrow(/posWeight of shape \[2\] cannot be broadcast to the input shape \[4, 3\]/);
  });

  it('BCEWithLogitsLoss is finite for large logits', () => {
    const l = new BCEWithLogitsLoss({ reduction: 'none' }).forward(tensor([-200, 200]), tensor([1, 0]));
    expect(Array.from(l.data)).toEqual([200, 200]);
  });
});
