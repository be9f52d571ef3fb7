import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExperimentConfig } from '../config/parse.js';
import { RunFolderError } from '../errors.js';
import { writeRunRecord } from '../run/run-record.js';
import { readRunRecord } from '../run/run-record-read.js';
import { loadBatch } from './load.js';
import { readManifest } from './manifest-read.js';
import type { PlannedRun } from './plan.js';
import { runBatch } from './run-batch.js';

const tmp = mkdtempSync(join(tmpdir(), 'decaylab-batch-'));

function plan(iterations = 8): PlannedRun[] {
  return [0, 0.1].map((weightDecay) => ({
    name: `wd=${weightDecay}`,
    group: `wd=${weightDecay}`,
    hparams: { weightDecay },
    config: parseExperimentConfig({ seed: 0, model: { kind: 'article' }, dataset: { name: 'article' }, optimizer: { name: 'adam', lr: 0.01, weightDecay }, training: { iterations } }),
  }));
}

const options = (dir: string, resume = true) => ({ dir, kind: 'sweep' as const, name: 'test', jobs: 1, resume, inProcess: true });

describe('runBatch', () => {
  it('runs every planned run in its own folder beside experiment.json', async () => {
    const dir = join(tmp, 'fresh');
    const result = await runBatch(plan(), options(dir));
    expect(result.skipped).toEqual([]);
    expect(result.records.map((r) => r?.status)).toEqual(['done', 'done']);
    expect(readManifest(dir)!.runs.map((r) => r.name)).toEqual(['wd=0', 'wd=0.1']);
    const loaded = loadBatch(dir);
    expect(loaded.runs.map((r) => r.trace?.steps.length)).toEqual([8, 8]);
  });

  it('resumes: keeps finished runs untouched and redoes an unfinished one, leaving other files alone', async () => {
    const dir = join(tmp, 'resume');
    await runBatch(plan(), options(dir));
    const keptFile = join(dir, 'wd=0', 'run.json');
    const keptBefore = [statSync(keptFile).mtimeMs, readFileSync(keptFile, 'utf8')];
    const killed = join(dir, 'wd=0.1');
    const record = readRunRecord(killed)!;
    writeRunRecord(killed, { ...record, status: 'running', result: null, finishedAt: null });
    writeFileSync(join(killed, 'run.json.tmp-123-0'), '{"half');
    writeFileSync(join(killed, 'notes.txt'), 'mine');
    const again = await runBatch(plan(), options(dir));
    expect(again.skipped).toEqual(['wd=0']);
    expect([statSync(keptFile).mtimeMs, readFileSync(keptFile, 'utf8')]).toEqual(keptBefore);
    expect(readRunRecord(killed)!.status).toBe('done');
    expect(existsSync(join(killed, 'run.json.tmp-123-0'))).toBe(false);
    expect(readFileSync(join(killed, 'notes.txt'), 'utf8')).toBe('mine');
    expect(again.records[1]!.result!.params).toEqual(record.result!.params);
  });

  it('refuses folders that hold something else, without touching them', async () => {
    const dir = join(tmp, 'other');
    await runBatch(plan(), options(dir));
    const manifestBefore = readFileSync(join(dir, 'experiment.json'), 'utf8');
    await expect(runBatch(plan(), options(dir, false))).rejects.toThrow(RunFolderError);
    await expect(runBatch(plan(9), options(dir))).rejects.toThrow(/holds a different sweep: the config of run "wd=0" changed/);
    await expect(runBatch(plan().slice(0, 1), options(dir))).rejects.toThrow(/run "wd=0.1" is not in this one/);
    expect(readFileSync(join(dir, 'experiment.json'), 'utf8')).toBe(manifestBefore);
    const user = join(tmp, 'user-folder');
    mkdirSync(user);
    writeFileSync(join(user, 'data.csv'), '1,2');
    await expect(runBatch(plan(), options(user))).rejects.toThrow(/is not empty and holds no experiment\.json/);
    expect(existsSync(join(user, 'experiment.json'))).toBe(false);
  });

  it('refuses duplicate or unsafe run names', async () => {
    const p = plan();
    await expect(runBatch([p[0]!, { ...p[1]!, name: 'wd=0' }], options(join(tmp, 'dup')))).rejects.toThrow(/two runs are named "wd=0"/);
    await expect(runBatch([{ ...p[0]!, name: '../escape' }], options(join(tmp, 'unsafe')))).rejects.toThrow(/not a safe folder name/);
  });
});
