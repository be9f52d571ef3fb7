/**
 * The Optimizer base: param groups with defaults, addParamGroup, zeroGrad, lazy state, null grads
 * skipped, closures, gradient checks before any change, blocks of large parameters, float64, and
 * PyTorch's argument checks as typed errors naming the option and the value.
 */
import { describe, expect, it } from 'vitest';
import { DecaylabError, ShapeError } from '../tensor/errors.js';
import { Tensor } from '../tensor/tensor.js';
import {
  Adadelta,
  Adagrad,
  Adam,
  AdamW,
  Adamax,
  BLOCK_SIZE,
  NAdam,
  OptimizerError,
  OptionRangeError,
  RAdam,
  RMSprop,
  SGD,
} from './index.js';

function param(values: number[], shape = [values.length]): Tensor {
  return new Tensor(Float32Array.from(values), shape, { requiresGrad: true });
}

function grad(p: Tensor, values: number[]): void {
  p.grad = new Tensor(Float32Array.from(values), p.shape);
}

describe('param groups', () => {
  it('a list of tensors is one group filled from the defaults', () => {
    const a = param([1, 2]);
    const optimizer = new Adam([a], { lr: 0.1 });
    expect(optimizer.paramGroups).toHaveLength(1);
    expect(optimizer.paramGroups[0]).toEqual({ params: [a], lr: 0.1, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false, maximize: false, decay: 'l2' });
    expect(optimizer.defaults).toEqual({ lr: 0.1, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false, maximize: false, decay: 'l2' });
  });

  it('groups override the defaults they set and take the rest; addParamGroup does the same', () => {
    const [a, b, c] = [param([1]), param([2]), param([3])];
    const optimizer = new SGD([{ params: [a] }, { params: [b], lr: 0.5, momentum: 0.9 }], { lr: 0.1, weightDecay: 0.01 });
    optimizer.addParamGroup({ params: [c], decay: 'l1-proximal' });
    expect(optimizer.paramGroups.map((g) => [g.lr, g.momentum, g.weightDecay, g.decay])).toEqual([
      [0.1, 0, 0.01, 'l2'],
      [0.5, 0.9, 0.01, 'l2'],
      [0.1, 0, 0.01, 'l1-proximal'],
    ]);
  });

  it('group betas are copies, not shared with the defaults', () => {
    const optimizer = new Adam([{ params: [param([1])] }, { params: [param([2])] }]);
    optimizer.paramGroups[0]!.betas[0] = 0.5;
    expect(optimizer.paramGroups[1]!.betas[0]).toBe(0.9);
    expect(optimizer.defaults.betas[0]).toBe(0.9);
  });

  it('rejects bad parameter lists with OptimizerErrors', () => {
    const a = param([1]);
    expect(() => new Adam([])).toThrow(/empty parameter list/);
    // @ts-expect-error a single tensor is not a parameter list (PyTorch's TypeError)
    expect(() => new Adam(a)).toThrow(OptimizerError);
    expect(() => new Adam([a, a])).toThrow(/same parameter twice/);
    expect(() => new Adam([{ params: [a] }, { params: [a] }])).toThrow(/more than one parameter group/);
    const optimizer = new Adam([a]);
    expect(() => optimizer.addParamGroup({ params: [a] })).toThrow(/more than one parameter group/);
    expect(() => new Adam([a.mul(2)])).toThrow(/non-leaf/);
    expect(() => new Adam([new Tensor(Int32Array.of(1), [1])])).toThrow(/floating-point/);
  });

  it('rejects unknown option names, e.g. PyTorch’s snake_case', () => {
    // @ts-expect-error snake_case is not an option name
    expect(() => new Adam([param([1])], { weight_decay: 0.1 })).toThrow(/unknown option 'weight_decay'/);
  });
});

