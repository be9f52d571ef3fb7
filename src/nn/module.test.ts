/**
 * Module: registration, PyTorch's dotted names and orders (checked against PyTorch's own
 * state_dict keys and printouts in src/nn/fixtures/torch_nn.json), train/eval, zeroGrad, apply,
 * stateDict/loadStateDict with typed errors that leave the module untouched.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { full, tensor, zeros } from '../tensor/creation.js';
import { ArgumentError, AutogradError } from '../tensor/errors.js';
import { Tensor } from '../tensor/tensor.js';
import { Sequential } from './containers.js';
import { ModuleError, StateDictError } from './errors.js';
import { ELU, GELU, LeakyReLU, LogSoftmax, ReLU, SiLU, Sigmoid, Softmax, Softplus, Tanh } from './layers/activations.js';
import { Dropout, Flatten, Identity } from './layers/basic.js';
import { Linear } from './layers/linear.js';
import { BatchNorm1d, LayerNorm } from './layers/normalization.js';
import { BCEWithLogitsLoss, CrossEntropyLoss } from './losses.js';
import { type AnyModule, Module } from './module.js';
import type { TorchNnFixture } from './test-support/torch-fixture.js';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/torch_nn.json', import.meta.url), 'utf8')) as TorchNnFixture;

/** The fixture's Sequential: Linear, BatchNorm1d, ReLU, Dropout, Linear without bias, LayerNorm, Flatten. */
function fixtureSequential(): Sequential {
  return new Sequential(new Linear(3, 4), new BatchNorm1d(4), new ReLU(), new Dropout(0.25), new Linear(4, 2, { bias: false }), new LayerNorm(2), new Flatten());
}

class Block extends Module {
  readonly scale: Tensor;
  readonly offset: Tensor;
  readonly inner: Linear;
  constructor() {
    super();
    this.scale = this.registerParameter('scale', full([2], 2));
    this.offset = this.registerBuffer('offset', zeros([2]));
    this.registerBuffer('cache', zeros([2]), false);
    this.inner = this.registerModule('inner', new Linear(2, 2));
  }
  forward(x: Tensor): Tensor {
    return this.inner.forward(x).mul(this.scale).add(this.offset);
  }
}

describe('names and traversal order', () => {
  it("state dict keys and parameter names equal PyTorch's", () => {
    const seq = fixtureSequential();
    expect([...seq.stateDict().keys()]).toEqual(fixture.state_keys['sequential']);
    expect(seq.namedParameters().map(([k]) => k)).toEqual(fixture.state_keys['named_parameters']);
    expect([...new CrossEntropyLoss({ weight: full([4], 1) }).stateDict().keys()]).toEqual(fixture.state_keys['cross_entropy_weight']);
    expect([...new BCEWithLogitsLoss({ posWeight: full([3], 1) }).stateDict().keys()]).toEqual(fixture.state_keys['bce_pos_weight']);
  });

  it("prints like PyTorch's repr", () => {
    expect(fixtureSequential().toString()).toBe(fixture.reprs['sequential']);
    const acts = new Sequential(new LeakyReLU(), new ELU(0.5), new GELU('tanh'), new Softplus(2, 5), new Softmax(1), new LogSoftmax(-1), new SiLU(), new Sigmoid(), new Tanh(), new Identity());
    expect(acts.toString()).toBe(fixture.reprs['activations']);
  });

  it('parameters, buffers (persistent or not), children and modules', () => {
    const b = new Block();
    expect(b.namedParameters().map(([k]) => k)).toEqual(['scale', 'inner.weight', 'inner.bias']);
    expect(b.parameters(false)).toEqual([b.scale]);
    expect(b.namedBuffers().map(([k]) => k)).toEqual(['offset', 'cache']);
    expect([...b.stateDict().keys()]).toEqual(['scale', 'offset', 'inner.weight', 'inner.bias']);
    expect(b.children()).toEqual([b.inner]);
    expect(b.namedModules().map(([k, m]) => [k, m.typeName])).toEqual([['', 'Block'], ['inner', 'Linear']]);
    expect(b.namedParameters('model').map(([k]) => k)[1]).toBe('model.inner.weight');
    expect(b.getSubmodule('inner')).toBe(b.inner);
    expect(() => b.getSubmodule('inner.nothing')).toThrow(ModuleError);
  });

  it('shared parameters and modules are listed once', () => {
    const lin = new Linear(2, 2);
    const seq = new Sequential(lin, new ReLU(), lin);
    expect(seq.parameters()).toHaveLength(2);
    expect(seq.modules()).toHaveLength(3);
    expect([...seq.stateDict().keys()]).toEqual(['0.weight', '0.bias', '2.weight', '2.bias']);
  });

  it('registration checks names and leaves', () => {
    const b = new Block();
    expect(() => b.registerParameter('a.b', zeros([1]))).toThrow(ArgumentError);
    expect(() => b.registerParameter('', zeros([1]))).toThrow(ArgumentError);
    expect(() => b.registerBuffer('scale', zeros([1]))).toThrow(/attribute 'scale' already exists/);
    expect(() => b.registerModule('offset', new ReLU())).toThrow(ArgumentError);
    const nonLeaf = zeros([2], { requiresGrad: true }).mul(2);
    expect(() => b.registerParameter('w', nonLeaf)).toThrow(AutogradError);
    const p = b.registerParameter('w', zeros([2]));
    expect(p.requiresGrad).toBe(true);
  });
});

