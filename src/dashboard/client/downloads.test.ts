import { describe, expect, it } from 'vitest';
import { fileNameOf, scalarsCsv, scalarsJson } from './downloads.js';

const series = [
  { run: 'wd=0.1', data: { steps: Float64Array.from([0, 1]), wallTimes: Float64Array.from([10.5, 11]), values: Float64Array.from([0.25, NaN]) } },
  { run: 'a,"b"', data: { steps: Float64Array.from([5]), wallTimes: Float64Array.from([12]), values: Float64Array.from([-Infinity]) } },
];

describe('scalar downloads', () => {
  it('CSV: TensorBoard columns plus the run, quoted when needed', () => {
    expect(scalarsCsv(series)).toBe('run,wall_time,step,value\nwd=0.1,10.5,0,0.25\nwd=0.1,11,1,NaN\n"a,""b""",12,5,-Infinity\n');
  });

  it('JSON: [wall_time, step, value] rows per run, non-finite values as strings', () => {
    expect(JSON.parse(scalarsJson('loss', series))).toEqual({
      tag: 'loss',
      runs: { 'wd=0.1': [[10.5, 0, 0.25], [11, 1, 'NaN']], 'a,"b"': [[12, 5, '-Infinity']] },
    });
  });

  it('file names from tags', () => {
    expect(fileNameOf('eval/train loss')).toBe('eval_train_loss');
    expect(fileNameOf('///')).toBe('scalars');
  });
});