describe('PyTorch’s argument checks name the option and the value', () => {
  const p = (): Tensor[] => [param([1])];
  const cases: [string, () => unknown, string, unknown][] = [
    ['negative lr', () => new Adam(p(), { lr: -1 }), 'lr', -1],
    ['NaN lr', () => new SGD(p(), { lr: Number.NaN }), 'lr', Number.NaN],
    ['negative eps', () => new AdamW(p(), { eps: -1e-8 }), 'eps', -1e-8],
    ['negative weight decay', () => new RMSprop(p(), { weightDecay: -0.1 }), 'weightDecay', -0.1],
    ['beta1 = 1', () => new Adam(p(), { betas: [1, 0.999] }), 'betas', [1, 0.999]],
    ['negative beta2', () => new NAdam(p(), { betas: [0.9, -0.1] }), 'betas', [0.9, -0.1]],
    // @ts-expect-error betas must be a pair
    ['betas not a pair', () => new RAdam(p(), { betas: [0.9] }), 'betas', [0.9]],
    ['nesterov without momentum', () => new SGD(p(), { lr: 0.1, nesterov: true }), 'nesterov', true],
    ['nesterov with dampening', () => new SGD(p(), { lr: 0.1, nesterov: true, momentum: 0.9, dampening: 0.1 }), 'nesterov', true],
    ['negative momentum', () => new SGD(p(), { lr: 0.1, momentum: -0.5 }), 'momentum', -0.5],
    ['negative alpha', () => new RMSprop(p(), { alpha: -1 }), 'alpha', -1],
    ['rho above 1', () => new Adadelta(p(), { rho: 1.5 }), 'rho', 1.5],
    ['negative lr decay', () => new Adagrad(p(), { lrDecay: -1 }), 'lrDecay', -1],
    ['negative initial accumulator', () => new Adagrad(p(), { initialAccumulatorValue: -1 }), 'initialAccumulatorValue', -1],
    ['negative momentum decay', () => new NAdam(p(), { momentumDecay: -1 }), 'momentumDecay', -1],
    // @ts-expect-error not a decay mode
    ['unknown decay mode', () => new Adamax(p(), { decay: 'l3' }), 'decay', 'l3'],
    ['conflicting decoupledWeightDecay', () => new Adam(p(), { decay: 'l1', decoupledWeightDecay: true }), 'decoupledWeightDecay', true],
    ['bad group override', () => new Adam([{ params: p(), lr: -3 }]), 'lr', -3],
  ];

  it.each(cases)('%s', (_name, make, option, value) => {
    let error: unknown;
    try {
      make();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OptionRangeError);
    expect(error).toBeInstanceOf(RangeError);
    expect(error).toBeInstanceOf(DecaylabError);
    const e = error as OptionRangeError;
    expect(e.argument).toBe(option);
    expect(e.value).toEqual(value);
    expect(e.message).toContain(option);
    expect(e.message).toContain(Array.isArray(value) ? String(value[0]) : String(value));
  });

  it('accepts the boundaries PyTorch accepts', () => {
    expect(() => new Adam(p(), { lr: 0, eps: 0, weightDecay: 0, betas: [0, 0] })).not.toThrow();
    expect(() => new Adadelta(p(), { rho: 1 })).not.toThrow();
    expect(() => new SGD(p(), { lr: 0.1, momentum: 0.9, nesterov: true })).not.toThrow();
  });
});

