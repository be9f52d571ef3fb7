import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLogDir } from '../../events/reader/log-dir.js';
import { parameterStats } from '../analysis/parameter-stats.js';
import { parseExperimentConfig } from '../config/parse.js';
import { runExperiment } from './run-experiment.js';
import { readRunRecord } from './run-record-read.js';
import { encodeSafetensors, FINAL_PARAMS_FILE, readSafetensors } from './safetensors.js';
import { snapshotOf } from './trace.js';
import { readTrace } from './trace-read.js';

const tmp = mkdtempSync(join(tmpdir(), 'decaylab-run-'));
const config = parseExperimentConfig({
  seed: 0,
  model: { kind: 'article' },
  dataset: { name: 'article' },
  optimizer: { name: 'adam', lr: 0.01, weightDecay: 0.1 },
  training: { iterations: 30 },
});

describe('runExperiment', () => {
  it('writes events the reader loads, a trace that agrees with them, run.json and the final parameters', async () => {
    const dir = join(tmp, 'article');
    const record = await runExperiment(config, { dir, name: 'article', hparams: { weightDecay: 0.1 } });
    expect(record.status).toBe('done');
    expect(readdirSync(dir).sort()).toEqual(expect.arrayContaining(['run.json', 'trace.json', FINAL_PARAMS_FILE, 'hparams']));

    const { runs } = loadLogDir(dir);
    const run = runs.get('.')!;
    const loss = run.scalars.get('loss')!;
    expect(Array.from(loss.steps)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    const trace = readTrace(dir)!;
    expect(Array.from(loss.values)).toEqual(trace.loss.map((v) => Math.fround(v)));
    expect(run.histograms.size).toBe(36);
    for (const p of record.result!.params) {
      for (const kind of ['grad', 'data']) expect(run.histograms.get(`${p.name}_${kind}`)?.length).toBe(30);
    }
    const w0 = run.histograms.get('linears.0.weight_data')!;
    expect(Math.sqrt(w0.sumSquares[5]!)).toBeCloseTo(trace.norms['linears.0.weight']![5]!, 4);
    const hp = runs.get('hparams')!;
    expect(hp.hparams.sessionStart).not.toBeNull();

    const reread = readRunRecord(dir)!;
    expect(reread).toEqual(record);
    const params = readSafetensors(join(dir, FINAL_PARAMS_FILE));
    expect([...params.keys()]).toEqual(record.result!.params.map((p) => p.name));
    for (const p of record.result!.params) {
      const t = params.get(p.name)!;
      expect(parameterStats(p.name, t.data, t.shape)).toEqual(p);
    }
  });

  it('trains without event files when asked', async () => {
    const dir = join(tmp, 'quiet');
    await runExperiment(config, { dir, name: 'quiet', events: false });
    expect(readdirSync(dir).some((f) => f.startsWith('events.out.tfevents'))).toBe(false);
    expect(readRunRecord(dir)!.status).toBe('done');
  });

  it('marks a run that throws as failed, keeping the message', async () => {
    const dir = join(tmp, 'broken');
    const bad = parseExperimentConfig({ ...config, dataset: { name: 'csv', path: join(tmp, 'missing.csv') }, model: { kind: 'mlp' } });
    await expect(runExperiment(bad, { dir, name: 'broken' })).rejects.toThrow(/missing\.csv: cannot read/);
    const record = readRunRecord(dir)!;
    expect(record.status).toBe('failed');
    expect(record.error).toMatchObject({ name: 'DatasetError' });
    expect(existsSync(join(dir, 'trace.json'))).toBe(false);
  });
});

describe('files', () => {
  it('round-trips safetensors with an aligned header', () => {
    const bytes = encodeSafetensors([{ name: 'a', shape: [2, 2], data: [1, 2, 3, 4.5] }, { name: 'b', shape: [1], data: [-1] }], { note: 'x' });
    const n = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect((8 + n) % 8).toBe(0);
    expect(bytes.length).toBe(8 + n + 20);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n)));
    expect(header.b).toEqual({ dtype: 'F32', shape: [1], data_offsets: [16, 20] });
    expect(header.__metadata__).toEqual({ note: 'x' });
  });

  it('bins snapshots over their own range', () => {
    const s = snapshotOf(3, [0, 1, 1, 2], 2);
    expect(s).toEqual({ step: 3, min: 0, max: 2, counts: [1, 3] });
    expect(snapshotOf(0, new Float32Array(400)).counts).toHaveLength(40);
    expect(snapshotOf(0, [1, 2]).counts).toHaveLength(8);
    expect(snapshotOf(0, [5, 5], 4).counts).toEqual([0, 0, 0, 2]);
  });
});
