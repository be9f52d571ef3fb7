/**
 * The `/api/runs` entry of a run ({@link RunInfo}): its tags, read problems, hyperparameters
 * (run.json's `hparams`, overridden by the hparams plugin's session start, as TensorBoard would
 * show them), the last point of every scalar tag (its final metrics) and run.json's result.
 * File paths in messages are made relative to the log dir: the API never shows where it lives.
 */
import { relative } from 'node:path';
import type { RunRecord } from '../../experiments/run/run-record.js';
import type { HParamValue, LastScalar, RunFileError, RunInfo, RunRecordSummary } from '../shared/api-types.js';
import { toJsonNumber } from '../shared/number-codec.js';
import type { BoardRun } from './board-data.js';
import { naturalCompare as naturalOrder } from '../shared/natural-order.js';


/** `message` with every occurrence of the absolute `root` path removed (paths become relative). */
export function relativeMessage(root: string, message: string): string {
  return message.split(`${root}/`).join('').split(root).join('.');
}

function fileErrors(root: string, run: BoardRun): RunFileError[] {
  const errors: RunFileError[] = [];
  for (const state of run.reader.fileStates) {
    if (state.error === null) continue;
    const file = relative(run.dir, state.path);
    errors.push({ file, offset: state.error.offset, kind: state.error.kind, message: relativeMessage(root, state.error.message) });
  }
  if (run.ioError !== null) errors.push({ file: '.', offset: null, kind: 'io', message: relativeMessage(root, run.ioError) });
  return errors;
}

function recordSummary(record: RunRecord): RunRecordSummary {
  const r = record.result;
  const metrics: RunRecordSummary['metrics'] = {};
  const put = (key: string, v: number | null | undefined): void => {
    if (v !== undefined) metrics[key] = v === null ? null : toJsonNumber(v);
  };
  if (r !== null) {
    put('steps', r.steps);
    put('epochs', r.epochs);
    put('lastLoss', r.lastLoss);
    put('divergedAt', r.divergedAt);
    put('final.trainLoss', r.final.trainLoss);
    put('final.trainAccuracy', r.final.trainAccuracy);
    put('final.testLoss', r.final.testLoss);
    put('final.testAccuracy', r.final.testAccuracy);
    put('totalNorm', r.totalNorm);
    put('numel', r.numel);
    put('exactZeros', r.exactZeros);
    put('nearZeroShare', r.nearZeroShare);
    put('durationMs', r.durationMs);
  }
  return {
    status: record.status,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
    metrics,
    error: record.error === null ? null : `${record.error.name}: ${record.error.message}`,
  };
}

/** The API description of `run` (see the module comment). */
export function runInfo(root: string, run: BoardRun): RunInfo {
  const data = run.reader.data;
  const hparams: Record<string, HParamValue> = { ...(run.record?.hparams ?? {}) };
  Object.assign(hparams, data.hparams.sessionStart?.hparams ?? {});
  const lastScalars: Record<string, LastScalar> = {};
  let first = Infinity;
  let last = -Infinity;
  for (const [tag, s] of data.scalars) {
    const n = s.length;
    if (n === 0) continue;
    lastScalars[tag] = { step: s.steps[n - 1]!, wallTime: s.wallTimes[n - 1]!, value: toJsonNumber(s.values[n - 1]!) };
    first = Math.min(first, s.wallTimes[0]!);
    last = Math.max(last, s.wallTimes[n - 1]!);
  }
  const histogramLengths: Record<string, number> = {};
  for (const [tag, h] of data.histograms) {
    histogramLengths[tag] = h.length;
    if (h.length === 0) continue;
    first = Math.min(first, h.wallTimes[0]!);
    last = Math.max(last, h.wallTimes[h.length - 1]!);
  }
  const warnings = data.warnings.map((w) => relativeMessage(root, w));
  if (run.recordProblem !== null) warnings.push(relativeMessage(root, run.recordProblem));
  return {
    name: run.name,
    generation: run.generation,
    scalarTags: [...data.scalars.keys()].filter((t) => data.scalars.get(t)!.length > 0).sort(naturalOrder),
    histogramTags: [...data.histograms.keys()].filter((t) => data.histograms.get(t)!.length > 0).sort(naturalOrder),
    histogramLengths,
    errors: fileErrors(root, run),
    warnings,
    hparams,
    lastScalars,
    record: run.record === null ? null : recordSummary(run.record),
    eventCount: data.eventCount,
    firstWallTime: Number.isFinite(first) ? first : null,
    lastWallTime: Number.isFinite(last) ? last : null,
  };
}
