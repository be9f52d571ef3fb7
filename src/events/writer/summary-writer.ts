/**
 * `SummaryWriter`: tensorboardX's public API in camelCase, writing TensorBoard event files.
 *
 * - `new SummaryWriter({logDir?, comment?, flushSecs?, maxQueue?, filenameSuffix?, purgeStep?})`
 *   creates `<logDir>/events.out.tfevents.<seconds>.<hostname><suffix>`; the default logDir is
 *   `runs/<Mon><DD>_<HH>-<MM>-<SS>_<hostname><comment>`. With `purgeStep` P it also writes
 *   `Event{step P, file_version}` and `Event{step P, session_log START}`, which makes TensorBoard
 *   (and {@link loadLogDir}) drop the points at steps ≥ P logged by an earlier, crashed run.
 * - `addScalar`, `addScalars` (one sub-run `<logDir>/<mainTag>/<tag>` per tag, each logging
 *   `mainTag`), `addHistogram` (compact bins by default; `'tensorflow'` for tensorboardX's),
 *   `addHistogramRaw`, `addText` (tag `<tag>/text_summary`), `addHparams` (sub-run
 *   `<logDir>/<name>` with the experiment, session start and session end, then one scalar per metric),
 *   `flush()` (durable), `close()`.
 * - Scalar and histogram tags are cleaned as tensorboardX does ({@link cleanTag}); `step` omitted
 *   means step 0 (proto3 default), `walltime` omitted means now, in seconds.
 */
import { join } from 'node:path';
import { create } from '@bufbuild/protobuf';
import { ArgumentError } from '../../tensor/errors.js';
import { WriterClosedError } from '../errors.js';
import type { Tensor } from '../../tensor/tensor.js';
import { HistogramEventEncoder } from '../format/histogram-event.js';
import { type HistogramBins, HistogramBuilder, type HistogramData, type HistogramValues } from '../histogram/make-histogram.js';
import { EventSchema, SessionLog_SessionStatus } from '../proto/tensorboard/event_pb.js';
import type { Summary } from '../proto/tensorboard/summary_pb.js';
import { type HParamValue, type SessionStatus, hparamsSummaries } from '../summary/hparams.js';
import { histogramValue, scalarValue, summaryOf, textValue } from '../summary/summaries.js';
import { cleanTag } from '../summary/tag.js';
import { EventFileWriter, FILE_VERSION } from './event-file-writer.js';
import { defaultLogDir } from './file-name.js';

/** Options of {@link SummaryWriter}. */
export interface SummaryWriterOptions {
  /** Folder of the event file (created if needed); default `runs/<date>_<hostname><comment>`. */
  logDir?: string;
  /** Appended to the default logDir (ignored when `logDir` is given). */
  comment?: string;
  /** Seconds between writes of buffered events to the OS (default 1). */
  flushSecs?: number;
  /** Buffered events that trigger a write (default 100). */
  maxQueue?: number;
  /** Appended to event file names. */
  filenameSuffix?: string;
  /** Restarting a crashed run at this step: TensorBoard hides the old points at steps ≥ it. */
  purgeStep?: number;
}

/** Options of {@link SummaryWriter.addHistogram}. */
export interface AddHistogramOptions {
  /** `'compact'` (default), `'tensorflow'`, a bin count or explicit edges. */
  bins?: HistogramBins;
  /** Sum adjacent bins when there are more than this many (tensorboardX's `max_bins`). */
  maxBins?: number | null;
  /** Seconds since the epoch (default: now). */
  walltime?: number;
}

/** A histogram given by its HistogramProto fields (tensorboardX's `add_histogram_raw`). */
export interface RawHistogram {
  min: number;
  max: number;
  num: number;
  sum: number;
  sumSquares: number;
  /** Right edge of each bucket. */
  bucketLimits: ArrayLike<number>;
  /** Count of each bucket (same length as `bucketLimits`). */
  bucketCounts: ArrayLike<number>;
}

/** The step as a number: an integer (int64 on the wire, safe-integer range here); omitted = 0. */
function stepNumber(step: number | undefined): number {
  if (step === undefined) return 0;
  if (!Number.isSafeInteger(step)) throw new ArgumentError(`step must be an integer, got ${step}`, 'step', step);
  return step;
}

