import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, type ConfigIssue } from '../errors.js';
import { configIssues } from '../test-support/config-issues.js';
import { applyOverrides, loadExperimentConfig, parseExperimentConfig, parseValue, readConfigJson } from './index.js';

const valid = {
  model: { kind: 'mlp', hidden: [16, 16], norm: 'layernorm' },
  dataset: { name: 'moons', n: 100 },
  optimizer: { name: 'adam', lr: 0.01, weightDecay: 0.1 },
  training: { iterations: 50 },
};

function issuesOf(data: unknown): ConfigIssue[] {
  return configIssues(() => parseExperimentConfig(data));
}

describe('parseExperimentConfig', () => {
  it('fills in defaults', () => {
    const c = parseExperimentConfig(valid);
    expect(c.seed).toBe(0);
    expect(c.logging).toEqual({ every: 1, histograms: true, gradients: true, bins: 'compact' });
    expect(c.optimizer).toMatchObject({ name: 'adam', betas: [0.9, 0.999], eps: 1e-8, groups: [] });
    expect(c.model).toMatchObject({ activation: 'relu', bias: true });
    expect(c.dataset).toMatchObject({ testN: 200, noise: 0.1, seed: 0 });
  });

  it('names the key and the allowed values of a bad enum', () => {
    const issues = issuesOf({ ...valid, optimizer: { ...valid.optimizer, decay: 'l3' } });
    expect(issues).toEqual([{ path: 'optimizer.decay', message: '"l3" is not allowed', allowed: ['l2', 'decoupled', 'l1', 'l1-proximal'] }]);
  });

  it('names a bad discriminator with its allowed values', () => {
    const issues = issuesOf({ ...valid, optimizer: { name: 'adamx', lr: 1 } });
    expect(issues).toEqual([{ path: 'optimizer.name', message: '"adamx" is not allowed', allowed: ['sgd', 'adam', 'adamw', 'rmsprop', 'adagrad', 'adamax', 'nadam', 'radam', 'adadelta'] }]);
    expect(issuesOf({ ...valid, model: {} })[0]).toMatchObject({ path: 'model.kind', message: 'required key is missing', allowed: ['article', 'mlp', 'sequential'] });
  });

  it('lists the keys allowed where an unknown key appears, inside union members too', () => {
    const issues = issuesOf({ ...valid, optimizer: { ...valid.optimizer, wd: 0.1 }, extra: 1 });
    const wd = issues.find((i) => i.path === 'optimizer.wd')!;
    expect(wd.message).toBe('unknown key');
    expect(wd.allowed).toEqual(['name', 'lr', 'weightDecay', 'decay', 'groups', 'betas', 'eps', 'amsgrad']);
    expect(issues.find((i) => i.path === 'extra')!.allowed).toContain('optimizer');
    const layer = issuesOf({ ...valid, model: { kind: 'sequential', layers: [{ type: 'linear', out: 4, size: 3 }] } });
    expect(layer).toEqual([{ path: 'model.layers.0.size', message: 'unknown key', allowed: ['type', 'out', 'bias'] }]);
  });

  it('quotes wrong types, ranges and missing keys', () => {
    const issues = issuesOf({ ...valid, seed: 1.5, optimizer: { name: 'sgd', lr: -1 }, training: {} });
    expect(issues.find((i) => i.path === 'seed')!.message).toBe('expected int, got number 1.5');
    expect(issues.find((i) => i.path === 'optimizer.lr')!.message).toContain('-1');
    expect(issues.find((i) => i.path === 'training')!.message).toContain('exactly one of "iterations" and "epochs"');
    const missing = issuesOf({ dataset: valid.dataset, optimizer: valid.optimizer, training: valid.training });
    expect(missing).toEqual([{ path: 'model', message: 'required key is missing (expected object)' }]);
  });

  it('checks sections against each other', () => {
    expect(issuesOf({ ...valid, loss: 'mse' })).toEqual([{ path: 'loss', message: '"mse" does not fit a classification dataset', allowed: ['cross-entropy'] }]);
    expect(issuesOf({ ...valid, model: { kind: 'article' } })[0]!.path).toBe('model.kind');
  });

  it('puts every issue in the message', () => {
    const parse = (): unknown => parseExperimentConfig({ ...valid, optimizer: { name: 'adam', lr: 0, decay: 'x' } }, 'my.json');
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow('invalid my.json');
    expect(parse).toThrow('optimizer.decay: "x" is not allowed (allowed: l2, decoupled, l1, l1-proximal)');
    expect(parse).toThrow(/optimizer\.lr: 0: expected number to be >0/);
  });
});

describe('overrides and files', () => {
  it('sets dotted paths in a copy', () => {
    const out = applyOverrides(valid, [
      { path: 'optimizer.weightDecay', value: 0.5 },
      { path: 'model.hidden.1', value: 8 },
      { path: 'schedule.lr', value: { type: 'cosine' } },
    ]);
    expect(out).toMatchObject({ optimizer: { weightDecay: 0.5 }, model: { hidden: [16, 8] }, schedule: { lr: { type: 'cosine' } } });
    expect(valid.optimizer.weightDecay).toBe(0.1);
    expect(() => applyOverrides(valid, [{ path: 'optimizer.lr.x', value: 1 }])).toThrow(/optimizer.lr: is 0.01, not an object/);
  });

  it('parses command-line values as JSON when possible', () => {
    expect(parseValue('0.1')).toBe(0.1);
    expect(parseValue('adam')).toBe('adam');
    expect(parseValue('[1,2]')).toEqual([1, 2]);
    expect(parseValue('true')).toBe(true);
  });

  it('names file, line and column of a JSON syntax error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'decaylab-config-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "seed": 1,\n  "model": {,\n}');
    expect(() => readConfigJson(bad)).toThrow(/bad\.json:\n.*not valid JSON at line 3, column 13/);
    expect(() => readConfigJson(join(dir, 'missing.json'))).toThrow(/cannot read the file \(ENOENT\)/);
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(valid));
    expect(loadExperimentConfig(good).optimizer.weightDecay).toBe(0.1);
  });
});
