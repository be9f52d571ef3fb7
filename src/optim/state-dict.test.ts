/**
 * Optimizer state dicts: PyTorch's layout, JSON-serializable, and a save-load round trip in the middle
 * of training continues exactly as an uninterrupted run; bad dicts are rejected with typed errors
 * before anything changes.
 */
import { describe, expect, it } from 'vitest';
import type { Sequential } from '../nn/index.js';
import { Tensor } from '../tensor/tensor.js';
import {
  Adadelta,
  Adagrad,
  Adam,
  AdamW,
  Adamax,
  NAdam,
  RAdam,
  RMSprop,
  SGD,
  StateDictError,
  splitDecayGroups,
  type Optimizer,
  type OptimizerOptions,
  type OptimizerStateDict,
} from './index.js';
import { articleData, tinyModel, trainStep } from './test-support/tiny-model.js';

type Make = (model: Sequential) => Optimizer<OptimizerOptions>;

const CONFIGURATIONS: [string, Make][] = [
  ['SGD nesterov', (m) => new SGD(m.parameters(), { lr: 0.05, momentum: 0.9, nesterov: true, weightDecay: 0.01 })],
  ['SGD dampening, l1-proximal', (m) => new SGD(m.parameters(), { lr: 0.05, momentum: 0.5, dampening: 0.3, weightDecay: 0.01, decay: 'l1-proximal' })],
  ['Adam amsgrad', (m) => new Adam(m.parameters(), { lr: 0.01, amsgrad: true, weightDecay: 0.1 })],
  ['AdamW split groups', (m) => new AdamW(splitDecayGroups(m), { lr: 0.01, weightDecay: 0.1 })],
  ['RMSprop centered momentum', (m) => new RMSprop(m.parameters(), { lr: 0.01, centered: true, momentum: 0.5, weightDecay: 0.1 })],
  ['Adagrad lr decay, l1', (m) => new Adagrad(m.parameters(), { lr: 0.1, lrDecay: 0.01, initialAccumulatorValue: 0.1, weightDecay: 0.01, decay: 'l1' })],
  ['Adadelta', (m) => new Adadelta(m.parameters(), { weightDecay: 0.1 })],
  ['Adamax', (m) => new Adamax(m.parameters(), { lr: 0.02, weightDecay: 0.1 })],
  ['NAdam', (m) => new NAdam(m.parameters(), { lr: 0.01, weightDecay: 0.1 })],
  ['RAdam decoupled', (m) => new RAdam(m.parameters(), { lr: 0.01, weightDecay: 0.1, decoupledWeightDecay: true })],
];

/** A fresh model holding a copy of `values` (dotted name → values). */
function modelFrom(values: Map<string, Float32Array>): Sequential {
  const model = tinyModel();
  const dict = new Map<string, Tensor>();
  for (const [name, t] of model.stateDict()) dict.set(name, new Tensor(Float32Array.from(values.get(name)!), t.shape));
  model.loadStateDict(dict);
  return model;
}

function snapshot(model: Sequential): Map<string, Float32Array> {
  return new Map([...model.stateDict()].map(([name, t]) => [name, Float32Array.from(t.data)]));
}

/** Runs `steps` steps; the lr is changed after step 3 as a scheduler would. Returns parameters after each step. */
function train(model: Sequential, optimizer: Optimizer<OptimizerOptions>, from: number, steps: number): Map<string, Float32Array>[] {
  const data = articleData();
  const out: Map<string, Float32Array>[] = [];
  for (let s = from; s < from + steps; s++) {
    if (s === 3) for (const group of optimizer.paramGroups) group.lr *= 0.5;
    trainStep(model, optimizer, data);
    out.push(snapshot(model));
  }
  return out;
}

describe('state dict round trip mid-run', () => {
  it.each(CONFIGURATIONS)('%s: save at step 7, load into fresh model and optimizer, continue: identical to an uninterrupted run', (_name, make) => {
    const initial = snapshot(tinyModel());
    const reference = modelFrom(initial);
    const referenceOptimizer = make(reference);
    const uninterrupted = train(reference, referenceOptimizer, 0, 15);
    expect(uninterrupted[14]!.get('0.weight')).not.toEqual(uninterrupted[6]!.get('0.weight'));

    const first = modelFrom(initial);
    const firstOptimizer = make(first);
    train(first, firstOptimizer, 0, 7);
    const savedModel = snapshot(first);
    const savedOptimizer: OptimizerStateDict = JSON.parse(JSON.stringify(firstOptimizer.stateDict()));

    const second = modelFrom(savedModel);
    const secondOptimizer = make(second);
    secondOptimizer.loadStateDict(savedOptimizer);
    const resumed = train(second, secondOptimizer, 7, 8);

    resumed.forEach((params, i) => {
      for (const [name, values] of params) expect(Array.from(values), `step ${i + 7} ${name}`).toEqual(Array.from(uninterrupted[i + 7]!.get(name)!));
    });
    expect(secondOptimizer.stateDict()).toEqual(referenceOptimizer.stateDict());
  });
});

