/**
 * Log dirs for the dashboard's tests and benchmark, written with the events layer's SummaryWriter
 * (real event files), plus helpers to damage them the ways real files get damaged and to send raw
 * HTTP requests (fetch would normalize `..` and percent-escapes before they reach the server).
 */
import { appendFileSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { create } from '@bufbuild/protobuf';
import { encodeEvent } from '../../events/format/event-codec.js';
import { EventSchema } from '../../events/proto/tensorboard/event_pb.js';
import { encodeRecord } from '../../events/format/record.js';
import { SummaryWriter } from '../../events/writer/summary-writer.js';
import { mulberry32 as rng } from '../../../test/seeded-random.js';

/** What {@link writeSyntheticRun} logged, to compare the dashboard's numbers with. */
export interface SyntheticRun {
  name: string;
  dir: string;
  steps: number[];
  /** The losses as logged (float64; the file holds them as float32). */
  loss: number[];
  /** Per histogram tag, the values logged at each step. */
  histograms: Record<string, Float64Array[]>;
}

/** Histogram tags of synthetic runs: a weight and its gradient, as the article logs them. */
export const SYNTHETIC_TAGS = ['linears.0.weight_data', 'linears.0.weight_grad'] as const;

/**
 * Writes run `name` under `logDir`: `loss` at every step (a noisy decay) and, every step, the
 * histograms of 200 values of a weight that shrinks at rate `decay` and of its gradient.
 */
export function writeSyntheticRun(logDir: string, name: string, o: { steps?: number; decay?: number; seed?: number; hparams?: Record<string, number | string> } = {}): SyntheticRun {
  const dir = join(logDir, name);
  const n = o.steps ?? 40;
  const rand = rng(o.seed ?? 1);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const w = new SummaryWriter({ logDir: dir, maxQueue: 1000 });
  const run: SyntheticRun = { name, dir, steps: [], loss: [], histograms: Object.fromEntries(SYNTHETIC_TAGS.map((t) => [t, []])) };
  const base = Float64Array.from({ length: 200 }, () => gauss() * 0.5 + 0.1);
  for (let s = 0; s < n; s++) {
    const loss = 5 / (1 + s) + 0.1 * rand();
    w.addScalar('loss', loss, s);
    const shrink = Math.exp(-(o.decay ?? 0.01) * s);
    const weight = base.map((v) => v * shrink + 0.01 * gauss());
    const grad = Float64Array.from({ length: 200 }, () => gauss() * 0.1 * shrink);
    w.addHistogram(SYNTHETIC_TAGS[0], weight, s);
    w.addHistogram(SYNTHETIC_TAGS[1], grad, s);
    run.steps.push(s);
    run.loss.push(loss);
    run.histograms[SYNTHETIC_TAGS[0]]!.push(weight);
    run.histograms[SYNTHETIC_TAGS[1]]!.push(grad);
  }
  if (o.hparams !== undefined) w.addHparams(o.hparams, { 'final/loss': run.loss[n - 1]! }, { name: 'hparams' });
  w.close();
  return run;
}

/** The (single) event file of a run folder. */
export function eventFileOf(dir: string): string {
  const name = readdirSync(dir).find((f) => f.includes('tfevents'));
  if (name === undefined) throw new Error(`no event file in ${dir}`);
  return join(dir, name);
}

/** Appends a complete record whose payload CRC is wrong (TensorBoard: "failed event crc32 check"). */
export function appendCorruptRecord(file: string): void {
  const record = encodeRecord(encodeEvent(create(EventSchema, { wallTime: 1, step: 999n, what: { case: 'fileVersion', value: 'brain.Event:2' } })));
  record[record.length - 1]! ^= 0xff;
  appendFileSync(file, record);
}

/** A raw HTTP answer. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Sends `method path` exactly as given (no normalization) to the server at `base` (`http://host:port/`). */
export function rawRequest(base: string, path: string, o: { method?: string; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method: o.method ?? 'GET', path, headers: o.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}
