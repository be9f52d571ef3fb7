/**
 * gradcheck (float64 central differences) of every differentiable module and loss, with respect
 * to inputs, parameters and — where PyTorch differentiates them — loss targets. Inputs are drawn
 * away from kinks (ReLU at 0, L1 at d = 0, Huber at |d| = δ) where finite differences disagree with
 * any subgradient.
 */
import { describe, expect, it } from 'vitest';
import { gradcheck } from '../tensor/autograd/gradcheck.js';
import { Generator } from '../tensor/random/generator.js';
import { Tensor } from '../tensor/tensor.js';
import { Sequential } from './containers.js';
import * as F from './functional/index.js';
import { ELU, GELU, LeakyReLU, LogSoftmax, ReLU, SiLU, Sigmoid, Softmax, Softplus, Tanh } from './layers/activations.js';
import { Dropout, Flatten, Identity } from './layers/basic.js';
import { Linear } from './layers/linear.js';
import { BatchNorm1d, LayerNorm } from './layers/normalization.js';
import { BCEWithLogitsLoss, CrossEntropyLoss, HuberLoss, L1Loss, MSELoss, NLLLoss, SmoothL1Loss } from './losses.js';
import * as init from './init.js';
import type { Module } from './module.js';

const gen = new Generator(2024);

/** float64 values uniform in [lo, hi), at least `gap` away from every point in `avoid`. */
function draw(shape: number[], lo = -2, hi = 2, requiresGrad = true, avoid: number[] = [0], gap = 0.05): Tensor {
  let n = 1;
  for (const s of shape) n *= s;
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let v: number;
    do v = lo + (hi - lo) * gen.uniformDouble();
    while (avoid.some((a) => Math.abs(v - a) < gap));
    data[i] = v;
  }
  return new Tensor(data, shape, { requiresGrad });
}

function check(fn: (...xs: Tensor[]) => Tensor, inputs: Tensor[]): void {
  expect(gradcheck(fn, inputs)).toBe(true);
}

/** gradcheck of a module with respect to its input and all its parameters (redrawn in [0.5, 1.5) so that none is trivial). */
function checkModule(m: Module, x: Tensor): void {
  const params = m.parameters();
  for (const p of params) init.uniform_(p, 0.5, 1.5, gen);
  check((input) => m.forward(input!), [x, ...params]);
}

describe('gradcheck: layers', () => {
  it('Linear with and without bias, batched input', () => {
    checkModule(new Linear(3, 4, { dtype: 'float64' }), draw([5, 3]));
    checkModule(new Linear(4, 2, { bias: false, dtype: 'float64' }), draw([2, 3, 4]));
  });

  it('LayerNorm: affine, without affine, over two dims', () => {
    checkModule(new LayerNorm(5, { dtype: 'float64' }), draw([3, 5]));
    checkModule(new LayerNorm(4, { elementwiseAffine: false, eps: 1e-3, dtype: 'float64' }), draw([2, 4]));
    checkModule(new LayerNorm([2, 3], { dtype: 'float64' }), draw([2, 2, 3]));
  });

  it('BatchNorm1d in training ([N, C] and [N, C, L]) and evaluation', () => {
    const bn = new BatchNorm1d(3, { dtype: 'float64' });
    checkModule(bn, draw([4, 3]));
    checkModule(new BatchNorm1d(2, { dtype: 'float64', momentum: null }), draw([3, 2, 4]));
    bn.eval();
    checkModule(bn, draw([4, 3]));
    checkModule(new BatchNorm1d(3, { affine: false, dtype: 'float64' }), draw([5, 3]));
  });

  it('Dropout with a fixed mask, Identity, Flatten', () => {
    check((x) => F.dropout(x!, 0.3, true, new Generator(5)), [draw([4, 5])]);
    const d = new Dropout(0.3);
    d.eval();
    checkModule(d, draw([3, 2]));
    checkModule(new Identity(), draw([3]));
    checkModule(new Flatten(), draw([2, 3, 2]));
  });

  it('activations', () => {
    const mods: Module[] = [
      new ReLU(),
      new LeakyReLU(0.2),
      new ELU(0.7),
      new GELU(),
      new GELU('tanh'),
      new SiLU(),
      new Sigmoid(),
      new Tanh(),
      new Softplus(2, 5),
      new Softmax(1),
      new Softmax(0),
      new LogSoftmax(-1),
      new LogSoftmax(1),
    ];
    for (const m of mods) checkModule(m, draw([3, 4, 2], -4, 4, true, [0, 2.5, -2.5]));
  });

  it('GELU far in both tails', () => {
    check((x) => F.gelu(x!), [draw([8], -7, 7)]);
  });

  it('a Sequential of several layers', () => {
    const seq = new Sequential(new Linear(3, 5, { dtype: 'float64' }), new LayerNorm(5, { dtype: 'float64' }), new GELU(), new Linear(5, 2, { dtype: 'float64' }));
    checkModule(seq, draw([4, 3]));
  });
});

