/** clipGradNorm_ and clipGradValue_ follow torch.nn.utils.clip_grad_norm_ / clip_grad_value_. */
import { describe, expect, it } from 'vitest';
import { Tensor } from '../tensor/tensor.js';
import { NonFiniteNormError, OptionRangeError, clipGradNorm_, clipGradValue_ } from './index.js';

function withGrad(values: number[], shape = [values.length]): Tensor {
  const p = new Tensor(new Float32Array(values.length), shape, { requiresGrad: true });
  p.grad = new Tensor(Float32Array.from(values), shape);
  return p;
}

describe('clipGradNorm_', () => {
  it('scales all gradients by maxNorm / (total + 1e-6) when the total 2-norm exceeds maxNorm, and returns the total', () => {
    const a = withGrad([3, 0], [2, 1]);
    const b = withGrad([4]);
    const total = clipGradNorm_([a, b], 1);
    expect(total).toBe(5);
    const coef = Math.fround(1 / Math.fround(5 + 1e-6));
    expect(Array.from(a.grad!.data)).toEqual([Math.fround(3 * coef), 0]);
    expect(Array.from(b.grad!.data)).toEqual([Math.fround(4 * coef)]);
  });

  it('leaves gradients whose norm is below maxNorm as they are (coefficient clamped to 1)', () => {
    const a = withGrad([0.3, -0.4]);
    expect(clipGradNorm_(a, 10)).toBeCloseTo(0.5, 7);
    expect(Array.from(a.grad!.data)).toEqual([Math.fround(0.3), Math.fround(-0.4)]);
  });

  it('takes the norm of the per-parameter norms for other orders, and the max for Infinity', () => {
    const a = withGrad([1, -2]);
    const b = withGrad([-3]);
    expect(clipGradNorm_([a, b], 100, 1)).toBe(6);
    expect(clipGradNorm_([a, b], 100, Infinity)).toBe(3);
    expect(clipGradNorm_([a, b], 100, 3)).toBeCloseTo(Math.cbrt(1 + 8 + 27), 5);
    clipGradNorm_([a, b], 1.5, Infinity);
    expect(b.grad!.data[0]).toBeCloseTo(-1.5, 5);
  });

  it('skips parameters without grad; with none it returns 0', () => {
    const none = new Tensor(Float32Array.of(1), [1], { requiresGrad: true });
    expect(clipGradNorm_([none], 1)).toBe(0);
    const a = withGrad([6, 8]);
    expect(clipGradNorm_([none, a], 5)).toBe(10);
    expect(none.grad).toBeNull();
  });

  it('with errorIfNonfinite, a NaN or infinite total throws and changes nothing', () => {
    const a = withGrad([Infinity, 1]);
    expect(() => clipGradNorm_(a, 1, 2, true)).toThrow(NonFiniteNormError);
    expect(Array.from(a.grad!.data)).toEqual([Infinity, 1]);
    expect(clipGradNorm_(a, 1)).toBe(Infinity);
  });

  it('rejects a negative maxNorm or a non-positive normType', () => {
    expect(() => clipGradNorm_(withGrad([1]), -1)).toThrow(OptionRangeError);
    expect(() => clipGradNorm_(withGrad([1]), 1, 0)).toThrow(/normType/);
  });
});

describe('clipGradValue_', () => {
  it('clamps every element into [−clipValue, clipValue], NaN stays NaN', () => {
    const a = withGrad([-3, -0.5, 0, 0.5, 3, Number.NaN]);
    clipGradValue_([a], 1);
    expect(Array.from(a.grad!.data)).toEqual([-1, -0.5, 0, 0.5, 1, Number.NaN]);
  });

  it('rejects a negative clipValue', () => {
    expect(() => clipGradValue_(withGrad([1]), -0.1)).toThrow(OptionRangeError);
  });
});
