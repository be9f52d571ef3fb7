import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tensor } from '../../tensor/creation.js';
import { ArgumentError } from '../../tensor/errors.js';
import { HistogramError, WriterClosedError } from '../errors.js';
import { makeHistogram } from '../histogram/make-histogram.js';
import { histogramRows } from '../histogram/tensorboard-view.js';
import { listEventFiles } from '../reader/discover.js';
import { readEventBytes } from '../reader/event-reader.js';
import { loadLogDir } from '../reader/log-dir.js';
import { SummaryWriter } from './summary-writer.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'decaylab-events-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function eventsOf(path: string) {
  const out = [];
  const it = readEventBytes(readFileSync(path), path);
  for (let n = it.next(); n.done !== true; n = it.next()) out.push(n.value.event);
  return out;
}

describe('SummaryWriter files', () => {
  it('names the file events.out.tfevents.<10 digits>.<hostname><suffix> and starts with brain.Event:2', () => {
    const w = new SummaryWriter({ logDir: dir, filenameSuffix: '.v1' });
    w.close();
    expect(basename(w.filePath)).toMatch(new RegExp(`^events\\.out\\.tfevents\\.\\d{10}\\.${hostname().replace(/\./g, '\\.')}\\.v1$`));
    const [first] = eventsOf(w.filePath);
    expect(first!.what).toEqual({ case: 'fileVersion', value: 'brain.Event:2' });
    expect(first!.step).toBe(0n);
    expect(Math.abs(first!.wallTime - Date.now() / 1000)).toBeLessThan(60);
  });

  it('defaults to runs/<Mon><DD>_<HH>-<MM>-<SS>_<hostname><comment>', () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const w = new SummaryWriter({ comment: '-wd0.1' });
      w.close();
      expect(w.logDir).toMatch(new RegExp(`^runs/[A-Z][a-z]{2}\\d{2}_\\d{2}-\\d{2}-\\d{2}_${hostname().replace(/\./g, '\\.')}-wd0\\.1$`));
      expect(readdirSync(join(dir, w.logDir)).length).toBe(1);
    } finally {
      process.chdir(cwd);
    }
  });

  it('two writers in the same folder and second get distinct files in creation order', () => {
    const a = new SummaryWriter({ logDir: dir });
    const b = new SummaryWriter({ logDir: dir });
    a.close();
    b.close();
    expect(a.filePath).not.toBe(b.filePath);
    expect(listEventFiles(dir)).toEqual([a.filePath, b.filePath]);
  });

  it('writes the purge events of tensorboardX for purgeStep', () => {
    const w = new SummaryWriter({ logDir: dir, purgeStep: 7 });
    w.close();
    const [, fv, start] = eventsOf(w.filePath);
    expect(fv!.step).toBe(7n);
    expect(fv!.what).toEqual({ case: 'fileVersion', value: 'brain.Event:2' });
    expect(start!.step).toBe(7n);
    expect(start!.what.case).toBe('sessionLog');
  });
});

