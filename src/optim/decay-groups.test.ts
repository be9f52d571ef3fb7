/** splitDecayGroups and decayMask: weight matrices decay; biases and normalization parameters do not. */
import { describe, expect, it } from 'vitest';
import { BatchNorm1d, LayerNorm, Linear, Sequential } from '../nn/index.js';
import { Tensor } from '../tensor/tensor.js';
import { AdamW, addDecayedWeights, defaultDecayPredicate, decayMask, isNormalizationLayer, masked, splitDecayGroups } from './index.js';

function referenceLikeModel(): Sequential {
  return new Sequential(new Linear(2, 4), new LayerNorm(4), new Linear(4, 4), new BatchNorm1d(4), new Linear(4, 1));
}

describe('splitDecayGroups', () => {
  it('puts weight matrices in the decayed group and biases, LayerNorm and BatchNorm parameters in the other', () => {
    const [decayed, notDecayed] = splitDecayGroups(referenceLikeModel());
    expect(decayed.paramNames).toEqual(['0.weight', '2.weight', '4.weight']);
    expect(notDecayed.paramNames).toEqual(['0.bias', '1.weight', '1.bias', '2.bias', '3.weight', '3.bias', '4.bias']);
    expect(decayed.weightDecay).toBeUndefined();
    expect(notDecayed.weightDecay).toBe(0);
  });

  it('recognises normalization layers by class even when their parameters are matrices', () => {
    const normWeight = new Tensor(new Float32Array(6), [2, 3], { requiresGrad: true });
    const matrix = new Tensor(new Float32Array(6), [2, 3], { requiresGrad: true });
    class GroupNorm {}
    const model = {
      namedParameters: (): [string, Tensor][] => [
        ['norm.weight', normWeight],
        ['proj.weight', matrix],
      ],
      namedModules: (): [string, unknown][] => [
        ['', {}],
        ['norm', new GroupNorm()],
        ['proj', { kind: 'Linear' }],
      ],
    };
    const [decayed, notDecayed] = splitDecayGroups(model);
    expect(decayed.params).toEqual([matrix]);
    expect(notDecayed.params).toEqual([normWeight]);
    expect(isNormalizationLayer({ kind: 'RMSNorm' })).toBe(true);
    expect(isNormalizationLayer(new Linear(1, 1))).toBe(false);
  });

  it('takes a predicate that overrides the rule, and a weight decay for the decayed group', () => {
    const [decayed, notDecayed] = splitDecayGroups(referenceLikeModel(), {
      predicate: (name, p, m) => name.startsWith('0.') || defaultDecayPredicate(name, p, m),
      weightDecay: 0.3,
    });
    expect(decayed.paramNames).toEqual(['0.weight', '0.bias', '2.weight', '4.weight']);
    expect(decayed.weightDecay).toBe(0.3);
    expect(notDecayed.paramNames).not.toContain('0.bias');
  });

  it('feeds an optimizer directly: only the decayed group decays', () => {
    const model = referenceLikeModel();
    const optimizer = new AdamW(splitDecayGroups(model), { lr: 0.1, weightDecay: 0.5 });
    expect(optimizer.paramGroups.map((g) => g.weightDecay)).toEqual([0.5, 0]);
    const before = new Map(model.namedParameters().map(([n, p]) => [n, Float32Array.from(p.data)]));
    for (const p of model.parameters()) p.grad = new Tensor(new Float32Array(p.size), p.shape);
    optimizer.step();
    for (const [name, p] of model.namedParameters()) {
      const expected = name.endsWith('.weight') && p.ndim >= 2 ? before.get(name)!.map((v) => v * Math.fround(1 - 0.05)) : before.get(name)!;
      expect(Array.from(p.data), name).toEqual(Array.from(expected));
    }
  });
});

describe('decayMask', () => {
  it('is the same choice as a mask over tensors, for masked(...) stages', () => {
    const model = referenceLikeModel();
    const mask = decayMask(model);
    expect(model.namedParameters().filter(([, p]) => mask(p)).map(([n]) => n)).toEqual(['0.weight', '2.weight', '4.weight']);
    expect(masked(addDecayedWeights(), mask).name).toBe('masked(addDecayedWeights)');
  });
});
