/**
 * Real TensorBoard (2.21) reads decaylab's event files as decaylab means them. The log dir in
 * `fixtures/tensorboard-reads/logdir/` was written by `scripts/fixtures/tensorboard/write-run.ts`
 * from the inputs of `scripts/fixtures/tensorboard/inputs.ts`; `tensorboard.json` is TensorBoard's
 * reading of it (`read_with_tensorboard.py`: EventAccumulator, the histograms plugin's rows, the
 * hparams plugin protos and its session-groups backend). No Python runs here:
 * (a) every value TensorBoard read equals what was logged, recomputed from the inputs;
 * (b) decaylab's reader (loadLogDir) agrees with TensorBoard's reading;
 * (c) regenerating the log dir gives the same events as the committed files (no stale fixture).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTOGRAMS, HPARAMS, LOG_DIR, SCALARS, SCALARS_GROUP, TENSORBOARD_JSON, TEXTS, expectedRunNames, wallAt } from '../../scripts/fixtures/tensorboard/inputs.js';
import { writeRun } from '../../scripts/fixtures/tensorboard/write-run.js';
import { projectRoot } from '../../test/fixtures.js';
import { makeHistogram } from './histogram/make-histogram.js';
import type { HParamValue } from './summary/hparams.js';
import type { Event } from './proto/tensorboard/event_pb.js';
import { discoverRuns, listEventFiles } from './reader/discover.js';
import { readEventFile } from './reader/event-reader.js';
import type { HParamScalar } from './reader/hparams-data.js';
import { loadLogDir } from './reader/log-dir.js';

/** TensorBoard's reading, as read_with_tensorboard.py writes it. */
interface TbHistogram {
  step: number;
  wall_time: number;
  min: number;
  max: number;
  num: number;
  sum: number;
  sum_squares: number;
  bucket_limit: number[];
  bucket: number[];
  /** The histograms plugin's float32 [left, right, count] rows. */
  rows: number[][];
}
interface TbHParamsEntry {
  version: number;
  data: string;
  hparam_infos?: { name: string; type: string; domain: string | null }[];
  metric_infos?: { group: string; tag: string }[];
  hparams?: Record<string, { kind: string; value: HParamScalar }>;
  group_name?: string;
  start_time_secs?: number;
  status?: string;
  end_time_secs?: number;
}
interface TbRun {
  file_version: number;
  tags: { scalars: string[]; histograms: string[]; tensors: string[] };
  scalars: Record<string, [number, number, number][]>;
  histograms: Record<string, TbHistogram[]>;
  texts: Record<string, [number, number, string[]][]>;
  hparams: Record<string, TbHParamsEntry>;
}
interface TbMetricValue {
  name: { tag: string };
  value: number;
  training_step: number;
  wall_time_secs: number;
}
interface TbReading {
  tensorboard_version: string;
  runs: Record<string, TbRun>;
  hparams_plugin: {
    experiment: { hparam_infos: { name: string; type: string }[]; metric_infos: { name: { tag: string } }[] };
    session_groups: {
      total_size: number;
      session_groups: { name: string; hparams: Record<string, HParamScalar>; sessions: { name: string; status: string; metric_values: TbMetricValue[] }[] }[];
    };
  };
}

const tb = JSON.parse(readFileSync(join(projectRoot, TENSORBOARD_JSON), 'utf8')) as TbReading;
const committedLogDir = join(projectRoot, LOG_DIR);

function must<T>(x: T | undefined, what: string): T {
  if (x === undefined) throw new Error(`${what} is missing`);
  return x;
}
const tbRun = (name: string): TbRun => must(tb.runs[name], `TensorBoard run '${name}'`);
const textTag = (tag: string): string => `${tag}/text_summary`;
const hparamsRuns = new Set(HPARAMS.map((s) => s.name));

/** tensorboardX's hparam types: what the experiment's HParamInfo.type must say. */
function dataTypeOf(v: HParamValue): string {
  return typeof v === 'number' ? 'DATA_TYPE_FLOAT64' : typeof v === 'string' ? 'DATA_TYPE_STRING' : typeof v === 'boolean' ? 'DATA_TYPE_BOOL' : 'DATA_TYPE_UNSET';
}
function valueKindOf(v: HParamValue): string {
  return typeof v === 'number' ? 'number_value' : typeof v === 'string' ? 'string_value' : 'bool_value';
}

