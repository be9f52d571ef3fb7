import { describe, expect, it } from 'vitest';
import { parseExperimentConfig } from '../../config/parse.js';
import { ConfigError } from '../../errors.js';
import { equilibriumModel, FASHION_CLASSES, FASHION_INPUTS, scaleInvariantParams } from './plan.js';
import { scaleInvarianceCheck } from './scale-invariance.js';

const model = parseExperimentConfig({ model: equilibriumModel([16, 16]), dataset: { name: 'fashion-mnist' }, optimizer: { name: 'adamw', lr: 0.01 }, training: { iterations: 1 } }).model;

describe('scale invariance of weights followed by LayerNorm', () => {
  it('finds the weights of bias-free Linears followed by LayerNorm', () => {
    expect(scaleInvariantParams(model)).toEqual(['layers.0.weight', 'layers.3.weight']);
    expect(scaleInvariantParams({ kind: 'mlp', hidden: [4], activation: 'relu', norm: 'layernorm', bias: false })).toEqual([]);
    const withBias = parseExperimentConfig({ model: { kind: 'sequential', layers: [{ type: 'linear', out: 4 }, { type: 'layernorm' }, { type: 'linear' }] }, dataset: { name: 'moons' }, optimizer: { name: 'sgd', lr: 1 }, training: { iterations: 1 } }).model;
    expect(scaleInvariantParams(withBias)).toEqual([]);
  });

  it('leaves the output unchanged up to ε, scales the gradient by 1/c, and makes it orthogonal to W', () => {
    const checks = scaleInvarianceCheck(model, FASHION_INPUTS, FASHION_CLASSES, scaleInvariantParams(model), [0.5, 4, 10]);
    expect(checks).toHaveLength(6);
    for (const c of checks) {
      expect(c.outputChange).toBeLessThan(2e-3);
      expect(Math.abs(c.gradScale * c.c - 1)).toBeLessThan(2e-3);
      expect(c.gradCosine).toBeGreaterThan(0.99999);
      expect(c.radial).toBeLessThan(1e-4);
    }
    // ε matters less as the weight grows: var(cWx) = c²·var(Wx) dwarfs it.
    const first = checks.filter((c) => c.param === 'layers.3.weight');
    expect(first[2]!.outputChange).toBeLessThan(first[0]!.outputChange);
  });

  it('does not hold for the output layer, and names unknown parameters', () => {
    const [out] = scaleInvarianceCheck(model, FASHION_INPUTS, FASHION_CLASSES, ['layers.6.weight'], [4]);
    expect(out!.outputChange).toBeGreaterThan(0.5);
    expect(out!.radial).toBeGreaterThan(0.01);
    expect(() => scaleInvarianceCheck(model, FASHION_INPUTS, FASHION_CLASSES, ['layers.9.weight'], [2])).toThrow(ConfigError);
  });
});
