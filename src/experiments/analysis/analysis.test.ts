import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/fixtures.js';
import { compareRuns, formatChange, formatNumber, meanSd, parameterStats, totalNorm, verdict, type RunForComparison } from './index.js';

interface SeedRun {
  weight_decay: number;
  losses: number[];
  final: Record<string, { shape: number[]; data: number[] }>;
  final_stats: Record<string, { l2: number; mean_abs: number; max_abs: number }>;
}
const seed = loadFixture<{ runs: SeedRun[] }>('torch/seed_experiment.json');

function runFor(r: SeedRun): RunForComparison {
  return {
    label: `λ=${r.weight_decay}`,
    weightDecay: r.weight_decay,
    decay: 'l2',
    finalLoss: r.losses[r.losses.length - 1]!,
    params: Object.entries(r.final).map(([name, t]) => parameterStats(name, Float32Array.from(t.data), t.shape)),
  };
}

describe('parameterStats', () => {
  it('matches PyTorch norm / abs().mean() / abs().max() on the article runs', () => {
    for (const r of seed.runs) {
      for (const [name, t] of Object.entries(r.final)) {
        const s = parameterStats(name, Float32Array.from(t.data), t.shape);
        const ref = r.final_stats[name]!;
        expect(s.l2).toBeCloseTo(ref.l2, 5);
        expect(Math.abs(s.meanAbs - ref.mean_abs) / ref.mean_abs).toBeLessThan(1e-6);
        expect(s.maxAbs).toBe(Math.fround(ref.max_abs));
        expect(s.numel).toBe(t.data.length);
      }
    }
  });

  it('counts near-zero and exact zeros', () => {
    const s = parameterStats('w', [0, -0, 5e-4, -2e-3, 1], [5]);
    expect(s.exactZeros).toBe(2);
    expect(s.nearZeroShare).toBeCloseTo(3 / 5, 12);
    expect(s.maxAbs).toBe(1);
    expect(s.l2).toBeCloseTo(Math.sqrt(25e-8 + 4e-6 + 1), 12);
  });

  it('describes an empty tensor with zeros', () => {
    expect(parameterStats('e', [], [0])).toMatchObject({ numel: 0, l2: 0, meanAbs: 0, maxAbs: 0, nearZeroShare: 0 });
  });
});

describe('compareRuns and verdict on the article experiment', () => {
  const runs = seed.runs.map(runFor);
  const table = compareRuns(runs);
  const v = verdict(table);

  it('lines up the 18 parameter tensors of both runs', () => {
    expect(table.rows).toHaveLength(18);
    expect(table.rows[0]!.name).toBe('linears.0.weight');
    expect(table.runs.map((r) => r.label)).toEqual(['λ=0.01', 'λ=0.1']);
    expect(table.runs[1]!.totalNorm).toBeCloseTo(totalNorm(runs[1]!.params), 12);
  });

  it('counts shrunk tensors and the total norm change from the numbers', () => {
    const [a, b] = seed.runs;
    const names = Object.keys(a!.final_stats);
    const shrunk = names.filter((n) => b!.final_stats[n]!.l2 < a!.final_stats[n]!.l2).length;
    expect(v.shrunk).toBe(shrunk);
    expect(v.baseline).toBe('λ=0.01');
    expect(v.target).toBe('λ=0.1');
    const norm = (r: SeedRun): number => Math.sqrt(names.reduce((s, n) => s + r.final_stats[n]!.l2 ** 2, 0));
    expect(v.totalNormBaseline).toBeCloseTo(norm(a!), 3);
    expect(v.totalNormTarget).toBeCloseTo(norm(b!), 3);
    expect(v.sentences[0]).toContain(`shrank ${shrunk} of 18 parameter tensors`);
    expect(v.sentences[0]).toContain(formatNumber(norm(a!), 3));
    expect(v.sentences[0]).toContain(formatChange(v.totalNormChange));
    expect(v.exactZerosTarget).toBe(0);
    expect(v.sentences.join(' ')).toContain('No weight is exactly zero');
    expect(v.sentences.join(' ')).toContain('L2 decay shrinks, it does not sparsify');
  });

  it('reports exact zeros when the target has them', () => {
    const sparse: RunForComparison = {
      label: 'prox',
      weightDecay: 0.5,
      decay: 'l1-proximal',
      finalLoss: 2,
      params: [parameterStats('w', [0, 0, 0, 1], [4])],
    };
    const dense: RunForComparison = { ...sparse, label: 'none', weightDecay: 0, decay: 'l2', finalLoss: 1, params: [parameterStats('w', [1, 1, 1, 1], [4])] };
    const w = verdict(compareRuns([dense, sparse]));
    expect(w.shrunk).toBe(1);
    expect(w.sentences.join(' ')).toContain('3 of 4 weights (75.0%) are exactly zero');
    expect(w.sentences.join(' ')).toContain('the L1 proximal step sparsifies');
    expect(w.sentences.join(' ')).toContain('a worse fit (+100%)');
  });

  it('treats a run with a non-finite weight as diverged even when its loss is finite', () => {
    // λ=0.1's PyTorch final weights with one entry of linears.0.weight turned NaN and one of linears.8.bias Infinity.
    const src = seed.runs[1]!;
    const broken: RunForComparison = {
      ...runFor(src),
      label: 'broken',
      params: Object.entries(src.final).map(([name, t]) => {
        const data = Float32Array.from(t.data);
        if (name === 'linears.0.weight') data[3] = NaN;
        if (name === 'linears.8.bias') data[0] = Infinity;
        return parameterStats(name, data, t.shape);
      }),
    };
    const w = verdict(compareRuns([runs[0]!, broken]));
    expect(w.diverged).toEqual(['broken']);
    expect(w.compared).toBe(false);
    expect(w.sentences[0]).toContain('broken diverged');
    expect(w.sentences[0]).toContain('non-finite weights in 2 of 18 parameter tensors');
    expect(w.sentences[1]).toBe('Only λ=0.01 finished with finite numbers, so weight decays are not compared.');
    expect(w.sentences[3]).toMatch(/^No weight is exactly zero \(\|w\| < 1e-3: \d+\.\d%\): L2 decay shrinks/);
    // With weight decay 0 there is no decay to explain the absence of zeros.
    const plain = verdict(compareRuns([{ ...runs[0]!, weightDecay: 0, label: 'λ=0' }]));
    expect(plain.sentences[1]).toMatch(/^No weight is exactly zero \(\|w\| < 1e-3: \d+\.\d%\)\.$/);
  });

  it('refuses runs of different models', () => {
    const other = { ...runs[0]!, label: 'x', params: runs[0]!.params.slice(1) };
    expect(() => compareRuns([runs[0]!, other])).toThrow(/run "x" has parameters/);
  });
});

describe('meanSd and formatting', () => {
  it('uses the sample standard deviation', () => {
    const m = meanSd([1, 2, 3, 4]);
    expect(m.mean).toBe(2.5);
    expect(m.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(meanSd([7])).toEqual({ mean: 7, sd: 0, n: 1 });
    expect(meanSd([]).n).toBe(0);
  });

  it('formats numbers, changes and exponents', () => {
    expect(formatNumber(28.123456, 3)).toBe('28.1');
    expect(formatNumber(1.5e-5, 3)).toBe('1.50e-5');
    expect(formatChange(-0.311)).toBe('\u221231%');
    expect(formatChange(0.05)).toBe('+5%');
  });
});
