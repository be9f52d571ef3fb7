/**
 * Everything read from one run (one folder of event files), accumulated event by event the way
 * TensorBoard's `plugin_event_accumulator` does:
 * - the first metadata seen for a tag wins (it decides the tag's plugin);
 * - `simple_value` → a scalar (float32 widened), `histo` → a histogram with TensorBoard's float32
 *   `[left, right, count]` rows, tensors of plugin `scalars` (one element), `histograms` (`[k, 3]`)
 *   and `text` (strings), and the hparams plugin's experiment / session start / session end;
 *   other plugins (images, audio, graphs, …) are skipped and listed in `warnings`;
 * - orphaned data is purged: with `file_version` ≥ 2, a `SessionLog START` drops every point at a
 *   step ≥ its step; without it, a summary whose step is below the latest step drops its tags'
 *   points at steps ≥ its step.
 */
import { DataClass, type Summary_Value } from '../proto/tensorboard/summary_pb.js';
import type { Event } from '../proto/tensorboard/event_pb.js';
import { SessionLog_SessionStatus } from '../proto/tensorboard/event_pb.js';
import { histogramRows } from '../histogram/tensorboard-view.js';
import { type HParamsData, mergeHParamsContent } from './hparams-data.js';
import { HistogramSeries, ScalarSeries, TextSeries } from './series.js';
import { tensorNumbers, tensorShape, tensorStrings } from './tensor-values.js';

/** The metadata TensorBoard keeps for a tag (from the first value that carried it). */
export interface TagMetadata {
  pluginName: string;
  displayName: string;
  description: string;
  dataClass: DataClass;
}

/** The data of one run. */
export class RunData {
  readonly scalars = new Map<string, ScalarSeries>();
  readonly histograms = new Map<string, HistogramSeries>();
  readonly texts = new Map<string, TextSeries>();
  readonly hparams: HParamsData = { experiment: null, sessionStart: null, sessionEnd: null };
  readonly tagMetadata = new Map<string, TagMetadata>();
  /** Notes about data that was skipped (unsupported plugins, unusable hparams content). */
  readonly warnings: string[] = [];
  /** The `file_version` number (2 for `brain.Event:2`), or null before one was seen. */
  fileVersion: number | null = null;
  /** Number of events read. */
  eventCount = 0;
  private mostRecentStep = -Infinity;
  private readonly warned = new Set<string>();

  /** Run name: the folder's path relative to the log dir (`.` for the log dir itself). */
  constructor(readonly name: string) {}

  /** Adds one event (see the module comment for the rules). */
  addEvent(event: Event): void {
    this.eventCount++;
    const step = Number(event.step);
    if (event.what.case === 'fileVersion') {
      const m = /^brain\.Event:(.*)$/.exec(event.what.value);
      const v = m === null ? NaN : Number.parseFloat(m[1]!);
      this.fileVersion = Number.isFinite(v) ? v : -1;
    }
    this.maybePurge(event, step);
    if (event.what.case !== 'summary') return;
    for (const value of event.what.value.value) this.addValue(value, step, event.wallTime);
  }

  private maybePurge(event: Event, step: number): void {
    const isSummary = event.what.case === 'summary';
    if (this.fileVersion !== null && this.fileVersion >= 2) {
      if (event.what.case === 'sessionLog' && event.what.value.status === SessionLog_SessionStatus.START) this.purge(step, null);
    } else if (isSummary && step < this.mostRecentStep && event.what.case === 'summary') {
      this.purge(step, new Set(event.what.value.value.map((v) => v.tag)));
    }
    if (isSummary) this.mostRecentStep = step;
  }

  /** Drops the points at steps ≥ `step`, of all tags or of the given ones. */
  purge(step: number, tags: ReadonlySet<string> | null): void {
    for (const map of [this.scalars, this.histograms, this.texts]) {
      for (const [tag, series] of map) if (tags === null || tags.has(tag)) series.purgeFrom(step);
    }
  }

  private warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warnings.push(message);
  }

  private pluginOf(value: Summary_Value): string {
    const tag = value.tag;
    let meta = this.tagMetadata.get(tag);
    if (meta === undefined) {
      // data_compat: simple_value and histo values get the scalars / histograms plugin.
      const migrated = value.value.case === 'simpleValue' ? 'scalars' : value.value.case === 'histo' ? 'histograms' : null;
      if (value.metadata !== undefined || migrated !== null) {
        const m = value.metadata;
        meta = {
          pluginName: migrated ?? m?.pluginData?.pluginName ?? '',
          displayName: m !== undefined && m.displayName !== '' ? m.displayName : migrated !== null ? tag : '',
          description: m?.summaryDescription ?? '',
          dataClass: m?.dataClass ?? DataClass.UNKNOWN,
        };
        this.tagMetadata.set(tag, meta);
        if (meta.pluginName === 'hparams' && m?.pluginData !== undefined) {
          const problem = mergeHParamsContent(this.hparams, m.pluginData.content);
          if (problem !== null) this.warnOnce(`hparams:${tag}`, `run '${this.name}', tag '${tag}': ${problem}`);
        }
      }
    }
    return meta?.pluginName ?? '';
  }

  private addValue(value: Summary_Value, step: number, wallTime: number): void {
    const tag = value.tag;
    const plugin = this.pluginOf(value);
    const v = value.value;
    if (v.case === 'simpleValue') {
      this.series(this.scalars, tag, ScalarSeries).push(step, wallTime, v.value);
    } else if (v.case === 'histo') {
      const h = v.value;
      this.series(this.histograms, tag, HistogramSeries).push(step, wallTime, h, histogramRows(h));
    } else if (v.case === 'tensor') {
      const t = v.value;
      if (plugin === 'scalars') {
        const numbers = tensorNumbers(t);
        if (numbers !== null && numbers.length === 1) this.series(this.scalars, tag, ScalarSeries).push(step, wallTime, numbers[0]!);
        else this.warnOnce(`scalar:${tag}`, `run '${this.name}', tag '${tag}': scalar tensor without exactly one number skipped`);
      } else if (plugin === 'histograms') {
        const numbers = tensorNumbers(t);
        const shape = tensorShape(t);
        if (numbers !== null && shape.length === 2 && shape[1] === 3) {
          const rows = Float32Array.from(numbers);
          const k = rows.length / 3;
          let num = 0;
          for (let r = 0; r < k; r++) num += rows[3 * r + 2]!;
          const stats = { min: k > 0 ? rows[0]! : NaN, max: k > 0 ? rows[3 * k - 2]! : NaN, num, sum: NaN, sumSquares: NaN };
          this.series(this.histograms, tag, HistogramSeries).push(step, wallTime, stats, rows);
        } else this.warnOnce(`histogram:${tag}`, `run '${this.name}', tag '${tag}': histogram tensor that is not [k, 3] skipped`);
      } else if (plugin === 'text') {
        const strings = tensorStrings(t);
        if (strings !== null) this.series(this.texts, tag, TextSeries).push(step, wallTime, strings);
      } else if (plugin !== 'hparams') {
        this.warnOnce(`plugin:${tag}`, `run '${this.name}', tag '${tag}': plugin '${plugin}' is not read`);
      }
    } else if (v.case !== undefined) {
      this.warnOnce(`kind:${tag}`, `run '${this.name}', tag '${tag}': ${v.case} values are not read`);
    }
  }

  private series<S>(map: Map<string, S>, tag: string, Kind: new (tag: string) => S): S {
    let s = map.get(tag);
    if (s === undefined) {
      s = new Kind(tag);
      map.set(tag, s);
    }
    return s;
  }
}
