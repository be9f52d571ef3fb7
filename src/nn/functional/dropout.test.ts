/**
 * Dropout: after manualSeed(seed) the mask and scaling equal PyTorch 1.13's (CPU build without MKL,
 * src/nn/fixtures/torch_nn.json), the generator is left where PyTorch leaves it, and evaluation
 * mode is the identity.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ones, zeros } from '../../tensor/creation.js';
import { ArgumentError } from '../../tensor/errors.js';
import { manualSeed } from '../../tensor/random/generator.js';
import { rand } from '../../tensor/random/distributions.js';
import { Dropout } from '../layers/basic.js';
import { type TorchNnFixture, expectCloseTo, numbers } from '../test-support/torch-fixture.js';
import { dropout } from './dropout.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/torch_nn.json', import.meta.url), 'utf8')) as TorchNnFixture;

describe('dropout', () => {
  for (const c of fixture.dropout) {
    it(`seed ${c.seed}, p = ${c.p}: PyTorch's mask, then the same generator state`, () => {
      manualSeed(c.seed);
      const y = dropout(ones([c.n]), c.p);
      expectCloseTo(y.data, c.output, 1e-7, 0, 'mask');
      expect(Array.from(y.data).map((v) => v !== 0)).toEqual(numbers(c.output).map((v) => v !== 0));
      expect(Array.from(rand([3]).data)).toEqual(numbers(c.after));
    });
  }

  it('backward multiplies by the same mask', () => {
    manualSeed(0);
    const x = ones([37], { requiresGrad: true });
    const y = dropout(x, 0.5);
    y.sum().backward();
    expect(Array.from(x.grad!.data)).toEqual(Array.from(y.data));
  });

  it('is the identity in evaluation mode and with p = 0; p = 1 gives zeros', () => {
    const x = ones([4]);
    const d = new Dropout(0.5);
    d.eval();
    expect(d.forward(x)).toBe(x);
    expect(dropout(x, 0)).toBe(x);
    expect(Array.from(dropout(x, 1).data)).toEqual([0, 0, 0, 0]);
  });

  it('rejects probabilities outside [0, 1]', () => {
    expect(() => dropout(zeros([2]), 1.5)).toThrow(ArgumentError);
    expect(() => new Dropout(-0.1)).toThrow(ArgumentError);
  });

  it('prints like PyTorch', () => {
    expect(new Dropout(0.25).toString()).toBe('Dropout(p=0.25, inplace=False)');
  });
});
