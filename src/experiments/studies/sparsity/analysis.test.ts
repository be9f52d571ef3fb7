import { describe, expect, it } from 'vitest';
import { analyzeSparsity, cellAt, type SparsityRunInput } from './analysis.js';
import type { SparsityRunMode } from './plan.js';
import { points, sparsityVerdict } from './verdict.js';

function run(mode: SparsityRunMode, weightDecay: number, exactZeros: number, testAccuracy: number, nearZeroShare = 0.02): SparsityRunInput {
  return {
    mode,
    weightDecay,
    numel: 1000,
    exactZeros,
    nearZeroShare,
    trainLoss: 0.3,
    testLoss: 0.5,
    testAccuracy,
    params: [
      { name: 'w', numel: 800, exactZeros: Math.min(800, exactZeros) },
      { name: 'b', numel: 200, exactZeros: Math.max(0, exactZeros - 800) },
    ],
  };
}

const RUNS: SparsityRunInput[] = [
  run('none', 0, 0, 0.8),
  run('l2', 0.001, 0, 0.8),
  run('l2', 0.01, 0, 0.79, 0.03),
  run('l1', 0.001, 0, 0.78, 0.3),
  run('l1', 0.01, 0, 0.6, 0.7),
  run('l1-proximal', 0.001, 40, 0.805),
  run('l1-proximal', 0.01, 500, 0.795),
  run('l1-proximal', 0.01, 700, 0.785),
];

describe('sparsity analysis', () => {
  it('averages the exact-zero share, accuracy and per-tensor zeros over seeds', () => {
    const a = analyzeSparsity(RUNS);
    expect(a.weightDecays).toEqual([0.001, 0.01]);
    expect(a.baseline).toMatchObject({ mode: 'none', testAccuracy: 0.8, accuracyChange: 0 });
    const prox = cellAt(a, 'l1-proximal', 0.01)!;
    expect(prox.runs).toBe(2);
    expect(prox.zeroShare).toBeCloseTo(0.6, 12);
    expect(prox.exactZeros).toBe(1200);
    expect(prox.testAccuracy).toBeCloseTo(0.79, 12);
    expect(prox.accuracyChange).toBeCloseTo(-0.01, 12);
    expect(prox.perTensor).toEqual([
      { name: 'w', zeroShare: (500 / 800 + 700 / 800) / 2 },
      { name: 'b', zeroShare: 0 },
    ]);
    expect(a.cells.map((c) => `${c.mode}@${c.weightDecay}`)).toEqual(['l2@0.001', 'l2@0.01', 'l1@0.001', 'l1@0.01', 'l1-proximal@0.001', 'l1-proximal@0.01']);
  });
});

describe('sparsity verdict', () => {
  it('names the modes with exact zeros and the accuracy cost, from the numbers', () => {
    const v = sparsityVerdict(analyzeSparsity(RUNS));
    expect(v.sparsifying).toEqual(['l1-proximal']);
    expect(v.dense).toEqual(['l2', 'l1']);
    const text = v.sentences.join(' ');
    expect(text).toContain('Exact zeros (w === 0) came only from L1 proximal (4.0% at λ=0.001, 60.0% at λ=0.01)');
    expect(text).toContain('None from L2 (|w| < 1e-3: 3.0% at λ=0.01), L1 (subgradient) (|w| < 1e-3: 70.0% at λ=0.01)');
    expect(text).toContain('The L1 subgradient pushes weights toward zero (70.0% below 1e-3 against 3.0% with L2');
    expect(text).toContain('Test accuracy without decay: 80.0%; at λ=0.01: L2 79.0% (−1 pp), L1 (subgradient) 60.0% (−20 pp), L1 proximal 79.0% (−1 pp).');
    expect(text).toContain('Sparsest run within 1 pp of no decay\'s accuracy: L1 proximal at λ=0.01, 60.0% of the weights exactly zero');
  });

  it('changes with the numbers: zeros from L2, or no sparse run keeping the accuracy', () => {
    const changed = RUNS.map((r) => (r.mode === 'l2' && r.weightDecay === 0.01 ? { ...r, exactZeros: 5 } : r.mode === 'l1-proximal' ? { ...r, testAccuracy: 0.7 } : r));
    const v = sparsityVerdict(analyzeSparsity(changed));
    expect(v.sparsifying).toEqual(['l2', 'l1-proximal']);
    const text = v.sentences.join(' ');
    expect(text).toContain('L2 (0.0% at λ=0.001, 0.5% at λ=0.01)');
    expect(text).toContain('Sparsest run within 1 pp of no decay\'s accuracy: L2 at λ=0.01');
    const none = sparsityVerdict(analyzeSparsity(RUNS.map((r) => (r.mode === 'l1-proximal' ? { ...r, testAccuracy: 0.7 } : r))));
    expect(none.sentences.join(' ')).toContain('No run with exact zeros kept the test accuracy within 1 pp of no decay.');
    expect(sparsityVerdict(analyzeSparsity([RUNS[0]!])).sentences).toEqual(['No decayed run finished.']);
  });

  it('formats accuracy changes in percentage points', () => {
    expect(points(-0.0312)).toBe('\u22123.1 pp');
    expect(points(0.004)).toBe('+0.4 pp');
    expect(points(0)).toBe('±0 pp');
  });
});