describe('step and zeroGrad', () => {
  it('zeroGrad sets grads to null by default and to zeros with setToNone = false', () => {
    const a = param([1, 2]);
    const optimizer = new SGD([a], { lr: 0.1 });
    grad(a, [3, 4]);
    const g = a.grad!;
    optimizer.zeroGrad(false);
    expect(a.grad).toBe(g);
    expect(Array.from(g.data)).toEqual([0, 0]);
    optimizer.zeroGrad();
    expect(a.grad).toBeNull();
  });

  it('creates state lazily and skips parameters whose grad is null', () => {
    const [a, b] = [param([1, 2]), param([3])];
    const optimizer = new Adam([a, b], { lr: 0.1 });
    expect(optimizer.state.size).toBe(0);
    grad(a, [1, -1]);
    optimizer.step();
    expect(Array.from(b.data)).toEqual([3]);
    expect(optimizer.state.has(b)).toBe(false);
    expect(optimizer.state.get(a)!.step).toBe(1);
    expect(Array.from(a.data)).toEqual([Math.fround(1 - 0.1), Math.fround(2 + 0.1)].map((v) => expect.closeTo(v, 6)));
  });

  it('runs the closure first, with gradient recording on, and returns its result', () => {
    const a = param([1]);
    const optimizer = new SGD([a], { lr: 0.5 });
    const loss = optimizer.step(() => {
      const l = a.mul(a).sum();
      l.backward();
      return l.item();
    });
    expect(loss).toBe(1);
    expect(Array.from(a.data)).toEqual([0]);
  });

  it('checks every gradient before changing any parameter', () => {
    const [a, b] = [param([1, 2]), param([3, 4])];
    const optimizer = new SGD([a, b], { lr: 0.1 });
    grad(a, [1, 1]);
    b.grad = new Tensor(Float32Array.of(1, 1, 1), [3]);
    expect(() => optimizer.step()).toThrow(ShapeError);
    expect(Array.from(a.data)).toEqual([1, 2]);
    b.grad = new Tensor(Float64Array.of(1, 1), [2]);
    expect(() => optimizer.step()).toThrow(/float32 but its grad is float64/);
  });

  it('reads the group at every step: a new lr applies to the next step', () => {
    const a = param([1]);
    const optimizer = new SGD([a], { lr: 0.1 });
    grad(a, [1]);
    optimizer.step();
    optimizer.paramGroups[0]!.lr = 0.25;
    optimizer.step();
    expect(a.data[0]).toBeCloseTo(1 - 0.1 - 0.25, 6);
  });

  it('float64 parameters keep float64 state and exact double arithmetic', () => {
    const a = new Tensor(Float64Array.of(1, -2), [2], { requiresGrad: true });
    const optimizer = new SGD([a], { lr: 0.1, momentum: 0.9 });
    a.grad = new Tensor(Float64Array.of(0.3, 0.7), [2]);
    optimizer.step();
    optimizer.step();
    expect(optimizer.state.get(a)!.buffers['momentum_buffer']).toBeInstanceOf(Float64Array);
    expect(Array.from(a.data)).toEqual([1 - 0.1 * 0.3 - 0.1 * (0.9 * 0.3 + 0.3), -2 - 0.1 * 0.7 - 0.1 * (0.9 * 0.7 + 0.7)]);
  });

  it.each([
    ['SGD momentum', (p: Tensor[]) => new SGD(p, { lr: 0.1, momentum: 0.9, weightDecay: 0.1 })],
    ['Adam decoupled', (p: Tensor[]) => new Adam(p, { lr: 0.1, weightDecay: 0.1, decay: 'decoupled', maximize: true })],
    ['NAdam l1-proximal', (p: Tensor[]) => new NAdam(p, { lr: 0.1, weightDecay: 0.1, decay: 'l1-proximal' })],
    ['RMSprop centered l1 (two transforms through the scratch arrays)', (p: Tensor[]) => new RMSprop(p, { lr: 0.01, weightDecay: 0.1, decay: 'l1', centered: true })],
  ])('%s: a parameter larger than a block steps exactly as the same values in small parameters', (_name, make) => {
    const n = 2 * BLOCK_SIZE + 300;
    const values = Array.from({ length: n }, (_, i) => Math.sin(i));
    const big = param(values);
    const pieces = [0, 700, 1500, n].slice(1).map((end, i, ends) => param(values.slice(i === 0 ? 0 : ends[i - 1], end)));
    const bigOptimizer = make([big]);
    const pieceOptimizer = make(pieces);
    for (let s = 0; s < 3; s++) {
      const g = values.map((_, i) => Math.cos(i * (s + 1)));
      grad(big, g);
      let offset = 0;
      for (const p of pieces) {
        grad(p, g.slice(offset, offset + p.size));
        offset += p.size;
      }
      bigOptimizer.step();
      pieceOptimizer.step();
    }
    expect(Array.from(big.data)).toEqual(pieces.flatMap((p) => Array.from(p.data)));
  });
});