function checkStep(step: number | undefined): bigint {
  return BigInt(stepNumber(step));
}

function checkWalltime(walltime: number | undefined): number {
  if (walltime === undefined) return Date.now() / 1000;
  if (!Number.isFinite(walltime)) throw new ArgumentError(`walltime must be a finite number of seconds, got ${walltime}`, 'walltime', walltime);
  return walltime;
}

function scalarOf(value: number | Tensor, what: string): number {
  if (typeof value === 'number') return value;
  if (value.data.length !== 1) throw new ArgumentError(`${what} must hold exactly one element, got shape [${value.shape.join(', ')}]`, what, value.shape);
  return value.data[0]!;
}

/** Writes scalars, histograms, text and hparams to TensorBoard event files (tensorboardX's API). */
export class SummaryWriter {
  readonly logDir: string;
  private readonly fileWriter: EventFileWriter;
  private readonly fileOptions: { flushSecs?: number; maxQueue?: number; filenameSuffix?: string };
  private readonly subWriters = new Map<string, EventFileWriter>();
  private readonly builder = new HistogramBuilder();
  private readonly encoder = new HistogramEventEncoder();
  private readonly cleanTags = new Map<string, string>();

  constructor(options: SummaryWriterOptions = {}) {
    this.logDir = options.logDir !== undefined && options.logDir !== '' ? options.logDir : defaultLogDir(options.comment ?? '');
    const fileOptions: { flushSecs?: number; maxQueue?: number; filenameSuffix?: string } = {};
    if (options.flushSecs !== undefined) fileOptions.flushSecs = options.flushSecs;
    if (options.maxQueue !== undefined) fileOptions.maxQueue = options.maxQueue;
    if (options.filenameSuffix !== undefined) fileOptions.filenameSuffix = options.filenameSuffix;
    this.fileOptions = fileOptions;
    const purgeStep = options.purgeStep === undefined ? null : checkStep(options.purgeStep);
    this.fileWriter = new EventFileWriter(this.logDir, fileOptions);
    if (purgeStep !== null) {
      const wallTime = Date.now() / 1000;
      this.fileWriter.addEvent(create(EventSchema, { wallTime, step: purgeStep, what: { case: 'fileVersion', value: FILE_VERSION } }));
      this.fileWriter.addEvent(
        create(EventSchema, { wallTime, step: purgeStep, what: { case: 'sessionLog', value: { status: SessionLog_SessionStatus.START } } }),
      );
    }
  }

  /** Path of this writer's event file. */
  get filePath(): string {
    return this.fileWriter.path;
  }

  private clean(tag: string): string {
    let c = this.cleanTags.get(tag);
    if (c === undefined) {
      c = cleanTag(tag);
      this.cleanTags.set(tag, c);
    }
    return c;
  }

  private addSummary(writer: EventFileWriter, summary: Summary, step: bigint, wallTime: number): void {
    writer.addEvent(create(EventSchema, { wallTime, step, what: { case: 'summary', value: summary } }));
  }

  /** Logs one scalar (a number or a one-element Tensor) as `simple_value` (float32 on the wire). */
  addScalar(tag: string, value: number | Tensor, step?: number, walltime?: number): void {
    this.addSummary(this.fileWriter, summaryOf(scalarValue(this.clean(tag), scalarOf(value, 'value'))), checkStep(step), checkWalltime(walltime));
  }

  /** Logs several scalars on one chart: tag k goes to the run `<logDir>/<mainTag>/<k>` under tag `mainTag`. */
  addScalars(mainTag: string, values: Readonly<Record<string, number | Tensor>>, step?: number, walltime?: number): void {
    const s = checkStep(step);
    const wallTime = checkWalltime(walltime);
    const tag = this.clean(mainTag);
    for (const [key, value] of Object.entries(values)) {
      const dir = join(this.logDir, mainTag, key);
      let writer = this.subWriters.get(dir);
      if (writer === undefined) {
        writer = new EventFileWriter(dir, this.fileOptions);
        this.subWriters.set(dir, writer);
      }
      this.addSummary(writer, summaryOf(scalarValue(tag, scalarOf(value, `values.${key}`))), s, wallTime);
    }
  }