describe('TensorBoard reads what decaylab wrote (a)', () => {
  it('was read by TensorBoard 2.21, which found exactly the expected runs, each with file_version 2', () => {
    expect(tb.tensorboard_version).toMatch(/^2\.21\./);
    expect(Object.keys(tb.runs).sort()).toEqual(expectedRunNames());
    for (const run of Object.values(tb.runs)) expect(run.file_version).toBe(2);
  });

  it('found exactly the logged tags of the main run', () => {
    const main = tbRun('.');
    expect(main.tags.scalars).toEqual(SCALARS.map((s) => s.cleanTag).sort());
    expect(main.tags.histograms).toEqual(HISTOGRAMS.map((h) => h.cleanTag).sort());
    expect(main.tags.tensors).toEqual(TEXTS.map((t) => textTag(t.tag)).sort());
    expect(Object.keys(main.hparams)).toEqual([]);
  });

  it('reads every scalar as the float32 of the logged value, at its step and exact wall time (negative, subnormal, large)', () => {
    for (const s of SCALARS) {
      expect(tbRun('.').scalars[s.cleanTag], s.tag).toEqual(s.steps.map((step, i) => [step, wallAt(step), Math.fround(s.values[i]!)]));
    }
    // The subnormal float32 survives as a subnormal, not flushed to 0.
    expect(tbRun('.').scalars.loss![2]![2]).toBe(9.99994610111476e-41);
  });

  it('reads addScalars as one sub-run per key, each with the main tag', () => {
    for (const key of Object.keys(SCALARS_GROUP.values[0]!)) {
      const run = tbRun(`${SCALARS_GROUP.mainTag}/${key}`);
      expect(run.tags).toEqual({ scalars: [SCALARS_GROUP.mainTag], histograms: [], tensors: [] });
      expect(run.scalars[SCALARS_GROUP.mainTag]).toEqual(SCALARS_GROUP.steps.map((step, i) => [step, wallAt(step), Math.fround(SCALARS_GROUP.values[i]![key]!)]));
    }
  });

  it('reads every histogram field exactly as makeHistogram computes it (compact, tensorflow, 7 bins, maxBins, constant, single value, float32 input)', () => {
    for (const h of HISTOGRAMS) {
      const read = must(tbRun('.').histograms[h.cleanTag], `histogram ${h.cleanTag}`);
      expect(read.map((p) => [p.step, p.wall_time]), h.tag).toEqual(h.steps.map((step) => [step, wallAt(step)]));
      h.values.forEach((values, i) => {
        const e = makeHistogram(values, h.options);
        const p = read[i]!;
        expect({ ...p, rows: undefined }, `${h.tag} step ${h.steps[i]}`).toEqual({
          step: h.steps[i],
          wall_time: wallAt(h.steps[i]!),
          min: e.min,
          max: e.max,
          num: e.num,
          sum: e.sum,
          sum_squares: e.sumSquares,
          bucket_limit: Array.from(e.bucketLimit),
          bucket: Array.from(e.bucket),
          rows: undefined,
        });
      });
    }
  });

  it("loses no bucket in the histograms plugin's rows: one row per bucket between the outer non-empty ones, counts summing to num, outer edges min and max", () => {
    for (const [tag, points] of Object.entries(tbRun('.').histograms)) {
      for (const p of points) {
        const nonEmpty = p.bucket.flatMap((c, i) => (c > 0 ? [i] : []));
        expect(p.rows.length, tag).toBe(nonEmpty[nonEmpty.length - 1]! - nonEmpty[0]! + 1);
        expect(p.rows.reduce((n, r) => n + r[2]!, 0), tag).toBe(p.num);
        expect(p.rows[0]![0], tag).toBe(Math.fround(p.min));
        expect(p.rows[p.rows.length - 1]![1], tag).toBe(Math.fround(p.max));
        for (const r of p.rows) expect(r[0]! <= r[1]!, `${tag}: row [${r.join(', ')}] runs backwards`).toBe(true);
      }
    }
    expect(tbRun('.').histograms.weights_tf![1]!.rows.length).toBeGreaterThan(500); // the ±1e-12 ladder around 0 is all there
  });

  it('reads the text summaries (non-ASCII, emoji, newline) through the text plugin as UTF-8 tensors', () => {
    for (const t of TEXTS) {
      expect(tbRun('.').texts[textTag(t.tag)]).toEqual(t.steps.map((step, i) => [step, wallAt(step), [t.texts[i]!]]));
    }
  });

  it('reads each hparams session: experiment (typed hparam infos, metric infos), typed start values, end status', () => {
    for (const s of HPARAMS) {
      const run = tbRun(s.name);
      const entries = Object.entries(s.hparams);
      expect(run.hparams['_hparams_/experiment']).toEqual({
        version: 0,
        data: 'experiment',
        hparam_infos: entries.map(([name, v]) => ({ name, type: dataTypeOf(v), domain: null })),
        metric_infos: Object.keys(s.metrics).map((tag) => ({ group: '', tag })),
      });
      expect(run.hparams['_hparams_/session_start_info']).toEqual({
        version: 0,
        data: 'session_start_info',
        group_name: '',
        start_time_secs: s.startTime ?? 0,
        hparams: Object.fromEntries(entries.map(([name, v]) => [name, { kind: valueKindOf(v), value: v }])),
      });
      expect(run.hparams['_hparams_/session_end_info']).toEqual({
        version: 0,
        data: 'session_end_info',
        status: `STATUS_${s.expectedStatus.toUpperCase()}`,
        end_time_secs: s.walltime,
      });
      expect(run.tags).toEqual({ scalars: Object.keys(s.metrics).sort(), histograms: [], tensors: [] });
      for (const [tag, value] of Object.entries(s.metrics)) {
        const [point, ...more] = must(run.scalars[tag], `${s.name} ${tag}`);
        expect(more).toEqual([]);
        expect(point).toEqual([s.step, s.walltime, Math.fround(value)]);
      }
    }
  });

  it("shows each session in the hparams plugin's session groups with its hparams, metrics and status (failure stays failure)", () => {
    const { experiment, session_groups: groups } = tb.hparams_plugin;
    const first = HPARAMS[0]!;
    expect(experiment.hparam_infos).toEqual(
      Object.entries(first.hparams)
        .map(([name, v]) => ({ name, type: dataTypeOf(v) }))
        .sort((a, b) => (a.name < b.name ? -1 : 1)),
    );
    expect(experiment.metric_infos).toEqual(Object.keys(first.metrics).map((tag) => ({ name: { tag } })));
    expect(groups.total_size).toBe(HPARAMS.length);
    for (const s of HPARAMS) {
      const group = must(groups.session_groups.find((g) => g.name === s.name), `session group ${s.name}`);
      expect(group.hparams).toEqual(s.hparams);
      expect(group.sessions.map((x) => [x.name, x.status])).toEqual([[s.name, `STATUS_${s.expectedStatus.toUpperCase()}`]]);
      const metrics = group.sessions[0]!.metric_values.map((m) => [m.name.tag, m.value, m.training_step]);
      expect(metrics).toEqual(Object.entries(s.metrics).map(([tag, v]) => [tag, Math.fround(v), s.step]));
    }
  });
});

