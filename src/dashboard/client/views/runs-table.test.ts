import { describe, expect, it } from 'vitest';
import type { RunInfo } from '../../shared/api-types.js';
import { runColumns, sortedRows } from './runs-table.js';

function run(name: string, hparams: RunInfo['hparams'], loss: number | null): RunInfo {
  return {
    name,
    generation: 1,
    scalarTags: loss === null ? [] : ['loss'],
    histogramTags: [],
    histogramLengths: {},
    errors: [],
    warnings: [],
    hparams,
    lastScalars: loss === null ? {} : { loss: { step: 9, wallTime: 1, value: loss } },
    record: null,
    eventCount: 10,
    firstWallTime: 1,
    lastWallTime: 2,
  };
}

const runs = [run('wd=0.1', { weightDecay: 0.1, optimizer: 'adam' }, 0.5), run('wd=0.01', { weightDecay: 0.01, optimizer: 'adam' }, 0.25), run('sgd', { optimizer: 'sgd' }, null)];

describe('runs table', () => {
  it('has a column per hyperparameter and per scalar tag', () => {
    const ids = runColumns(runs).map((c) => c.id);
    expect(ids).toEqual(['run', 'status', 'step', 'updated', 'hp:optimizer', 'hp:weightDecay', 'last:loss']);
  });

  it('sorts numbers numerically both ways, blanks last', () => {
    const cols = runColumns(runs);
    expect(sortedRows(runs, cols, 'hp:weightDecay', false, '').map((r) => r.name)).toEqual(['wd=0.01', 'wd=0.1', 'sgd']);
    expect(sortedRows(runs, cols, 'hp:weightDecay', true, '').map((r) => r.name)).toEqual(['wd=0.1', 'wd=0.01', 'sgd']);
    expect(sortedRows(runs, cols, 'last:loss', false, '').map((r) => r.name)).toEqual(['wd=0.01', 'wd=0.1', 'sgd']);
    expect(sortedRows(runs, cols, 'run', false, '').map((r) => r.name)).toEqual(['sgd', 'wd=0.01', 'wd=0.1']);
  });

  it('filters rows by the text of any cell', () => {
    const cols = runColumns(runs);
    expect(sortedRows(runs, cols, 'run', false, 'SGD').map((r) => r.name)).toEqual(['sgd']);
    expect(sortedRows(runs, cols, 'run', false, '0.25').map((r) => r.name)).toEqual(['wd=0.01']);
  });
});