describe('state dict layout (PyTorch’s)', () => {
  const a = new Tensor(Float32Array.of(1, 2, 3, 4, 5, 6), [2, 3], { requiresGrad: true });
  const b = new Tensor(Float32Array.of(1, 2), [2], { requiresGrad: true });
  const c = new Tensor(Float32Array.of(3), [1], { requiresGrad: true });

  function stepped(): Adam {
    const optimizer = new Adam([{ params: [a, b] }, { params: [c], lr: 0.5 }], { lr: 0.1, amsgrad: true });
    a.grad = new Tensor(Float32Array.of(1, 1, 1, 1, 1, 1), [2, 3]);
    b.grad = null;
    c.grad = new Tensor(Float32Array.of(-1), [1]);
    optimizer.step();
    return optimizer;
  }

  it('indexes parameters across groups, keeps state only for parameters that stepped, lists options in camelCase', () => {
    const dict = stepped().stateDict();
    expect(Object.keys(dict.state)).toEqual(['0', '2']);
    expect(dict.state['0']!['step']).toBe(1);
    expect(Object.keys(dict.state['0']!)).toEqual(['step', 'exp_avg', 'exp_avg_sq', 'max_exp_avg_sq']);
    expect(dict.state['0']!['exp_avg']).toEqual({ shape: [2, 3], data: Array(6).fill(Math.fround(0.1)) });
    expect(dict.paramGroups).toEqual([
      { lr: 0.1, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: true, maximize: false, decay: 'l2', params: [0, 1] },
      { lr: 0.5, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: true, maximize: false, decay: 'l2', params: [2] },
    ]);
    expect(JSON.parse(JSON.stringify(dict))).toEqual(dict);
  });

  it('has no state before the first step (lazy), except Adagrad’s, which PyTorch creates eagerly', () => {
    expect(new Adam([a]).stateDict().state).toEqual({});
    const adagrad = new Adagrad([a, c], { initialAccumulatorValue: 0.5 }).stateDict();
    expect(adagrad.state['1']).toEqual({ step: 0, sum: { shape: [1], data: [0.5] } });
  });

  it('restores group options, including keys a scheduler added', () => {
    const source = stepped();
    source.paramGroups[1]!.initialLr = 0.5;
    source.paramGroups[1]!.lr = 0.25;
    const target = new Adam([{ params: [a, b] }, { params: [c] }], { lr: 0.3 });
    target.loadStateDict(JSON.parse(JSON.stringify(source.stateDict())));
    expect(target.paramGroups[1]).toMatchObject({ lr: 0.25, initialLr: 0.5, amsgrad: true });
    expect(target.paramGroups[1]!.params).toEqual([c]);
    expect(target.state.get(a)!.buffers['exp_avg']).toBeInstanceOf(Float32Array);
  });

  const cases: [string, (d: OptimizerStateDict) => unknown, RegExp][] = [
    ['group count', (d) => d.paramGroups.pop(), /2 parameter groups|1 parameter groups/],
    ['parameter count', (d) => d.paramGroups[0]!.params.pop(), /group 0 has 1 parameters/],
    ['buffer shape', (d) => ((d.state['0']!['exp_avg'] as { shape: number[] }).shape = [3, 2]), /shape \[3,2\], but its parameter has shape \[2, 3\]/],
    ['buffer length', (d) => (d.state['0']!['exp_avg'] as { data: number[] }).data.pop(), /must hold 6 numbers, got 5 values/],
    ['step', (d) => (d.state['0']!['step'] = -1), /step must be a non-negative integer/],
    ['unknown key', (d) => (d.state['0']!['momentum_buffer'] = 1), /'momentum_buffer', which this optimizer does not use/],
    ['index', (d) => (d.state['7'] = { step: 1 }), /parameter 7, which no param group lists/],
    ['options', (d) => (d.paramGroups[0]!['betas'] = [1.5, 0.9]), /paramGroups\.0: Invalid beta parameter at index 0/],
    ['structure', (d) => Reflect.deleteProperty(d, 'state'), /must be an object with `state`/],
  ];

  it.each(cases)('rejects a wrong %s with a StateDictError and changes nothing', (_what, corrupt, message) => {
    const optimizer = stepped();
    const before = JSON.stringify(optimizer.stateDict());
    const dict: OptimizerStateDict = JSON.parse(before);
    corrupt(dict);
    let error: unknown;
    try {
      optimizer.loadStateDict(dict);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StateDictError);
    expect((error as StateDictError).message).toMatch(message);
    expect(JSON.stringify(optimizer.stateDict())).toBe(before);
  });

  it('refuses to save options that JSON cannot hold', () => {
    const optimizer = stepped();
    optimizer.paramGroups[0]!['callback'] = () => 1;
    expect(() => optimizer.stateDict()).toThrow(StateDictError);
  });
});
