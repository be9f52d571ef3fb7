/** gradcheck itself: it passes correct gradients and catches wrong, missing and NaN ones. */
import { describe, expect, it } from 'vitest';
import { tensor } from '../creation.js';
import { ArgumentError, DTypeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { GradcheckError, gradcheck } from './gradcheck.js';
import { needsGrad, record } from './node.js';

const f64 = (values: number[], shape?: number[], requiresGrad = true): Tensor =>
  tensor(Float64Array.from(values), { shape: shape ?? [values.length], requiresGrad });

/** x³ with a backward that is off by `error` (0 gives the correct 3x²). */
function cube(x: Tensor, error = 0): Tensor {
  const out = new Tensor(x.data.map((v) => v * v * v), x.shape);
  if (needsGrad(x)) record(out, 'CubeBackward', [x], (g) => [g.mul(x.mul(x).mul(3).add(error))]);
  return out;
}

describe('gradcheck', () => {
  it('passes a correct gradient, including several inputs and outputs', () => {
    const a = f64([0.5, -1.2, 2], [3]);
    const b = f64([1.5, 0.3, -0.7], [3]);
    expect(gradcheck((x) => cube(x), [a])).toBe(true);
    expect(gradcheck((x, y) => [x!.mul(y!), x!.sub(y!).exp().sum()], [a, b])).toBe(true);
  });

  it('throws a GradcheckError naming the mismatching entry for a wrong gradient', () => {
    const a = f64([0.5, -1.2]);
    let err: unknown;
    try {
      gradcheck((x) => cube(x, 0.1), [a]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GradcheckError);
    const g = err as GradcheckError;
    expect(g.input).toBe(0);
    expect(g.inputIndex).toBe(0);
    expect(g.outputIndex).toBe(0);
    expect(g.analytical).toBeCloseTo(0.85, 9);
    expect(g.numerical).toBeCloseTo(0.75, 6);
    expect(g.message).toMatch(/input 0 element 0.*analytical/);
  });

  it('returns false instead of throwing when raiseException is false', () => {
    expect(gradcheck((x) => cube(x, 0.1), [f64([1])], { raiseException: false })).toBe(false);
  });

  it('fails an op that forgets to record its graph (output does not require grad)', () => {
    const forgetful = (x: Tensor): Tensor => new Tensor(x.data.map((v) => 2 * v), x.shape);
    expect(gradcheck(forgetful, [f64([1, 2])], { raiseException: false })).toBe(false);
    expect(() => gradcheck((x) => x.detach().mul(2), [f64([1])])).toThrow(GradcheckError);
  });

  it('fails a NaN gradient', () => {
    const nanGrad = (x: Tensor): Tensor => {
      const out = new Tensor(x.data.slice(), x.shape);
      record(out, 'NaNBackward', [x], (g) => [g.mul(NaN)]);
      return out;
    };
    expect(gradcheck(nanGrad, [f64([1])], { raiseException: false })).toBe(false);
  });

  it('checks only inputs that require grad and leaves every .grad as it was', () => {
    const a = f64([0.5, 2]);
    const c = f64([3, 4], [2], false);
    const before = f64([7, 7], [2], false);
    a.grad = before;
    expect(gradcheck((x, y) => x!.mul(y!), [a, c])).toBe(true);
    expect(a.grad).toBe(before);
    expect(before.toArray()).toEqual([7, 7]);
    expect(c.grad).toBeNull();
    expect(a.toArray()).toEqual([0.5, 2]);
  });

  it('requires float64 inputs and at least one input that requires grad', () => {
    expect(() => gradcheck((x) => x.mul(2), [tensor([1], { requiresGrad: true })])).toThrow(DTypeError);
    expect(() => gradcheck((x) => x.mul(2), [f64([1], [1], false)])).toThrow(ArgumentError);
  });

  it('passes composite graphs: an MLP-like block with normalisation, reused tensors and reductions', () => {
    const x = f64([0.3, -1.1, 0.8, 1.7, -0.4, 0.9], [2, 3]);
    const w = f64([0.5, -0.2, 0.1, 0.7, -0.6, 0.3, 0.2, 0.4, -0.9, 0.05, 0.6, -0.35], [4, 3]);
    const b = f64([0.1, -0.1, 0.2, 0], [4]);
    const block = (xx: Tensor, ww: Tensor, bb: Tensor): Tensor => {
      const h = xx.matmul(ww.t()).add(bb); // [2, 4]
      const mu = h.mean(-1, true);
      const centered = h.sub(mu);
      const normed = centered.div(centered.pow(2).mean(-1, true).add(1e-5).sqrt());
      const act = normed.maximum(normed.mul(0.1)); // leaky ReLU
      return act.pow(2).sum(0).add(act.abs().max(1).sum()).mul(h.norm(2, 1).mean());
    };
    expect(gradcheck((xx, ww, bb) => block(xx!, ww!, bb!), [x, w, b])).toBe(true);
  });

  it('applies the tolerances atol + rtol·|numerical|', () => {
    // Analytical 3x² + 1e-4 against numerical 3x² = 3 at x = 1: fails atol 1e-5 with rtol 0, passes rtol 1e-3.
    expect(gradcheck((x) => cube(x, 1e-4), [f64([1])], { rtol: 0, raiseException: false })).toBe(false);
    expect(gradcheck((x) => cube(x, 1e-4), [f64([1])])).toBe(true);
  });
});
