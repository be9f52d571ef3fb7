import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verdict } from '../analysis/verdict.js';
import { formatNumber, formatPercent } from '../analysis/format.js';
import { comparisonOf } from '../batch/compare.js';
import { DEMO_DEFAULTS, type DemoOptions } from './demo-plan.js';
import { type DemoResult, runDemo } from './run-demo.js';

const demo = (o: Partial<DemoOptions>): Promise<DemoResult> =>
  runDemo({ ...DEMO_DEFAULTS, iterations: 50, logEvery: 10, ...o }, { logdir: mkdtempSync(join(tmpdir(), 'decaylab-demo-verdict-')), report: false, inProcess: true });

const ARROW = '\u2192';

describe('the demo verdict on real runs', () => {
  // SGD at lr 0.01 blows up on the article's data within a few steps (loss → Infinity, weights ~1e14).
  let sgdOne: DemoResult;
  let sgdTwo: DemoResult;
  let adamOne: DemoResult;
  beforeAll(async () => {
    [sgdOne, sgdTwo, adamOne] = await Promise.all([demo({ optimizer: 'sgd', weightDecays: [0.01] }), demo({ optimizer: 'sgd', weightDecays: [0.01, 0.1] }), demo({ weightDecays: [0.1] })]);
  }, 120_000);

  it('says a single diverged run diverged, suggests a lower lr, and concludes nothing about weight decay', () => {
    const [record] = sgdOne.records;
    expect(record!.status).toBe('diverged');
    expect(Number.isFinite(sgdOne.table.runs[0]!.finalLoss)).toBe(false);
    const v = sgdOne.verdict;
    expect(v.diverged).toEqual(['λ=0.01']);
    expect(v.compared).toBe(false);
    expect(v.sentences).toHaveLength(1);
    const [s] = v.sentences;
    expect(s).toContain('λ=0.01 diverged');
    expect(s).toContain(`final loss ${formatNumber(sgdOne.table.runs[0]!.finalLoss)}`);
    expect(s).toContain(`total weight norm ${formatNumber(sgdOne.table.runs[0]!.totalNorm, 3)}`);
    expect(s).toContain('lower learning rate');
    expect(s).toContain('no weight-decay conclusion');
    expect(s).not.toContain(ARROW);
    expect(v.sentences.join(' ')).not.toMatch(/sparsif|shrank|shrink|exactly zero|fit/);
  });

  it('compares nothing when every run diverged', () => {
    const v = sgdTwo.verdict;
    expect(sgdTwo.records.map((r) => r.status)).toEqual(['diverged', 'diverged']);
    expect(v.diverged).toEqual(['λ=0.01', 'λ=0.1']);
    expect(v.compared).toBe(false);
    expect(v.sentences.slice(0, 2).map((s) => s.split(' ')[0])).toEqual(['λ=0.01', 'λ=0.1']);
    expect(v.sentences[2]).toBe('No run finished with finite numbers, so weight decays are not compared.');
    expect(v.sentences.join(' ')).not.toMatch(/sparsif|shrank|exactly zero|→/);
  });

  it('describes one finite run on its own, without comparison arrows', () => {
    expect(adamOne.records[0]!.status).toBe('done');
    const t = adamOne.table.runs[0]!;
    const v = adamOne.verdict;
    expect(v).toMatchObject({ diverged: [], compared: false, baseline: 'λ=0.1', target: 'λ=0.1', totalNormChange: 0, lossChange: 0 });
    expect(v.sentences).toEqual([
      `λ=0.1: total weight norm ${formatNumber(t.totalNorm, 3)} over 18 parameter tensors; final loss ${formatNumber(t.finalLoss)}.`,
      `No weight is exactly zero (|w| < 1e-3: ${formatPercent(t.nearZeroShare)}): L2 decay shrinks, it does not sparsify.`,
    ]);
    expect(t.exactZeros).toBe(0);
  });

  it('leaves a diverged run out of the comparison and describes the finite one alone', () => {
    const diverged = { label: 'sgd λ=0.01', record: sgdOne.records[0]! };
    const finite = { label: 'adam λ=0.1', record: adamOne.records[0]! };
    for (const runs of [[diverged, finite], [finite, diverged]]) {
      const table = comparisonOf(runs);
      const v = verdict(table);
      const t = table.runs.find((r) => r.label === 'adam λ=0.1')!;
      expect(v.diverged).toEqual(['sgd λ=0.01']);
      expect(v.compared).toBe(false);
      expect(v.target).toBe('adam λ=0.1');
      expect(v.sentences[0]).toMatch(/^sgd λ=0\.01 diverged .*lower learning rate/);
      expect(v.sentences[1]).toBe('Only adam λ=0.1 finished with finite numbers, so weight decays are not compared.');
      expect(v.sentences[2]).toContain(`adam λ=0.1: total weight norm ${formatNumber(t.totalNorm, 3)}`);
      expect(v.sentences.join(' ')).not.toMatch(/shrank|→/);
      // An explicit pair naming the diverged run is not compared either.
      expect(verdict(table, { baseline: 0, target: 1 }).compared).toBe(false);
    }
  });

  it('still compares two finite runs after a diverged one is dropped', async () => {
    const two = await demo({ weightDecays: [0.01, 0.5] });
    const table = comparisonOf([{ label: 'sgd', record: sgdOne.records[0]! }, ...two.records.map((record) => ({ label: record.name, record }))]);
    const v = verdict(table);
    expect(v).toMatchObject({ diverged: ['sgd'], compared: true, baseline: 'wd=0.01', target: 'wd=0.5' });
    expect(v.sentences[0]).toMatch(/^sgd diverged /);
    expect(v.sentences[1]).toMatch(/^wd=0\.5 shrank \d+ of 18 parameter tensors compared with wd=0\.01; total weight norm .* → /);
    expect(v.totalNormTarget).toBeLessThan(v.totalNormBaseline);
    expect(v.sentences.at(-1)).toMatch(/^Final loss \S+ \(wd=0\.01\) vs \S+ \(wd=0\.5\)/);
  }, 60_000);
});
