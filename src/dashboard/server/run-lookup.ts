/**
 * Resolving the `run` and `tag` query parameters. A run name is only ever looked up among the
 * runs discovered under the log dir, never joined to a path; names that could only be attempts
 * to leave the log dir (absolute, drive letters, backslashes, empty/`.`/`..` segments) are
 * refused with 400 before the lookup, anything else unknown is 404.
 */
import type { HistogramSeries, ScalarSeries } from '../../events/reader/series.js';
import type { BoardData, BoardRun } from './board-data.js';
import { HttpError } from './http-error.js';

/** Throws 400 when `name` cannot be a run name (see the module comment). */
export function checkRunName(name: string): void {
  if (name === '.') return;
  const bad =
    name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name) || name.split('/').some((seg) => seg === '' || seg === '.' || seg === '..');
  if (bad) throw new HttpError(400, `invalid run name ${JSON.stringify(name)}: runs are folders under the log dir, named by their relative path`);
}

/** The run called `name`, or 400/404. */
export function findRun(board: BoardData, name: string): BoardRun {
  checkRunName(name);
  const run = board.runs.get(name);
  if (run === undefined) throw new HttpError(404, `no run ${JSON.stringify(name)} in the log dir`);
  return run;
}

/** The scalar series `tag` of `run`, or 404. */
export function findScalars(run: BoardRun, tag: string): ScalarSeries {
  const s = run.reader.data.scalars.get(tag);
  if (s === undefined) throw new HttpError(404, `run ${JSON.stringify(run.name)} has no scalar tag ${JSON.stringify(tag)}`);
  return s;
}

/** The histogram series `tag` of `run`, or 404. */
export function findHistograms(run: BoardRun, tag: string): HistogramSeries {
  const s = run.reader.data.histograms.get(tag);
  if (s === undefined) throw new HttpError(404, `run ${JSON.stringify(run.name)} has no histogram tag ${JSON.stringify(tag)}`);
  return s;
}
