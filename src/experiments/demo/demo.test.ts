import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/fixtures.js';
import { loadLogDir } from '../../events/reader/log-dir.js';
import { formatNumber, formatPercent } from '../analysis/format.js';
import { parameterStats } from '../analysis/parameter-stats.js';
import { ConfigError } from '../errors.js';
import { DECAY_MODES, OPTIMIZER_NAMES } from '../config/names.js';
import { parseExperimentConfig } from '../config/parse.js';
import { FINAL_PARAMS_FILE, readSafetensors } from '../run/safetensors.js';
import { DEMO_DEFAULTS, demoPlan } from './demo-plan.js';
import { runDemo } from './run-demo.js';

interface SeedRun {
  weight_decay: number;
  final_stats: Record<string, { l2: number; mean_abs: number; max_abs: number }>;
}
const fixture = loadFixture<{ runs: SeedRun[] }>('torch/seed_experiment.json');

describe('demo plan', () => {
  it("is the article's experiment, once per weight decay", () => {
    const plan = demoPlan(DEMO_DEFAULTS);
    expect(plan.map((p) => p.name)).toEqual(['wd=0.01', 'wd=0.1']);
    expect(plan[1]!.config).toMatchObject({
      seed: 0,
      model: { kind: 'article' },
      dataset: { name: 'article' },
      optimizer: { name: 'adam', lr: 0.01, weightDecay: 0.1, betas: [0.9, 0.999], eps: 1e-8 },
      training: { iterations: 1000 },
      logging: { every: 1, histograms: true, gradients: true },
    });
  });

  it('builds exactly the configs validation would make of it, for every optimizer and decay', () => {
    for (const optimizer of OPTIMIZER_NAMES) {
      for (const decay of [undefined, ...DECAY_MODES]) {
        for (const p of demoPlan({ ...DEMO_DEFAULTS, optimizer, decay, bins: 64, logEvery: 5, seed: 7 })) {
          expect(parseExperimentConfig(p.config)).toEqual(p.config);
        }
      }
    }
  });

  it('names the flag of a bad value', () => {
    expect(() => demoPlan({ ...DEMO_DEFAULTS, weightDecays: [0.1, 0.1] })).toThrow(/--weight-decay: 0\.1 is given twice/);
    expect(() => demoPlan({ ...DEMO_DEFAULTS, weightDecays: [] })).toThrow(ConfigError);
    expect(() => demoPlan({ ...DEMO_DEFAULTS, lr: -1 })).toThrow(/--lr: -1 is not a number > 0/);
    expect(() => demoPlan({ ...DEMO_DEFAULTS, iterations: 0.5 })).toThrow(/--iterations: 0\.5 is not an integer >= 1/);
  });
});

describe('runDemo (worker threads, full logging)', () => {
  it('runs both weight decays, and its table, runs and report agree with the final parameters', async () => {
    const logdir = mkdtempSync(join(tmpdir(), 'decaylab-demo-'));
    const result = await runDemo(DEMO_DEFAULTS, { logdir });
    expect(result.records.map((r) => r.status)).toEqual(['done', 'done']);

    // The table is the final parameters' statistics, read back from final.safetensors…
    result.records.forEach((record, i) => {
      const params = readSafetensors(join(result.dir, record.name, FINAL_PARAMS_FILE));
      result.table.rows.forEach((row) => {
        const t = params.get(row.name)!;
        expect(row.stats[i]).toEqual(parameterStats(row.name, t.data, t.shape));
      });
      // …and close to PyTorch's own final parameters (float32 runs drift; see the fixture README).
      const ref = fixture.runs.find((r) => r.weight_decay === record.config.optimizer.weightDecay)!;
      for (const row of result.table.rows) expect(Math.abs(row.stats[i]!.l2 / ref.final_stats[row.name]!.l2 - 1)).toBeLessThan(0.03);
    });
    expect(result.table.runs.map((r) => r.label)).toEqual(['λ=0.01', 'λ=0.1']);
    expect(result.verdict.target).toBe('λ=0.1');
    expect(result.verdict.totalNormTarget).toBeLessThan(result.verdict.totalNormBaseline);

    // Every run loads with the event reader: 1000 steps of loss and of 36 histograms.
    const { runs } = loadLogDir(result.dir);
    for (const record of result.records) {
      const run = runs.get(record.name)!;
      expect(run.scalars.get('loss')!.length).toBe(1000);
      expect(run.histograms.size).toBe(36);
      expect(run.histograms.get('linears.8.bias_grad')!.length).toBe(1000);
    }

    // The report holds the numbers of the table and the verdict, offline.
    const html = readFileSync(result.reportPath!, 'utf8');
    for (const row of result.table.rows) {
      for (const st of row.stats) expect(html).toContain(`>${formatNumber(st.l2)}<`);
      expect(html).toContain(`>${formatPercent(row.stats[1]!.nearZeroShare)}<`);
    }
    for (const s of result.verdict.sentences) expect(html).toContain(s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(html).toContain('data-series="λ=0.01"');
    expect(html).toContain('data-series="λ=0.1"');
    expect(html.match(/data-step="/g)!.length).toBe(3 * 2 * 24);
    expect(html).not.toMatch(/https?:|<script|<link|src=|@import|url\(/i);
    expect(readdirSync(result.dir).sort()).toEqual(['experiment.json', 'report.html', 'wd=0.01', 'wd=0.1']);
  });
});
