/**
 * Linear→LayerNorm fusion: the fused op gives exactly the numbers of the separate ops (outputs
 * and every gradient, float32), passes gradcheck in every configuration of optional and frozen
 * parameters, and is applied only where the LayerNorm normalises the Linear's outputs.
 */
import { describe, expect, it } from 'vitest';
import { gradcheck } from '../tensor/autograd/gradcheck.js';
import { zeros } from '../tensor/creation.js';
import { ShapeError } from '../tensor/errors.js';
import { Generator, manualSeed } from '../tensor/random/generator.js';
import { uniform_ } from '../tensor/random/distributions.js';
import { Tensor } from '../tensor/tensor.js';
import { Sequential } from './containers.js';
import { linearLayerNorm } from './functional/linear-layer-norm.js';
import { ReLU } from './layers/activations.js';
import { Linear } from './layers/linear.js';
import { LayerNorm } from './layers/normalization.js';
import { mseLoss } from './functional/regression-losses.js';
import { noGrad } from '../tensor/autograd/grad-mode.js';
import type { Module } from './module.js';

const gen = new Generator(99);

function input(shape: number[], dtype: 'float32' | 'float64' = 'float32', requiresGrad = false): Tensor {
  const t = zeros(shape, { dtype });
  noGrad(() => uniform_(t, -2, 2, gen));
  t.requiresGrad = requiresGrad;
  return t;
}

/** Runs `seq` fused (its forward) and unfused (module by module); returns outputs and gradients. */
function both(seq: Sequential, x: Tensor): { fused: number[][]; unfused: number[][] } {
  const run = (forward: () => Tensor): number[][] => {
    seq.zeroGrad();
    const y = forward();
    mseLoss(y, zeros(y.shape)).backward();
    return [Array.from(y.data), ...seq.parameters().map((p) => Array.from(p.grad?.data ?? []))];
  };
  const fused = run(() => seq.forward(x));
  const unfused = run(() => {
    let y = x;
    for (const m of seq) y = m.forward(y);
    return y;
  });
  return { fused, unfused };
}

describe('Linear→LayerNorm fusion', () => {
  it('gives bit-identical outputs and gradients to the separate ops', () => {
    manualSeed(5);
    const seq = new Sequential(new Linear(3, 6), new LayerNorm(6), new ReLU(), new Linear(6, 6), new LayerNorm(6, { elementwiseAffine: false }), new Linear(6, 2));
    const { fused, unfused } = both(seq, input([7, 3]));
    expect(fused).toEqual(unfused);
  });

  it('records one node per fused pair', () => {
    const seq = new Sequential(new Linear(3, 4), new LayerNorm(4));
    expect(seq.forward(input([2, 3])).gradFn?.name).toBe('LinearLayerNormBackward');
    const notFused = new Sequential(new Linear(3, 4), new LayerNorm([2, 4]));
    expect(notFused.forward(input([2, 2, 3])).gradFn?.name).toBe('NativeLayerNormBackward0');
  });

  it('passes gradcheck with optional and frozen parameters', () => {
    const configs: [boolean, boolean, boolean, boolean][] = [
      [true, true, true, true],
      [false, true, true, true],
      [true, true, false, true],
      [true, false, true, false],
      [false, false, false, false],
    ];
    for (const [xGrad, hasBias, affine, frozenLinear] of configs) {
      const x = input([5, 3], 'float64', xGrad);
      const w = input([4, 3], 'float64', !frozenLinear);
      const b = hasBias ? input([4], 'float64', !frozenLinear) : null;
      const gamma = affine ? input([4], 'float64', true) : null;
      const beta = affine ? input([4], 'float64', true) : null;
      const params = [x, w, b, gamma, beta].filter((t): t is Tensor => t !== null);
      if (!params.some((t) => t.requiresGrad)) continue;
      expect(gradcheck(() => linearLayerNorm(x, w, b, gamma, beta, 1e-3), params)).toBe(true);
    }
  });

  it('names the shapes it rejects', () => {
    expect(() => linearLayerNorm(zeros([2, 3]), zeros([4, 3]), null, zeros([5]), null)).toThrow(ShapeError);
    expect(() => linearLayerNorm(zeros([2, 2]), zeros([4, 3]), null, null, null)).toThrow(/input shape \[2, 2\] and weight shape \[4, 3\]/);
  });

  it('keeps the article model exact', () => {
    const layers: Module[] = [new Linear(2, 20), new LayerNorm(20), new Linear(20, 1)];
    const seq = new Sequential(...layers);
    const { fused, unfused } = both(seq, input([20, 2]));
    expect(fused).toEqual(unfused);
  });
});