describe('gradcheck: losses (input and target)', () => {
  const reductions = ['mean', 'sum', 'none'] as const;

  it('MSELoss, L1Loss, HuberLoss, SmoothL1Loss for every reduction', () => {
    for (const reduction of reductions) {
      const losses: Module<[Tensor, Tensor], Tensor>[] = [
        new MSELoss({ reduction }),
        new L1Loss({ reduction }),
        new HuberLoss({ reduction, delta: 0.5 }),
        new SmoothL1Loss({ reduction, beta: 0.5 }),
      ];
      for (const loss of losses) {
        // targets on a grid, inputs away from the kinks at d = 0 and |d| = 0.5
        const t = new Tensor(Float64Array.from([-1, 0, 1, 2, -2, 0.5]), [2, 3], { requiresGrad: true });
        const x = draw([2, 3], -3, 3, true, [-2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5]);
        check((a, b) => loss.forward(a!, b!), [x, t]);
      }
    }
  });

  it('CrossEntropyLoss with class indices: weight, ignoreIndex, label smoothing, [N, C, d]', () => {
    const w = new Tensor(Float64Array.from([0.5, 2, 1, 3]), [4]);
    const t = new Tensor(Int32Array.from([0, 3, 1, 9, 2, 3]), [6]);
    for (const reduction of reductions) {
      const ce = new CrossEntropyLoss({ weight: w, ignoreIndex: 9, labelSmoothing: 0.2, reduction });
      check((x) => ce.forward(x!, t), [draw([6, 4], -3, 3)]);
    }
    const t3 = new Tensor(Float64Array.from([0, 1, 2, 1, 0, 2]), [2, 3]);
    check((x) => F.crossEntropy(x!, t3, { labelSmoothing: 0.1 }), [draw([2, 3, 3], -3, 3)]);
    check((x) => F.crossEntropy(x!, new Tensor(Int32Array.from([2]), [])), [draw([4], -3, 3)]);
  });

  it('CrossEntropyLoss with class probabilities (gradient to the target too)', () => {
    for (const reduction of reductions) {
      const probs = F.softmax(draw([3, 4], -1, 1, false), 1).detach().requiresGrad_();
      check((x, p) => F.crossEntropy(x!, p!, { reduction, labelSmoothing: 0.25, weight: new Tensor(Float64Array.from([1, 2, 0.5, 1]), [4]) }), [draw([3, 4], -3, 3), probs]);
    }
  });

  it('NLLLoss with weight and ignoreIndex', () => {
    const t = new Tensor(Int32Array.from([2, -100, 0, 1]), [4]);
    for (const reduction of reductions) {
      const nll = new NLLLoss({ weight: new Tensor(Float64Array.from([1, 2, 0.5]), [3]), reduction });
      check((x) => nll.forward(x!, t), [draw([4, 3], -3, 0)]);
    }
  });

  it('BCEWithLogitsLoss with weight and posWeight (gradient to the target too)', () => {
    for (const reduction of reductions) {
      const bce = new BCEWithLogitsLoss({
        reduction,
        weight: new Tensor(Float64Array.from([0.5, 2]), [2, 1]),
        posWeight: new Tensor(Float64Array.from([1, 3, 0.5]), [3]),
      });
      check((x, y) => bce.forward(x!, y!), [draw([2, 3], -6, 6), draw([2, 3], 0, 1, true, [])]);
      check((x, y) => F.binaryCrossEntropyWithLogits(x!, y!, { reduction }), [draw([4], -30, 30), draw([4], 0, 1, true, [])]);
    }
  });
});
