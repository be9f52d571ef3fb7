import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLogDir } from '../../events/reader/log-dir.js';
import { parseExperimentConfig } from '../config/parse.js';
import { RUN_FILE } from '../run/run-record.js';
import { runSingle } from './run-single.js';

describe('runSingle', () => {
  it("records the config's hyperparameters in run.json and as a TensorBoard hparams session", async () => {
    const config = parseExperimentConfig({
      name: 'single-hp',
      seed: 2,
      model: { kind: 'mlp', hidden: [8] },
      dataset: { name: 'moons', n: 64, testN: 32 },
      optimizer: { name: 'sgd', lr: 0.05, weightDecay: 0.02, decay: 'l1' },
      training: { epochs: 2, batchSize: 16 },
      logging: { every: 1, histograms: false },
    });
    const logdir = mkdtempSync(join(tmpdir(), 'decaylab-single-'));
    const { dir, record } = await runSingle(config, { logdir, report: false });
    const want = { optimizer: 'sgd', lr: 0.05, weightDecay: 0.02, decay: 'l1', epochs: 2, batchSize: 16, seed: 2 };
    expect(record.name).toBe('seed=2');
    expect(JSON.parse(readFileSync(join(dir, record.name, RUN_FILE), 'utf8')).hparams).toEqual(want);

    const { runs } = loadLogDir(dir);
    const hp = runs.get('seed=2/hparams')!;
    expect(hp.hparams.sessionStart!.hparams).toEqual(want);
    expect(hp.hparams.experiment!.metrics.map((m) => m.tag)).toEqual(['final/train_loss', 'final/total_norm', 'final/near_zero_share', 'final/train_accuracy', 'final/test_loss', 'final/test_accuracy']);
    const acc = hp.scalars.get('final/test_accuracy')!;
    expect(Array.from(acc.values)).toEqual([Math.fround(record.result!.final.testAccuracy!)]);
    expect(Array.from(acc.steps)).toEqual([record.result!.steps]);
  });
});
