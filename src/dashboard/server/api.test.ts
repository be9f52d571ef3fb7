/**
 * The JSON API against real event files written by the events layer's SummaryWriter: every number
 * served is compared with what was logged (recomputed independently with makeHistogram /
 * histogramRows / compressHistogram), and incremental reading, torn and corrupt records, run.json
 * and ETags are exercised on real files.
 */
import { appendFileSync, mkdtempSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { create } from '@bufbuild/protobuf';
import { encodeEvent } from '../../events/format/event-codec.js';
import { encodeRecord } from '../../events/format/record.js';
import { compressHistogram, histogramRows } from '../../events/histogram/tensorboard-view.js';
import { EventSchema } from '../../events/proto/tensorboard/event_pb.js';
import { scalarValue, summaryOf } from '../../events/summary/summaries.js';
import { DEMO_DEFAULTS, demoPlan } from '../../experiments/demo/demo-plan.js';
import { runExperiment } from '../../experiments/run/run-experiment.js';
import { makeHistogram } from '../../events/histogram/make-histogram.js';
import { SummaryWriter } from '../../events/writer/summary-writer.js';
import type { DistributionResponse, HistogramJsonResponse, RunsResponse, ScalarSeriesResponse } from '../shared/api-types.js';
import { decodeHistogramColumns, rowsOfPoint } from '../shared/histogram-codec.js';
import { fromJsonNumber } from '../shared/number-codec.js';
import { SYNTHETIC_TAGS, type SyntheticRun, appendCorruptRecord, eventFileOf, writeSyntheticRun } from '../test-support/runs.js';
import { type BoardHandle, startBoard } from './start-board.js';

let logDir: string;
let board: BoardHandle;
let small: SyntheticRun;
let strong: SyntheticRun;

const api = async <T>(path: string): Promise<T> => {
  const res = await fetch(new URL(path, board.url));
  expect(res.status, `${path}: ${res.status}`).toBe(200);
  return (await res.json()) as T;
};
const runs = async (): Promise<RunsResponse> => api<RunsResponse>('/api/runs');
const q = (run: string, tag: string): string => `run=${encodeURIComponent(run)}&tag=${encodeURIComponent(tag)}`;

beforeAll(async () => {
  logDir = mkdtempSync(join(tmpdir(), 'decaylab-api-'));
  small = writeSyntheticRun(logDir, 'wd=0.01', { decay: 0.01, seed: 1, hparams: { weightDecay: 0.01, optimizer: 'adam' } });
  strong = writeSyntheticRun(logDir, 'wd=0.1', { decay: 0.1, seed: 2 });
  board = await startBoard({ logDir, port: 0, reloadIntervalMs: 60_000, appDir: join(logDir, 'no-app') });
});

afterAll(async () => {
  await board.close();
  rmSync(logDir, { recursive: true, force: true });
});

describe('dashboard API on real event files', () => {
  it('lists the runs with their tags, lengths, last scalars and hparams', async () => {
    const r = await runs();
    expect(r.reloadIntervalMs).toBe(60_000);
    expect(r.runs.map((x) => x.name)).toEqual(['wd=0.01', 'wd=0.01/hparams', 'wd=0.1']);
    const a = r.runs[0]!;
    expect(a.scalarTags).toEqual(['loss']);
    expect(a.histogramTags).toEqual([...SYNTHETIC_TAGS]);
    expect(a.histogramLengths[SYNTHETIC_TAGS[0]]).toBe(40);
    expect(a.lastScalars.loss).toMatchObject({ step: 39, value: Math.fround(small.loss[39]!) });
    expect(a.errors).toEqual([]);
    const hp = r.runs[1]!;
    expect(hp.hparams).toEqual({ weightDecay: 0.01, optimizer: 'adam' });
    expect(fromJsonNumber(hp.lastScalars['final/loss']!.value)).toBe(Math.fround(small.loss[39]!));
  });

  it('serves every scalar point as logged (float32 on the wire)', async () => {
    const s = await api<ScalarSeriesResponse>(`/api/scalars?${q('wd=0.1', 'loss')}`);
    expect(s.steps).toEqual(strong.steps);
    expect(s.values).toEqual(strong.loss.map((v) => Math.fround(v)));
    expect(s.wallTimes.every((t, i) => i === 0 || t >= s.wallTimes[i - 1]!)).toBe(true);
  });

  it('serves every histogram step, rows and statistics equal to the logged values', async () => {
    for (const run of [small, strong]) {
      for (const tag of SYNTHETIC_TAGS) {
        const res = await fetch(new URL(`/api/histograms?${q(run.name, tag)}`, board.url));
        expect(res.headers.get('content-type')).toBe('application/vnd.decaylab.histograms');
        const d = decodeHistogramColumns(await res.arrayBuffer());
        expect(Array.from(d.steps)).toEqual(run.steps);
        run.histograms[tag]!.forEach((values, i) => {
          const h = makeHistogram(values, { bins: 'compact' });
          expect(Array.from(rowsOfPoint(d, i))).toEqual(Array.from(histogramRows(h)));
          expect([d.min[i], d.max[i], d.num[i], d.sum[i], d.sumSquares[i]]).toEqual([h.min, h.max, h.num, h.sum, h.sumSquares]);
        });
      }
    }
  });

  it('serves the same series in TensorBoard JSON shape', async () => {
    const tag = SYNTHETIC_TAGS[0];
    const j = await api<HistogramJsonResponse>(`/api/histograms?${q('wd=0.1', tag)}&format=json`);
    expect(j.points.length).toBe(40);
    const h = makeHistogram(strong.histograms[tag]![7]!, { bins: 'compact' });
    const [, step, rows] = j.points[7]!;
    expect(step).toBe(7);
    expect(rows.flat().map(fromJsonNumber)).toEqual(Array.from(histogramRows(h)));
  });

  it('serves distributions at TensorBoard basis points, per step', async () => {
    const tag = SYNTHETIC_TAGS[1];
    const d = await api<DistributionResponse>(`/api/distributions?${q('wd=0.01', tag)}`);
    expect(d.bps).toEqual([0, 668, 1587, 3085, 5000, 6915, 8413, 9332, 10000]);
    expect(d.steps).toEqual(small.steps);
    small.histograms[tag]!.forEach((values, i) => {
      const expected = compressHistogram(histogramRows(makeHistogram(values, { bins: 'compact' })));
      expect(d.values[i]!.map(fromJsonNumber)).toEqual(Array.from(expected));
    });
    // the extremes are the logged min and max (float32 rows)
    const last = small.histograms[tag]![39]!;
    expect(fromJsonNumber(d.values[39]![0]!)).toBe(Math.fround(Math.min(...last)));
    expect(fromJsonNumber(d.values[39]![8]!)).toBe(Math.fround(Math.max(...last)));
  });

  it('answers unknown runs and tags with 404 and bad parameters with 400', async () => {
    const status = async (path: string): Promise<number> => (await fetch(new URL(path, board.url))).status;
    expect(await status(`/api/scalars?${q('nope', 'loss')}`)).toBe(404);
    expect(await status(`/api/scalars?${q('wd=0.1', 'nope')}`)).toBe(404);
    expect(await status(`/api/histograms?${q('wd=0.1', 'loss')}`)).toBe(404);
    expect(await status('/api/scalars?run=wd%3D0.1')).toBe(400);
    expect(await status(`/api/scalars?${q('wd=0.1', 'loss')}&extra=1`)).toBe(400);
    expect(await status(`/api/histograms?${q('wd=0.1', SYNTHETIC_TAGS[0])}&format=xml`)).toBe(400);
    expect(await status('/api/nothing')).toBe(404);
    const body = (await (await fetch(new URL('/api/nothing', board.url))).json()) as { error: { status: number; message: string } };
    expect(body.error).toEqual({ status: 404, message: 'no such page: /api/nothing' });
  });

  it('says how to build the app when it is missing, and the API still works', async () => {
    const res = await fetch(board.url);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build:dashboard');
    expect(board.appBuilt).toBe(false);
  });
});

describe('incremental reading', () => {
  it('reads only appended records, picks up new runs, and revalidates by ETag', async () => {
    const live = new SummaryWriter({ logDir: join(logDir, 'live'), maxQueue: 1000 });
    for (let s = 0; s < 5; s++) live.addScalar('loss', 1 / (s + 1), s);
    live.flush();
    const before = (await runs()).generation;
    expect(board.reload().added).toEqual(['live']);
    const r1 = await runs();
    expect(r1.generation).toBeGreaterThan(before);
    const path = `/api/scalars?${q('live', 'loss')}`;
    const first = await fetch(new URL(path, board.url));
    const etag = first.headers.get('etag');
    expect(etag).not.toBeNull();
    expect(((await first.json()) as ScalarSeriesResponse).steps).toEqual([0, 1, 2, 3, 4]);
    expect((await fetch(new URL(path, board.url), { headers: { 'If-None-Match': etag! } })).status).toBe(304);

    const state = board.data.runs.get('live')!.reader.fileStates[0]!;
    const sizeBefore = statSync(state.path).size;
    expect(state.offset).toBe(sizeBefore);
    for (let s = 5; s < 8; s++) live.addScalar('loss', 1 / (s + 1), s);
    live.flush();
    expect(board.reload().updated).toEqual(['live']);
    expect(board.data.runs.get('live')!.reader.fileStates[0]!.offset).toBe(statSync(state.path).size);
    const again = await fetch(new URL(path, board.url), { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(200);
    expect(((await again.json()) as ScalarSeriesResponse).steps).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(board.reload().updated).toEqual([]);
    live.close();
  });

  it('leaves a torn last record for later and reads it once it is complete', async () => {
    const dir = join(logDir, 'torn');
    const w = new SummaryWriter({ logDir: dir });
    w.addScalar('loss', 0.5, 0);
    w.close();
    const file = eventFileOf(dir);
    const lastRecord = encodeRecord(encodeEvent(create(EventSchema, { wallTime: 2, step: 1n, what: { case: 'summary', value: summaryOf(scalarValue('loss', 0.25)) } })));
    appendFileSync(file, lastRecord.subarray(0, 10));
    board.reload();
    const info = (await runs()).runs.find((r) => r.name === 'torn')!;
    expect(info.errors).toEqual([]);
    expect(info.lastScalars.loss!.step).toBe(0);
    appendFileSync(file, lastRecord.subarray(10));
    board.reload();
    const s = await api<ScalarSeriesResponse>(`/api/scalars?${q('torn', 'loss')}`);
    expect(s.steps).toEqual([0, 1]);
    expect(s.values).toEqual([0.5, 0.25]);
  });

  it('marks a run with a corrupt record with an error naming file and offset; the data before it and every other run still work', async () => {
    const broken = writeSyntheticRun(logDir, 'broken', { steps: 5, seed: 3 });
    const file = eventFileOf(broken.dir);
    const offset = statSync(file).size;
    appendCorruptRecord(file);
    board.reload();
    const r = await runs();
    const info = r.runs.find((x) => x.name === 'broken')!;
    expect(info.errors).toHaveLength(1);
    expect(info.errors[0]).toMatchObject({ file: file.split('/').pop(), offset, kind: 'data-crc' });
    expect(info.errors[0]!.message).not.toContain(logDir);
    expect(info.lastScalars.loss!.step).toBe(4);
    expect(r.runs.filter((x) => x.name !== 'broken').every((x) => x.errors.length === 0)).toBe(true);
    const s = await api<ScalarSeriesResponse>(`/api/scalars?${q('broken', 'loss')}`);
    expect(s.steps).toEqual([0, 1, 2, 3, 4]);
    truncateSync(file, offset);
  });

  it('reads run.json (and reports an unusable one as a warning)', async () => {
    const dir = join(logDir, 'wd=0.1');
    writeFileSync(join(dir, 'run.json'), '{"format": "something else"}');
    board.reload();
    let info = (await runs()).runs.find((x) => x.name === 'wd=0.1')!;
    expect(info.record).toBeNull();
    expect(info.warnings.join('\n')).toMatch(/run\.json/);
    rmSync(join(dir, 'run.json'));
    board.reload();
    info = (await runs()).runs.find((x) => x.name === 'wd=0.1')!;
    expect(info.warnings).toEqual([]);
  });

  it('shows a run trained by the experiments layer with its run.json and hparams', async () => {
    const plan = demoPlan({ ...DEMO_DEFAULTS, weightDecays: [0.1], iterations: 8 })[0]!;
    const record = await runExperiment(plan.config, { dir: join(logDir, 'trained'), name: plan.name, hparams: plan.hparams });
    board.reload();
    const info = (await runs()).runs.find((x) => x.name === 'trained')!;
    expect(info.record).not.toBeNull();
    expect(info.record!.status).toBe('done');
    expect(info.record!.metrics.steps).toBe(8);
    expect(fromJsonNumber(info.record!.metrics.lastLoss ?? null)).toBe(record.result!.lastLoss);
    expect(fromJsonNumber(info.record!.metrics.totalNorm ?? null)).toBe(record.result!.totalNorm);
    expect(info.hparams).toMatchObject({ weightDecay: 0.1, optimizer: 'adam' });
    expect(info.histogramTags).toContain('linears.0.weight_data');
    expect(info.histogramLengths['linears.0.weight_data']).toBe(8);
    expect(fromJsonNumber(info.lastScalars.loss!.value)).toBe(Math.fround(record.result!.lastLoss!));
  });
});
