import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configIssues as issues } from '../test-support/config-issues.js';
import { expandGrid, parseGridArg, splitTopLevel } from './grid.js';
import { resultsCsv, type SweepRecordInput, sweepResults } from './results.js';
import { runSweep } from './run-sweep.js';

const base = {
  name: 'moons-small',
  seed: 3,
  model: { kind: 'mlp', hidden: [8] },
  dataset: { name: 'moons', n: 64, testN: 64 },
  optimizer: { name: 'adam', lr: 0.05 },
  training: { iterations: 15 },
};

describe('grid', () => {
  it('splits values at top-level commas and parses them as JSON when possible', () => {
    expect(splitTopLevel('[20,20],[40,40],"a,b"')).toEqual(['[20,20]', '[40,40]', '"a,b"']);
    expect(parseGridArg('model.hidden=[20,20],[40]')).toEqual({ key: 'model.hidden', values: [[20, 20], [40]] });
    expect(parseGridArg('optimizer.decay=l2,decoupled')).toEqual({ key: 'optimizer.decay', values: ['l2', 'decoupled'] });
    expect(issues(() => parseGridArg('weightDecay'))[0]!.path).toBe('--grid');
    expect(issues(() => parseGridArg('optimizer.lr=0.1,'))[0]).toMatchObject({ path: 'optimizer.lr', message: expect.stringContaining('empty value') });
  });

  it('crosses grid points with seeds, naming runs by their values', () => {
    const plan = expandGrid(base, [parseGridArg('optimizer.weightDecay=0,0.1'), parseGridArg('optimizer.decay=l2,decoupled')], 2);
    expect(plan.map((p) => p.name)).toEqual([
      'weightDecay=0,decay=l2,seed=3',
      'weightDecay=0,decay=l2,seed=4',
      'weightDecay=0,decay=decoupled,seed=3',
      'weightDecay=0,decay=decoupled,seed=4',
      'weightDecay=0.1,decay=l2,seed=3',
      'weightDecay=0.1,decay=l2,seed=4',
      'weightDecay=0.1,decay=decoupled,seed=3',
      'weightDecay=0.1,decay=decoupled,seed=4',
    ]);
    expect(plan[5]!.config.optimizer).toMatchObject({ weightDecay: 0.1, decay: 'l2' });
    expect(plan[5]!.config.seed).toBe(4);
    expect(plan[5]!.hparams).toEqual({ 'optimizer.weightDecay': 0.1, 'optimizer.decay': 'l2', seed: 4 });
    expect(plan[5]!.group).toBe('weightDecay=0.1,decay=l2');
  });

  it('names a bad grid key or value with what is allowed', () => {
    const unknown = issues(() => expandGrid(base, [parseGridArg('optimizer.wd=0.1')], 1));
    expect(unknown[0]).toMatchObject({ path: 'optimizer.wd', message: 'unknown key' });
    expect(unknown[0]!.allowed).toContain('weightDecay');
    const value = issues(() => expandGrid(base, [parseGridArg('optimizer.decay=l2,l3')], 1));
    expect(value[0]).toMatchObject({ path: 'optimizer.decay', message: '"l3" is not allowed', allowed: ['l2', 'decoupled', 'l1', 'l1-proximal'] });
    expect(issues(() => expandGrid(base, [parseGridArg('seed=1,2')], 1))[0]!.message).toContain('--seeds');
    expect(() => expandGrid(base, [parseGridArg('optimizer.decay=l3')], 1)).toThrow(/config with --grid optimizer\.decay="l3"/);
  });
});

describe('results', () => {
  const record = (trainLoss: number, status: SweepRecordInput['status'] = 'done'): SweepRecordInput => ({
    status,
    result: { final: { trainLoss, testAccuracy: trainLoss / 10 }, totalNorm: 2, nearZeroShare: 0, exactZeros: 0 },
  });

  it('aggregates seeds per grid point with the sample standard deviation', () => {
    const runs = [
      { group: 'a', hparams: { x: 1, seed: 0 } },
      { group: 'a', hparams: { x: 1, seed: 1 } },
      { group: 'b', hparams: { x: 2, seed: 0 } },
      { group: 'b', hparams: { x: 2, seed: 1 } },
    ];
    const rows = sweepResults(runs, [record(1), record(3), record(5), null]);
    expect(rows.map((r) => [r.group, r.runs, r.finished])).toEqual([
      ['a', 2, 2],
      ['b', 2, 1],
    ]);
    expect(rows[0]!.hparams).toEqual({ x: 1 });
    expect(rows[0]!.metrics.trainLoss).toEqual({ mean: 2, sd: Math.SQRT2, n: 2 });
    expect(rows[0]!.metrics.testLoss.n).toBe(0);
    const csv = resultsCsv(rows, ['x']).trim().split('\n');
    expect(csv[0]).toBe('x,runs,finished,diverged,trainLoss_mean,trainLoss_sd,testAccuracy_mean,testAccuracy_sd,totalNorm_mean,totalNorm_sd,nearZeroShare_mean,nearZeroShare_sd,exactZeros_mean,exactZeros_sd');
    expect(csv[2]).toBe('2,2,1,0,5,0,0.5,0,2,0,0,0,0,0');
  });
});

describe('runSweep', () => {
  it('runs the grid, writes results.csv, results.json and report.html, and resumes without redoing', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'decaylab-sweep-')), 'sweep');
    const o = { base, grid: [parseGridArg('optimizer.weightDecay=0,0.5')], seeds: 2, dir, name: 'sweep', jobs: 1, inProcess: true };
    const first = await runSweep(o);
    expect(first.failures).toEqual([]);
    expect(first.rows.map((r) => [r.hparams['optimizer.weightDecay'], r.finished, r.metrics.testAccuracy.n])).toEqual([
      [0, 2, 2],
      [0.5, 2, 2],
    ]);
    expect(first.rows[1]!.metrics.totalNorm.mean).toBeLessThan(first.rows[0]!.metrics.totalNorm.mean);
    expect(readFileSync(join(dir, 'results.csv'), 'utf8').trim().split('\n')).toHaveLength(3);
    expect(JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')).rows).toHaveLength(2);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('weightDecay=0.5');
    const second = await runSweep(o);
    expect(second.skipped).toHaveLength(4);
    expect(second.rows).toEqual(first.rows);
  });
});
