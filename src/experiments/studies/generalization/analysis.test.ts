import { describe, expect, it } from 'vitest';
import { analyzeGeneralization, type GeneralizationRunInput } from './analysis.js';
import { generalizationVerdict } from './verdict.js';

/** A run whose train loss falls to `train` and test loss follows `test` (values at steps 10, 20, 30). */
function run(weightDecay: number, train: readonly number[], test: readonly number[], acc = [0.9, 0.8]): GeneralizationRunInput {
  return {
    weightDecay,
    evals: train.map((t, i) => ({ step: 10 * (i + 1), train: { loss: t, accuracy: acc[0]! }, test: { loss: test[i]!, accuracy: acc[1]! } })),
  };
}

const RUNS = [
  run(0, [0.6, 0.3, 0.1], [0.7, 0.55, 0.65]),
  run(0, [0.6, 0.3, 0.1], [0.7, 0.55, 0.61]),
  run(1, [0.6, 0.4, 0.3], [0.7, 0.6, 0.55]),
  run(10, [0.9, 0.8, 0.75], [0.95, 0.85, 0.8]),
];

describe('generalization analysis', () => {
  it('averages curves over seeds, finds the best λ and classifies the fit', () => {
    const a = analyzeGeneralization(RUNS);
    expect(a.rows.map((r) => r.weightDecay)).toEqual([0, 1, 10]);
    expect(a.bestWeightDecay).toBe(1);
    const [zero, one, ten] = a.rows;
    expect(zero!.runs).toBe(2);
    expect(zero!.testLoss).toBeCloseTo(0.63, 12);
    expect(zero!.gap).toBeCloseTo(0.53, 12);
    expect(zero!.minTestLoss).toBeCloseTo(0.55, 12);
    expect(zero!.minTestStep).toBe(20);
    expect(zero!.curve.steps).toEqual([10, 20, 30]);
    expect(zero!.fit).toBe('overfits');
    expect(one!.fit).toBe('balanced');
    expect(ten!.fit).toBe('underfits');
  });
});

describe('generalization verdict', () => {
  it('states the gap, the best λ, overfitting and underfitting from the numbers', () => {
    const text = generalizationVerdict(analyzeGeneralization(RUNS)).sentences.join(' ');
    expect(text).toContain('Without decay (λ=0): train loss 0.1000 against test loss 0.6300 — a gap of 0.5300');
    expect(text).toContain('its test loss bottomed out at 0.5500 (step 20) and ended +15% higher');
    expect(text).toContain('Lowest final test loss at λ=1: 0.5500 (train 0.3000, gap 0.2500');
    expect(text).toContain('Overfitting (gap above 1.25× the best λ\'s 0.2500): λ = 0 (gaps 0.5300).');
    expect(text).toContain('Underfitting (train loss at or above the best test loss 0.5500): λ = 10 (train losses 0.7500');
    expect(text).toContain('The final train loss rises with λ at every step of the grid (0.1000 → 0.7500)');
  });

  it('changes when the numbers change', () => {
    const fits = [run(0, [0.5, 0.4, 0.3], [0.6, 0.5, 0.45]), run(1, [0.5, 0.45, 0.4], [0.6, 0.55, 0.5]), run(10, [0.6, 0.5, 0.28], [0.6, 0.55, 0.46])];
    const text = generalizationVerdict(analyzeGeneralization(fits)).sentences.join(' ');
    expect(text).toContain('Lowest final test loss at λ=0');
    expect(text).toContain('No λ overfits by this rule');
    expect(text).toContain('No λ underfits: even λ=10 reaches train loss 0.2800, below the best test loss 0.4500.');
    expect(text).toContain('does not rise monotonically');
    expect(text).not.toContain('bottomed out');
    expect(generalizationVerdict(analyzeGeneralization([])).sentences).toEqual(['No run finished.']);
  });
});