  /** Logs a histogram of `values` (Tensor, typed array or numbers; read as float64). Empty input throws. */
  addHistogram(tag: string, values: HistogramValues, step?: number, options: AddHistogramOptions = {}): void {
    const s = stepNumber(step);
    const wallTime = checkWalltime(options.walltime);
    const cleaned = this.clean(tag);
    const h = this.builder.build(values, options, cleaned);
    this.fileWriter.addPayload(this.encoder.prepare(wallTime, s, cleaned, h), this.encoder);
  }

  /** Logs a histogram given by its fields, unchanged (tensorboardX's `add_histogram_raw`). */
  addHistogramRaw(tag: string, raw: RawHistogram, step?: number, walltime?: number): void {
    if (raw.bucketLimits.length !== raw.bucketCounts.length) {
      throw new ArgumentError(
        `bucketLimits (${raw.bucketLimits.length}) and bucketCounts (${raw.bucketCounts.length}) must have the same length`,
        'bucketCounts',
        raw.bucketCounts.length,
      );
    }
    const h: HistogramData = {
      min: raw.min,
      max: raw.max,
      num: raw.num,
      sum: raw.sum,
      sumSquares: raw.sumSquares,
      bucketLimit: Float64Array.from(raw.bucketLimits),
      bucket: Float64Array.from(raw.bucketCounts),
    };
    this.addSummary(this.fileWriter, summaryOf(histogramValue(this.clean(tag), h)), checkStep(step), checkWalltime(walltime));
  }

  /** Logs text for the text plugin, under the tag `<tag>/text_summary` (the tag is not cleaned, as in tensorboardX). */
  addText(tag: string, text: string, step?: number, walltime?: number): void {
    this.addSummary(this.fileWriter, summaryOf(textValue(tag, text)), checkStep(step), checkWalltime(walltime));
  }

  /**
   * Logs a set of hyperparameters and their final metrics for the hparams plugin: in the sub-run
   * `<logDir>/<name>` (default: the current time in seconds, as tensorboardX), the experiment,
   * session start and session end (`status`, default `success` as in tensorboardX; `failure`
   * marks e.g. a diverged run in TensorBoard's session table) at step 0, then
   * `addScalar(metric, value, step)`. Every event gets `walltime` (seconds, default now), which is
   * also the session's end time; `startTime` (seconds) sets the session's start time — TensorBoard's
   * session table shows both (tensorboardX sets neither).
   */
  addHparams(
    hparams: Readonly<Record<string, HParamValue>>,
    metrics: Readonly<Record<string, number>>,
    options: { name?: string; step?: number; status?: SessionStatus; walltime?: number; startTime?: number } = {},
  ): void {
    if (this.fileWriter.closed) throw new WriterClosedError(this.fileWriter.path);
    const now = checkWalltime(options.walltime);
    const start = options.startTime;
    if (start !== undefined && !Number.isFinite(start)) throw new ArgumentError(`startTime must be a finite number of seconds, got ${start}`, 'startTime', start);
    const name = options.name !== undefined && options.name !== '' ? options.name : String(Date.now() / 1000);
    const times = start === undefined ? { end: now } : { start, end: now };
    const { experiment, sessionStart, sessionEnd } = hparamsSummaries(hparams, Object.keys(metrics), options.status, times);
    const sub = new SummaryWriter({ ...this.fileOptions, logDir: join(this.logDir, name) });
    try {
      for (const summary of [experiment, sessionStart, sessionEnd]) sub.addSummary(sub.fileWriter, summary, 0n, now);
      for (const [metric, value] of Object.entries(metrics)) sub.addScalar(metric, value, options.step, now);
    } finally {
      sub.close();
    }
  }

  /** Writes everything logged so far to disk and fsyncs it (this writer's file and its sub-runs'). */
  flush(): void {
    this.fileWriter.flush();
    for (const w of this.subWriters.values()) w.flush();
  }

  /** Writes everything to the OS and closes every file of this writer (call `flush()` first for fsync); later adds throw WriterClosedError. */
  close(): void {
    this.fileWriter.close();
    for (const w of this.subWriters.values()) w.close();
  }
}
