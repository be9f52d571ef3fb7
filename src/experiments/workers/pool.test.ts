import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExperimentConfig } from '../config/parse.js';
import { RunFailedError } from '../errors.js';
import { prestartWorkers, runPool } from './pool.js';
import type { RunJob } from './protocol.js';

const tmp = mkdtempSync(join(tmpdir(), 'decaylab-pool-'));
const good = parseExperimentConfig({ seed: 0, model: { kind: 'article' }, dataset: { name: 'article' }, optimizer: { name: 'adam', lr: 0.01, weightDecay: 0.1 }, training: { iterations: 30 } });
const broken = parseExperimentConfig({ ...good, model: { kind: 'mlp' }, dataset: { name: 'csv', path: join(tmp, 'absent.csv') } });

describe('runPool in worker threads', () => {
  it('runs jobs in parallel, reports progress, and turns a failing job into a RunFailedError naming it', async () => {
    prestartWorkers(1);
    const jobs: RunJob[] = [
      { id: 'a', name: 'good-run', dir: join(tmp, 'a'), config: good, events: false },
      { id: 'b', name: 'broken-run', dir: join(tmp, 'b'), config: broken },
      { id: 'c', name: 'third-run', dir: join(tmp, 'c'), config: good, events: false },
    ];
    const progress = new Map<string, number>();
    const started: string[] = [];
    const outcomes = await runPool(jobs, { concurrency: 2, onStart: (j) => started.push(j.id), onProgress: (j, step) => progress.set(j.id, step) });
    expect(outcomes.map((o) => o.job.id)).toEqual(['a', 'b', 'c']);
    expect(started.sort()).toEqual(['a', 'b', 'c']);
    expect(outcomes[0]!.record?.status).toBe('done');
    expect(outcomes[0]!.trace?.loss).toHaveLength(30);
    expect(progress.get('a')).toBe(30);
    const failed = outcomes[1]!.error;
    expect(failed).toBeInstanceOf(RunFailedError);
    expect(failed).toMatchObject({ runName: 'broken-run', causeName: 'DatasetError' });
    expect(failed!.message).toMatch(/^run "broken-run" failed: DatasetError: .*absent\.csv: cannot read/);
    expect(outcomes[2]!.record?.result?.params).toEqual(outcomes[0]!.record?.result?.params);
  });
});
