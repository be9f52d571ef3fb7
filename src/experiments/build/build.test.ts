import { describe, expect, it } from 'vitest';
import { manualSeed } from '../../tensor/random/generator.js';
import { parseExperimentConfig } from '../config/parse.js';
import { ConfigError } from '../errors.js';
import { buildModel } from './model.js';
import { buildOptimizer, globToRegExp, resolveGroups } from './optimizer.js';
import { buildSchedules } from './schedules.js';

const base = {
  model: { kind: 'mlp', hidden: [4, 3], norm: 'layernorm', activation: 'tanh' },
  dataset: { name: 'moons' },
  optimizer: { name: 'sgd', lr: 0.1, weightDecay: 0.01 },
  training: { iterations: 10 },
};

describe('buildModel', () => {
  it('builds the article model with PyTorch names', () => {
    manualSeed(0);
    const m = buildModel({ kind: 'article' }, 2, 1);
    expect(m.parameters.map((p) => p.name)).toEqual(Array.from({ length: 9 }, (_, i) => [`linears.${i}.weight`, `linears.${i}.bias`]).flat());
    expect(m.parameters.map((p) => p.layer).slice(0, 4)).toEqual(['linear', 'linear', 'layernorm', 'layernorm']);
    expect(() => buildModel({ kind: 'article' }, 784, 10)).toThrow(ConfigError);
  });

  it('builds an MLP: Linear, LayerNorm, activation per hidden layer, then the output Linear', () => {
    const c = parseExperimentConfig(base);
    const m = buildModel(c.model, 2, 2);
    expect(m.parameters.map((p) => `${p.name}:${p.tensor.shape.join('x')}`)).toEqual([
      'layers.0.weight:4x2',
      'layers.0.bias:4',
      'layers.1.weight:4',
      'layers.1.bias:4',
      'layers.3.weight:3x4',
      'layers.3.bias:3',
      'layers.4.weight:3',
      'layers.4.bias:3',
      'layers.6.weight:2x3',
      'layers.6.bias:2',
    ]);
  });

  it('builds a sequential model and checks that it ends at the output size', () => {
    const seq = parseExperimentConfig({ ...base, model: { kind: 'sequential', layers: [{ type: 'linear', out: 8 }, { type: 'relu' }, { type: 'linear' }] } });
    expect(buildModel(seq.model, 2, 2).parameters.at(-1)!.tensor.shape).toEqual([2]);
    const bad = parseExperimentConfig({ ...base, model: { kind: 'sequential', layers: [{ type: 'linear', out: 8 }, { type: 'relu' }] } });
    expect(() => buildModel(bad.model, 2, 2)).toThrow(/model\.layers\.1: the model ends with width 8 but the dataset needs 2 outputs/);
  });
});

describe('parameter groups', () => {
  it('matches globs on dotted names', () => {
    expect(globToRegExp('*.bias').test('layers.0.bias')).toBe(true);
    expect(globToRegExp('layers.0.*').test('layers.10.bias')).toBe(false);
  });

  it('gives each parameter to the first matching group, the rest to the default group', () => {
    const c = parseExperimentConfig({
      ...base,
      optimizer: { ...base.optimizer, groups: [{ layer: ['layernorm'], weightDecay: 0 }, { tensor: ['bias'], weightDecay: 0, lr: 0.5 }] },
    });
    const m = buildModel(c.model, 2, 2);
    const groups = resolveGroups(c.optimizer, m.parameters);
    expect(groups.map((g) => g.names)).toEqual([
      ['layers.1.weight', 'layers.1.bias', 'layers.4.weight', 'layers.4.bias'],
      ['layers.0.bias', 'layers.3.bias', 'layers.6.bias'],
      ['layers.0.weight', 'layers.3.weight', 'layers.6.weight'],
    ]);
    const opt = buildOptimizer(c.optimizer, m.parameters);
    expect(opt.paramGroups.map((g) => [g.weightDecay, g.lr, g.decay])).toEqual([
      [0, 0.1, 'l2'],
      [0, 0.5, 'l2'],
      [0.01, 0.1, 'l2'],
    ]);
  });

  it('names a group that matches nothing and lists the parameters', () => {
    const c = parseExperimentConfig({ ...base, optimizer: { ...base.optimizer, groups: [{ params: ['encoder.*'] }] } });
    const m = buildModel(c.model, 2, 2);
    expect(() => resolveGroups(c.optimizer, m.parameters)).toThrow(/optimizer\.groups\.0: matches no parameter .*allowed: layers\.0\.weight/s);
  });

  it('uses decoupled decay for AdamW unless told otherwise', () => {
    const m = buildModel(parseExperimentConfig(base).model, 2, 2);
    const adamw = buildOptimizer(parseExperimentConfig({ ...base, optimizer: { name: 'adamw', lr: 0.01 } }).optimizer, m.parameters);
    expect(adamw.paramGroups[0]!.decay).toBe('decoupled');
    const l1 = buildOptimizer(parseExperimentConfig({ ...base, optimizer: { name: 'adamw', lr: 0.01, decay: 'l1-proximal' } }).optimizer, m.parameters);
    expect(l1.paramGroups[0]!.decay).toBe('l1-proximal');
  });
});

describe('schedules', () => {
  it('drives lr by cosine and weight decay by step, per iteration', () => {
    const c = parseExperimentConfig({ ...base, schedule: { lr: { type: 'cosine' }, weightDecay: { type: 'step', stepSize: 2, gamma: 0.5 } } });
    const m = buildModel(c.model, 2, 2);
    const opt = buildOptimizer(c.optimizer, m.parameters);
    const s = buildSchedules(c.schedule, opt, 10, 0);
    expect(s.perIteration).toHaveLength(2);
    for (let t = 0; t < 5; t++) for (const x of s.perIteration) x.step();
    const g = opt.paramGroups[0]!;
    expect(g.lr).toBeCloseTo((0.1 * (1 + Math.cos((Math.PI * 5) / 10))) / 2, 12);
    expect(g.weightDecay).toBeCloseTo(0.01 * 0.5 ** 2, 12);
  });

  it('steps epoch schedules separately', () => {
    const c = parseExperimentConfig({ ...base, training: { epochs: 3, batchSize: 50 }, schedule: { lr: { type: 'exponential', gamma: 0.5, per: 'epoch' } } });
    const m = buildModel(c.model, 2, 2);
    const s = buildSchedules(c.schedule, buildOptimizer(c.optimizer, m.parameters), 12, 3);
    expect([s.perIteration.length, s.perEpoch.length]).toEqual([0, 1]);
  });
});
