import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLogDir } from '../../events/reader/log-dir.js';
import { RUN_FILE } from '../run/run-record.js';
import { DEMO_DEFAULTS } from './demo-plan.js';
import { runDemo } from './run-demo.js';

describe('demo runs record their hyperparameters', () => {
  it('in run.json and as a TensorBoard hparams session with the final metrics, for every run (worker threads)', async () => {
    const logdir = mkdtempSync(join(tmpdir(), 'decaylab-demo-hp-'));
    // Non-default flags, so every value is seen to come from the options, not from defaults.
    const result = await runDemo({ ...DEMO_DEFAULTS, optimizer: 'adamw', lr: 0.005, weightDecays: [0.02, 0.3], iterations: 25, seed: 3, logEvery: 5 }, { logdir, report: false });
    const expected = (weightDecay: number) => ({ optimizer: 'adamw', lr: 0.005, weightDecay, decay: 'decoupled', iterations: 25, seed: 3 });
    expect(result.records.map((r) => r.name)).toEqual(['wd=0.02', 'wd=0.3']);

    const { runs } = loadLogDir(result.dir);
    expect([...runs.keys()].sort()).toEqual(['wd=0.02', 'wd=0.02/hparams', 'wd=0.3', 'wd=0.3/hparams']);
    for (const [i, record] of result.records.entries()) {
      const want = expected([0.02, 0.3][i]!);
      // run.json on disk (what the dashboard's Runs/HParams view reads)…
      const onDisk = JSON.parse(readFileSync(join(result.dir, record.name, RUN_FILE), 'utf8')) as { hparams: unknown };
      expect(onDisk.hparams).toEqual(want);
      expect(record.hparams).toEqual(want);
      expect(readdirSync(join(result.dir, record.name))).toContain('hparams');

      // …and the hparams plugin's session in the sub-run (what TensorBoard's HParams tab reads).
      const hp = runs.get(`${record.name}/hparams`)!.hparams;
      expect(hp.sessionStart!.hparams).toEqual(want);
      expect(hp.experiment!.hparams.map((h) => [h.name, h.type]).sort()).toEqual(
        [['decay', 'string'], ['iterations', 'float64'], ['lr', 'float64'], ['optimizer', 'string'], ['seed', 'float64'], ['weightDecay', 'float64']].sort(),
      );
      expect(hp.experiment!.metrics.map((m) => m.tag)).toEqual(['final/train_loss', 'final/total_norm', 'final/near_zero_share']);
      expect(hp.sessionEnd!.status).toBe('success');
      const metrics = runs.get(`${record.name}/hparams`)!.scalars;
      const last = (tag: string): number => Array.from(metrics.get(tag)!.values).at(-1)!;
      expect(last('final/train_loss')).toBe(Math.fround(record.result!.final.trainLoss));
      expect(last('final/total_norm')).toBe(Math.fround(record.result!.totalNorm));
      expect(Array.from(metrics.get('final/train_loss')!.steps)).toEqual([25]);
      // The training run itself keeps its loss curve, without plugin data.
      expect(runs.get(record.name)!.scalars.get('loss')!.length).toBe(5);
      expect(runs.get(record.name)!.hparams.sessionStart).toBeNull();
    }
  });
});