describe("decaylab's reader agrees with TensorBoard on the committed log dir (b)", () => {
  const { runs, errors } = loadLogDir(committedLogDir);

  it('finds the same runs, with no error or warning', () => {
    expect([...runs.keys()].sort()).toEqual(Object.keys(tb.runs).sort());
    expect(errors).toEqual([]);
    for (const run of runs.values()) expect(run.warnings).toEqual([]);
  });

  it('reads the same scalars, histograms (statistics and float32 rows) and texts', () => {
    for (const [name, run] of runs) {
      const t = tbRun(name);
      expect([...run.scalars.keys()].sort(), name).toEqual(t.tags.scalars);
      expect([...run.histograms.keys()].sort(), name).toEqual(t.tags.histograms);
      expect([...run.texts.keys()].sort(), name).toEqual(t.tags.tensors);
      for (const [tag, s] of run.scalars) {
        expect(Array.from(s.steps, (step, i) => [step, s.wallTimes[i], s.values[i]]), `${name} ${tag}`).toEqual(t.scalars[tag]);
      }
      for (const [tag, h] of run.histograms) {
        const read = must(t.histograms[tag], `${name} ${tag}`);
        expect(h.length).toBe(read.length);
        read.forEach((p, i) => {
          const mine = [h.steps[i], h.wallTimes[i], h.min[i], h.max[i], h.num[i], h.sum[i], h.sumSquares[i]];
          expect(mine, `${tag} step ${p.step}`).toEqual([p.step, p.wall_time, p.min, p.max, p.num, p.sum, p.sum_squares]);
          expect(Array.from(h.rowsAt(i)), `${tag} step ${p.step} rows`).toEqual(p.rows.flat());
        });
      }
      for (const [tag, s] of run.texts) {
        expect(Array.from(s.steps, (step, i) => [step, s.wallTimes[i], s.values[i]]), `${name} ${tag}`).toEqual(t.texts[tag]);
      }
    }
  });

  it('reads the same hparams: hparam infos and types, metric infos, start values, end status', () => {
    const typeNames = { float64: 'DATA_TYPE_FLOAT64', string: 'DATA_TYPE_STRING', bool: 'DATA_TYPE_BOOL', unset: 'DATA_TYPE_UNSET' } as const;
    for (const [name, run] of runs) {
      const t = tbRun(name).hparams;
      if (!hparamsRuns.has(name)) {
        expect(run.hparams).toEqual({ experiment: null, sessionStart: null, sessionEnd: null });
        continue;
      }
      const { experiment, sessionStart, sessionEnd } = run.hparams;
      expect(experiment?.hparams.map((h) => ({ name: h.name, type: typeNames[h.type], domain: h.domain }))).toEqual(t['_hparams_/experiment']?.hparam_infos);
      expect(experiment?.metrics.map((m) => ({ group: m.group, tag: m.tag }))).toEqual(t['_hparams_/experiment']?.metric_infos);
      const tbStart = must(t['_hparams_/session_start_info']?.hparams, `${name} session start`);
      expect(sessionStart?.hparams).toEqual(Object.fromEntries(Object.entries(tbStart).map(([k, v]) => [k, v.value])));
      expect(`STATUS_${sessionEnd?.status.toUpperCase()}`).toBe(t['_hparams_/session_end_info']?.status);
      expect(sessionStart?.startTimeSecs).toBe(t['_hparams_/session_start_info']?.start_time_secs);
      expect(sessionEnd?.endTimeSecs).toBe(t['_hparams_/session_end_info']?.end_time_secs);
    }
  });
});