describe('round trip: what the writer writes, the reader reads back', () => {
  it('scalars, histograms of every kind of bins, raw histograms, text and hparams', () => {
    const w = new SummaryWriter({ logDir: dir });
    const values = Float32Array.from({ length: 257 }, (_, i) => Math.sin(i) * Math.exp(-i / 100));
    const edges = [-1, -0.5, 0, 0.25, 1];
    const binsList = ['compact', 'tensorflow', 7, edges] as const;
    for (let step = 0; step < 4; step++) {
      w.addScalar('loss', 1 / (step + 1), step, 1000 + step);
      w.addScalar('lr tensor', tensor([0.01 * step]), step, 1000 + step);
      binsList.forEach((bins, k) => w.addHistogram(`h${k}/values`, values.map((v) => v * (step + 1)), step, { bins, walltime: 1000 + step }));
      w.addHistogram('h/max_bins', values, step, { bins: 'tensorflow', maxBins: 64, walltime: 1000 + step });
      w.addScalars('pair', { a: step, b: -step }, step, 1000 + step);
    }
    w.addHistogramRaw('raw', { min: -1, max: 2, num: 3, sum: 1, sumSquares: 5, bucketLimits: [0.5, 2], bucketCounts: [1, 2] }, 9, 2000);
    w.addText('notes', 'λ = 0.1 — ✓', 3, 1003);
    w.addHparams({ lr: 0.01, wd: 0.1, opt: 'adam', amsgrad: false, skipped: null }, { 'hparam/loss': 0.5 }, { name: 'hp', step: 3 });
    w.addHparams({ lr: 10 }, { 'hparam/loss': 1e30 }, { name: 'hp-failed', step: 3, status: 'failure' });
    w.close();

    const data = loadLogDir(dir);
    expect([...data.runs.keys()].sort()).toEqual(['.', 'hp', 'hp-failed', 'pair/a', 'pair/b']);
    const run = data.runs.get('.')!;
    expect(Array.from(run.scalars.get('loss')!.values)).toEqual([1, 1 / 2, 1 / 3, 1 / 4].map(Math.fround));
    expect(Array.from(run.scalars.get('loss')!.wallTimes)).toEqual([1000, 1001, 1002, 1003]);
    expect(Array.from(run.scalars.get('lr_tensor')!.values)).toEqual([0, 0.01, 0.02, 0.03].map((x) => Math.fround(Math.fround(x))));
    binsList.forEach((bins, k) => {
      const series = run.histograms.get(`h${k}/values`)!;
      expect(Array.from(series.steps)).toEqual([0, 1, 2, 3]);
      for (let step = 0; step < 4; step++) {
        const expected = makeHistogram(values.map((v) => v * (step + 1)), { bins });
        expect(series.rowsAt(step)).toEqual(histogramRows(expected));
        expect([series.min[step], series.max[step], series.num[step], series.sum[step], series.sumSquares[step]]).toEqual([
          expected.min,
          expected.max,
          expected.num,
          expected.sum,
          expected.sumSquares,
        ]);
      }
    });
    expect(run.histograms.get('h/max_bins')!.rowsAt(0)).toEqual(histogramRows(makeHistogram(values, { bins: 'tensorflow', maxBins: 64 })));
    const raw = run.histograms.get('raw')!;
    expect(Array.from(raw.rowsAt(0))).toEqual([-1, 0.5, 1, 0.5, 2, 2]);
    expect(Array.from(raw.steps)).toEqual([9]);
    expect(run.texts.get('notes/text_summary')!.values).toEqual([['λ = 0.1 — ✓']]);
    for (const [name, sign] of [
      ['pair/a', 1],
      ['pair/b', -1],
    ] as const) {
      const s = data.runs.get(name)!.scalars.get('pair')!;
      expect(Array.from(s.values)).toEqual([0, 1, 2, 3].map((x) => sign * x)); // -0 for b at step 0 round-trips too
    }
    const hp = data.runs.get('hp')!;
    expect(hp.hparams.sessionStart!.hparams).toEqual({ lr: 0.01, wd: 0.1, opt: 'adam', amsgrad: false });
    expect(hp.hparams.experiment!.hparams.map((h) => `${h.name}:${h.type}`)).toEqual(['lr:float64', 'wd:float64', 'opt:string', 'amsgrad:bool']);
    expect(hp.hparams.experiment!.metrics.map((m) => m.tag)).toEqual(['hparam/loss']);
    expect(hp.hparams.sessionEnd!.status).toBe('success');
    expect(Array.from(hp.scalars.get('hparam/loss')!.steps)).toEqual([3]);
    expect(data.runs.get('hp-failed')!.hparams.sessionEnd!.status).toBe('failure');
  });

  it('the exact HistogramProto fields come back from the file', () => {
    const w = new SummaryWriter({ logDir: dir });
    const values = Float64Array.from({ length: 1000 }, (_, i) => (i % 17) - 8.5 + i * 1e-3);
    w.addHistogram('x', values, 5, { bins: 'tensorflow' });
    w.close();
    const histo = eventsOf(w.filePath)
      .flatMap((e) => (e.what.case === 'summary' ? e.what.value.value : []))
      .map((v) => (v.value.case === 'histo' ? v.value.value : null))[0]!;
    const expected = makeHistogram(values, { bins: 'tensorflow' });
    expect(histo.bucketLimit).toEqual(Array.from(expected.bucketLimit));
    expect(histo.bucket).toEqual(Array.from(expected.bucket));
    expect([histo.min, histo.max, histo.num, histo.sum, histo.sumSquares]).toEqual([expected.min, expected.max, expected.num, expected.sum, expected.sumSquares]);
  });

  it('a restart with purgeStep hides the old points at steps ≥ purgeStep', () => {
    const first = new SummaryWriter({ logDir: dir });
    for (let s = 0; s < 10; s++) first.addScalar('loss', s, s);
    first.close();
    const second = new SummaryWriter({ logDir: dir, purgeStep: 6 });
    for (let s = 6; s < 8; s++) second.addScalar('loss', 100 + s, s);
    second.close();
    const loss = loadLogDir(dir).runs.get('.')!.scalars.get('loss')!;
    expect(Array.from(loss.steps)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(Array.from(loss.values)).toEqual([0, 1, 2, 3, 4, 5, 106, 107]);
  });

  it('cleans tags as tensorboardX does', () => {
    const w = new SummaryWriter({ logDir: dir });
    w.addScalar('/a b/c(d).e', 1);
    w.addHistogram('linears.0.weight_data', [1, 2, 3]);
    w.close();
    const run = loadLogDir(dir).runs.get('.')!;
    expect([...run.scalars.keys()]).toEqual(['a_b/c_d_.e']);
    expect([...run.histograms.keys()]).toEqual(['linears.0.weight_data']);
  });
});

describe('SummaryWriter input checks', () => {
  it('throws typed errors on bad input', () => {
    const w = new SummaryWriter({ logDir: dir });
    expect(() => w.addHistogram('empty', [])).toThrow(HistogramError);
    expect(() => w.addHistogram('empty', new Float32Array(0))).toThrow(/histogram 'empty': the input has no element/);
    expect(() => w.addScalar('x', 1, 1.5)).toThrow(ArgumentError);
    expect(() => w.addScalar('x', tensor([1, 2]))).toThrow(ArgumentError);
    expect(() => w.addScalar('x', 1, 0, Number.NaN)).toThrow(ArgumentError);
    expect(() => w.addHistogramRaw('r', { min: 0, max: 1, num: 1, sum: 0, sumSquares: 0, bucketLimits: [1], bucketCounts: [] })).toThrow(ArgumentError);
    expect(() => new SummaryWriter({ logDir: dir, maxQueue: 0 })).toThrow(ArgumentError);
    expect(() => new SummaryWriter({ logDir: dir, flushSecs: -1 })).toThrow(ArgumentError);
    // A bad time is refused before the hparams sub-run is created: nothing half-written.
    expect(() => w.addHparams({ a: 1 }, { m: 1 }, { name: 'bad-hp', walltime: Number.POSITIVE_INFINITY })).toThrow(/walltime must be a finite number/);
    expect(() => w.addHparams({ a: 1 }, { m: 1 }, { name: 'bad-hp', startTime: Number.NaN })).toThrow(/startTime must be a finite number of seconds, got NaN/);
    expect(existsSync(join(dir, 'bad-hp'))).toBe(false);
    w.close();
    w.close();
    expect(() => w.addScalar('x', 1)).toThrow(WriterClosedError);
    expect(() => w.addHparams({ a: 1 }, { m: 1 })).toThrow(WriterClosedError);
    // Nothing already written was lost by the failed calls.
    expect(loadLogDir(dir).runs.get('.')!.eventCount).toBe(1);
  });
});
