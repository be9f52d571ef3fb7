import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/fixtures.js';
import { parseExperimentConfig } from '../config/parse.js';
import { articleDataset, loadDataset } from '../datasets/load.js';
import { BatchSchedule } from './batches.js';
import { Generator } from '../../tensor/random/generator.js';
import { train } from './loop.js';
import { setupRun } from './setup.js';

interface SeedRun {
  weight_decay: number;
  losses: number[];
  final_stats: Record<string, { l2: number }>;
}
const fixture = loadFixture<{ runs: SeedRun[] }>('torch/seed_experiment.json');

const article = (weightDecay: number, iterations = 1000): ReturnType<typeof parseExperimentConfig> =>
  parseExperimentConfig({ seed: 0, model: { kind: 'article' }, dataset: { name: 'article' }, optimizer: { name: 'adam', lr: 0.01, weightDecay }, training: { iterations } });

describe("the article's experiment", () => {
  for (const ref of fixture.runs) {
    it(`reproduces PyTorch's run with weight decay ${ref.weight_decay}`, () => {
      const losses: number[] = [];
      const out = train(setupRun(article(ref.weight_decay), articleDataset()), { onLoggedStep: (_s, l) => losses.push(l) });
      expect(out.steps).toBe(1000);
      expect(losses).toHaveLength(1000);
      for (let i = 0; i < 150; i++) expect(Math.abs(losses[i]! - ref.losses[i]!) / ref.losses[i]!).toBeLessThan(1e-4);
      expect(out.params).toHaveLength(18);
      for (const p of out.params) expect(Math.abs(p.l2 - ref.final_stats[p.name]!.l2) / ref.final_stats[p.name]!.l2).toBeLessThan(0.03);
      expect(out.lastLoss).toBe(losses[999]);
      expect(out.final.train.loss).toBeGreaterThan(0);
      expect(out.divergedAt).toBeNull();
    });
  }

  it('calls the observer before the step: the logged parameters are those the loss was computed with', () => {
    const setup = setupRun(article(0.1, 3), articleDataset());
    const w = setup.model.parameters[0]!.tensor;
    const seen: number[] = [];
    train(setup, { onLoggedStep: () => seen.push(w.data[0]!) });
    const fresh = setupRun(article(0.1, 3), articleDataset()).model.parameters[0]!.tensor;
    expect(seen[0]).toBe(fresh.data[0]);
    expect(seen[1]).not.toBe(seen[0]);
  });
});

describe('training loop', () => {
  it('goes over mini-batches by epochs, reshuffling each epoch', () => {
    const b = new BatchSchedule(10, 4, true, new Generator(0));
    const first = [b.next(), b.next(), b.next()];
    expect(first.map((x) => x.rows!.length)).toEqual([4, 4, 2]);
    expect(first.map((x) => x.endsEpoch)).toEqual([false, false, true]);
    expect(new Set(first.flatMap((x) => Array.from(x.rows!))).size).toBe(10);
    expect(b.epoch).toBe(1);
  });

  it('learns two moons with mini-batches, evaluating train and test', async () => {
    const config = parseExperimentConfig({
      seed: 1,
      model: { kind: 'mlp', hidden: [16, 16] },
      dataset: { name: 'moons', n: 200, testN: 200, noise: 0.1 },
      optimizer: { name: 'adam', lr: 0.02 },
      training: { epochs: 30, batchSize: 50, evalEvery: 40 },
    });
    const evals: number[] = [];
    const out = train(setupRun(config, await loadDataset(config.dataset)), { onEval: (r) => evals.push(r.step) });
    expect(out.steps).toBe(120);
    expect(out.epochs).toBe(30);
    expect(evals).toEqual([40, 80, 120]);
    expect(out.final.train.accuracy).toBeGreaterThan(0.95);
    expect(out.final.test!.accuracy).toBeGreaterThan(0.9);
  });

  it('stops at a non-finite loss and says where', () => {
    const config = parseExperimentConfig({ seed: 0, model: { kind: 'article' }, dataset: { name: 'article' }, optimizer: { name: 'sgd', lr: 10 }, training: { iterations: 200 } });
    const out = train(setupRun(config, articleDataset()));
    expect(out.divergedAt).not.toBeNull();
    expect(out.steps).toBe(out.divergedAt);
    expect(Number.isFinite(out.lastLoss)).toBe(false);
  });
});