/** Every event of every run of `logDir`: run name → events in file order (file names ignored). */
function eventsByRun(logDir: string): Map<string, Event[]> {
  const out = new Map<string, Event[]>();
  for (const [name, dir] of discoverRuns(logDir)) {
    const events: Event[] = [];
    for (const file of listEventFiles(dir)) for (const r of readEventFile(file)) events.push(r.event);
    out.set(name, events);
  }
  return out;
}

/**
 * The one wall time the writer takes from the clock (no API to pass one): the `file_version`
 * record of every file. Everything else must be bit-identical.
 */
function withoutClockTimes(events: Event[]): Event[] {
  return events.map((e) => (e.what.case === 'fileVersion' ? { ...e, wallTime: 0 } : e));
}

describe('the committed log dir is what the generator writes today (c)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'decaylab-tb-reads-'));
    writeRun(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('regenerates the same runs, one event file each', () => {
    const count = (d: string) => [...discoverRuns(d)].map(([name, runDir]) => [name, listEventFiles(runDir).length]);
    expect(count(dir)).toEqual(count(committedLogDir));
    expect(count(committedLogDir).every(([, n]) => n === 1)).toBe(true);
  });

  it('regenerates the same decoded events (clock-taken wall times aside)', () => {
    const fresh = eventsByRun(dir);
    const committed = eventsByRun(committedLogDir);
    for (const [run, events] of committed) {
      expect(withoutClockTimes(must(fresh.get(run), `fresh run ${run}`)), `run ${run} (${relative(projectRoot, committedLogDir)})`).toEqual(
        withoutClockTimes(events),
      );
    }
    // The wall times ignored above are only those the writer takes from the clock.
    const main = must(committed.get('.'), 'main run').filter((e) => e.what.case === 'summary');
    expect(main.length).toBeGreaterThan(0);
    for (const e of main) expect(e.wallTime).toBe(wallAt(Number(e.step)));
  });
});
