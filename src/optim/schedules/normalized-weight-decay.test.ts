/** Loshchilov & Hutter's normalized weight decay λ = λ_norm·sqrt(b/(B·T)) and the paper-to-PyTorch λ. */
import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../tensor/errors.js';
import { lrScaledWeightDecay, normalizedWeightDecay } from './normalized-weight-decay.js';

describe('normalizedWeightDecay', () => {
  it('is λ_norm·sqrt(b/(B·T))', () => {
    // b/(B·T) = 100/(10000·4) = 1/400, sqrt = 1/20
    expect(normalizedWeightDecay({ lambdaNorm: 0.05, batchSize: 100, datasetSize: 10_000, epochs: 4 })).toBeCloseTo(0.0025, 17);
    // the article's run: full batch of 20 points for 1000 iterations = 1000 epochs
    expect(normalizedWeightDecay({ lambdaNorm: 1, batchSize: 20, datasetSize: 20, epochs: 1000 })).toBeCloseTo(1 / Math.sqrt(1000), 15);
  });

  it('halves when the run makes four times as many batch passes', () => {
    const base = { lambdaNorm: 0.025, batchSize: 128, datasetSize: 50_000 };
    const short = normalizedWeightDecay({ ...base, epochs: 50 });
    expect(normalizedWeightDecay({ ...base, epochs: 200 })).toBeCloseTo(short / 2, 15);
    expect(normalizedWeightDecay({ ...base, batchSize: 32, epochs: 50 })).toBeCloseTo(short / 2, 15);
  });

  it('names the bad input', () => {
    const ok = { lambdaNorm: 0.05, batchSize: 10, datasetSize: 100, epochs: 5 };
    for (const [key, value] of [
      ['lambdaNorm', -1],
      ['batchSize', 0],
      ['datasetSize', Number.NaN],
      ['epochs', -3],
      ['batchSize', 1000],
    ] as const) {
      expect(() => normalizedWeightDecay({ ...ok, [key]: value })).toThrow(ArgumentError);
      expect(() => normalizedWeightDecay({ ...ok, [key]: value })).toThrow(expect.objectContaining({ argument: key, value }));
    }
  });
});

describe('lrScaledWeightDecay', () => {
  it("divides the paper's λ by the base lr, so lr·λ_pytorch = α·η_t·λ_paper/α = η_t·λ_paper", () => {
    expect(lrScaledWeightDecay(0.0001, 0.001)).toBeCloseTo(0.1, 15);
    expect(() => lrScaledWeightDecay(0.1, 0)).toThrow(expect.objectContaining({ argument: 'baseLr' }));
  });
});
