/**
 * nn.init against PyTorch 1.13 (src/nn/fixtures/torch_nn.json): after manualSeed(seed), each
 * initialiser in the fixture's order consumes the generator as PyTorch does. Uniform-based draws
 * (every layer's default initialisation) are bit for bit; normal-based draws of 16 or more
 * elements are within a few float32 ulps, since PyTorch's AVX2 kernel evaluates log/sin/cos with
 * its own approximations (src/tensor/random). Gains and fans follow PyTorch's rules.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zeros } from '../tensor/creation.js';
import { ArgumentError, ShapeError } from '../tensor/errors.js';
import { Generator, manualSeed } from '../tensor/random/generator.js';
import type { Tensor } from '../tensor/tensor.js';
import * as init from './init.js';
import { Linear } from './layers/linear.js';
import { type TorchNnFixture, expectCloseTo, numbers } from './test-support/torch-fixture.js';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/torch_nn.json', import.meta.url), 'utf8')) as TorchNnFixture;

/** The fixture's draws, in its order, as decaylab calls. */
function drawAll(): [string, Tensor][] {
  const out: [string, Tensor][] = [];
  out.push(['xavier_uniform_20x30_gain1.5', init.xavierUniform_(zeros([20, 30]), 1.5)]);
  out.push(['xavier_normal_20x30', init.xavierNormal_(zeros([20, 30]))]);
  out.push(['kaiming_normal_5x3', init.kaimingNormal_(zeros([5, 3]))]);
  out.push(['kaiming_uniform_7x4x3_fan_out_relu', init.kaimingUniform_(zeros([7, 4, 3]), { mode: 'fan_out', nonlinearity: 'relu' })]);
  out.push(['kaiming_normal_6x8_a0.2', init.kaimingNormal_(zeros([6, 8]), { a: 0.2, nonlinearity: 'leaky_relu' })]);
  out.push(['uniform_9', init.uniform_(zeros([9]), -2, 3)]);
  out.push(['normal_40', init.normal_(zeros([40]), 1, 0.5)]);
  const lin = new Linear(5, 3);
  out.push(['linear_5x3.weight', lin.weight], ['linear_5x3.bias', lin.bias!]);
  return out;
}

describe('nn.init against PyTorch', () => {
  for (const c of fixture.init) {
    it(`seed ${c.seed}: every initialiser bit for bit, in order`, () => {
      manualSeed(c.seed);
      const draws = drawAll();
      expect(draws.map(([k]) => k)).toEqual(Object.keys(c.draws));
      for (const [key, t] of draws) {
        const expected = c.draws[key]!;
        expect(t.shape, key).toEqual(expected.shape);
        if (key.includes('normal') && t.size >= 16) expectCloseTo(t.data, expected, 1e-6, 1e-7, key);
        else expect(Array.from(t.data), key).toEqual(numbers(expected));
      }
    });
  }

  it('an explicit generator gives the same draws as the seeded default one', () => {
    manualSeed(3);
    const a = init.kaimingUniform_(zeros([4, 6]), { a: Math.sqrt(5) });
    const b = init.kaimingUniform_(zeros([4, 6]), { a: Math.sqrt(5), generator: new Generator(3) });
    expect(Array.from(b.data)).toEqual(Array.from(a.data));
  });

  it("calculateGain follows PyTorch's table", () => {
    for (const [key, value] of Object.entries(fixture.gains)) {
      const [name, param] = key.split(':') as [init.Nonlinearity, string];
      expect(init.calculateGain(name, param === 'None' ? undefined : Number(param)), key).toBe(value);
    }
    expect(() => init.calculateGain('softmax' as init.Nonlinearity)).toThrow(ArgumentError);
  });

  it('fans: in·receptive field and out·receptive field; fewer than 2 dims is an error', () => {
    expect(init.calculateFanInAndFanOut(zeros([7, 4, 3, 2]))).toEqual({ fanIn: 24, fanOut: 42 });
    expect(() => init.calculateFanInAndFanOut(zeros([5]))).toThrow(ShapeError);
    expect(() => init.kaimingUniform_(zeros([4, 3]), { mode: 'fan_avg' as init.FanMode })).toThrow(ArgumentError);
  });

  it('constant_, zeros_, ones_ fill in place without recording a graph', () => {
    const t = zeros([2, 3], { requiresGrad: true });
    expect(init.constant_(t, 2.5)).toBe(t);
    expect(Array.from(t.data)).toEqual([2.5, 2.5, 2.5, 2.5, 2.5, 2.5]);
    init.ones_(t);
    expect(t.data.every((v) => v === 1)).toBe(true);
    init.zeros_(t);
    expect(t.data.every((v) => v === 0)).toBe(true);
    expect(t.gradFn).toBeNull();
  });

  it('zero-element tensors are left alone and draw nothing', () => {
    manualSeed(1);
    init.kaimingUniform_(zeros([0, 3]));
    const after = init.uniform_(zeros([3]));
    manualSeed(1);
    expect(Array.from(after.data)).toEqual(Array.from(init.uniform_(zeros([3])).data));
  });
});