describe('modes and gradients', () => {
  it('train/eval reach every descendant; apply visits children first', () => {
    const seq = fixtureSequential();
    seq.eval();
    expect(seq.modules().every((m) => !m.training)).toBe(true);
    seq.train();
    expect(seq.modules().every((m) => m.training)).toBe(true);
    const visited: string[] = [];
    new Block().apply((m: AnyModule) => visited.push(m.typeName));
    expect(visited).toEqual(['Linear', 'Block']);
  });

  it('zeroGrad drops gradients, or zeroes them in place keeping the buffers', () => {
    const b = new Block();
    b.forward(full([3, 2], 1)).sum().backward();
    const g = b.scale.grad!;
    expect(g.data.some((v) => v !== 0)).toBe(true);
    b.zeroGrad(false);
    expect(b.scale.grad).toBe(g);
    expect(g.data.every((v) => v === 0)).toBe(true);
    b.forward(full([3, 2], 1)).sum().backward();
    expect(b.scale.grad).toBe(g);
    b.zeroGrad();
    expect(b.parameters().every((p) => p.grad === null)).toBe(true);
  });

  it('requiresGrad_(false) freezes every parameter', () => {
    const b = new Block().requiresGrad_(false);
    expect(b.parameters().every((p) => !p.requiresGrad)).toBe(true);
  });
});

describe('stateDict and loadStateDict', () => {
  it('stateDict shares storage with the module; loadStateDict copies into the same tensors', () => {
    const a = fixtureSequential();
    const b = fixtureSequential();
    const before = b.parameters();
    const weight = a.stateDict().get('0.weight')!;
    expect(weight.data).toBe(a.parameters()[0]!.data);
    expect(weight.requiresGrad).toBe(false);
    expect(b.loadStateDict(a.stateDict())).toEqual({ missingKeys: [], unexpectedKeys: [] });
    expect(b.parameters()).toEqual(before);
    for (const [k, t] of b.stateDict()) expect(Array.from(t.data), k).toEqual(Array.from(a.stateDict().get(k)!.data));
  });

  it('accepts a plain object', () => {
    const lin = new Linear(2, 1);
    lin.loadStateDict({ weight: tensor([[1, 2]]), bias: tensor([3]) });
    expect(Array.from(lin.weight.data)).toEqual([1, 2]);
    expect(Array.from(lin.bias!.data)).toEqual([3]);
  });

  it('strict loading lists missing keys, unexpected keys and shape mismatches, and copies nothing', () => {
    const seq = fixtureSequential();
    const snapshot = new Map([...seq.stateDict()].map(([k, t]) => [k, Array.from(t.data)]));
    const dict = seq.stateDict();
    dict.delete('1.running_var');
    dict.set('9.weight', zeros([1]));
    dict.set('0.weight', zeros([3, 4]));
    dict.set('0.bias', full([4], 7));
    let error: unknown;
    try {
      seq.loadStateDict(dict);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StateDictError);
    const e = error as StateDictError;
    expect(e.missingKeys).toEqual(['1.running_var']);
    expect(e.unexpectedKeys).toEqual(['9.weight']);
    expect(e.shapeMismatches).toEqual([{ key: '0.weight', expected: [4, 3], got: [3, 4] }]);
    expect(e.message).toMatch(/Missing key\(s\) in state_dict: "1.running_var"/);
    expect(e.message).toMatch(/Unexpected key\(s\) in state_dict: "9.weight"/);
    expect(e.message).toMatch(/size mismatch for 0.weight: copying a param with shape \[3, 4\] from checkpoint, the shape in current model is \[4, 3\]/);
    for (const [k, t] of seq.stateDict()) expect(Array.from(t.data), k).toEqual(snapshot.get(k));
  });

  it('non-strict loading copies what matches and reports the rest; shape mismatches still throw', () => {
    const seq = fixtureSequential();
    const result = seq.loadStateDict({ '0.bias': full([4], 7), extra: zeros([1]) }, { strict: false });
    expect(result.unexpectedKeys).toEqual(['extra']);
    expect(result.missingKeys).toContain('0.weight');
    expect(result.missingKeys).not.toContain('0.bias');
    expect(Array.from(seq.stateDict().get('0.bias')!.data)).toEqual([7, 7, 7, 7]);
    expect(() => seq.loadStateDict({ '0.bias': zeros([5]) }, { strict: false })).toThrow(StateDictError);
  });

  it('rejects values that are not tensors', () => {
    const lin = new Linear(1, 1);
    const bad = new Map<string, Tensor>([['weight', [1] as unknown as Tensor]]);
    expect(() => lin.loadStateDict(bad)).toThrow(ArgumentError);
  });

  it('num_batches_tracked loads as an integer buffer', () => {
    const bn = new BatchNorm1d(2);
    bn.loadStateDict({ ...Object.fromEntries(bn.stateDict()), num_batches_tracked: tensor(5) });
    expect(bn.numBatchesTracked!.dtype).toBe('int32');
    expect(bn.numBatchesTracked!.item()).toBe(5);
  });
});
