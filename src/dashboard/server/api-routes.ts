/**
 * The JSON API over the log dir (shapes in shared/api-types.ts):
 * `/api/runs`, `/api/scalars`, `/api/histograms` (binary, or `format=json`), `/api/distributions`.
 * Series answers carry an ETag made of the server instance and the run's generation, so a client
 * revalidating an unchanged series gets 304 without a body; distributions are cached per run
 * generation (computing them walks every step).
 */
import { randomBytes } from 'node:crypto';
import type { RunsResponse } from '../shared/api-types.js';
import { HISTOGRAM_MEDIA_TYPE } from '../shared/histogram-codec.js';
import type { BoardData, BoardRun } from './board-data.js';
import { HttpError } from './http-error.js';
import type { Reply, Router } from './router.js';
import { runInfo } from './run-info.js';
import { findHistograms, findRun, findScalars } from './run-lookup.js';
import { distributionBody, histogramBinaryBody, histogramJsonBody, scalarBody } from './series-bodies.js';

/** Settings the API reports to clients. */
export interface ApiSettings {
  /** The log dir as the user named it. */
  logDirLabel: string;
  reloadIntervalMs: number;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** A JSON reply. */
export function jsonReply(body: unknown, status = 200, headers: Record<string, string> = {}): Reply {
  return { status, contentType: JSON_TYPE, body: JSON.stringify(body), headers };
}

/** Registers the API routes of `board` on `router`. */
export function registerApiRoutes(router: Router, board: BoardData, settings: ApiSettings): void {
  const instance = randomBytes(6).toString('hex');
  const etagOf = (run: BoardRun, what: string): string => `"${instance}-${run.generation}-${what}"`;
  const cached = (run: BoardRun, what: string, ifNoneMatch: string | null, build: () => Reply): Reply => {
    const etag = etagOf(run, what);
    if (ifNoneMatch === etag) return { status: 304, contentType: '', body: '', headers: { ETag: etag } };
    const reply = build();
    return { ...reply, headers: { ...reply.headers, ETag: etag } };
  };
  const distributionCache = new Map<string, { generation: number; reply: Reply }>();

  router.get('/api/runs', { required: [] }, () => {
    const root = board.root;
    const body: RunsResponse = {
      logDir: settings.logDirLabel,
      waitingForLogDir: root === null,
      generation: board.generation,
      reloadIntervalMs: settings.reloadIntervalMs,
      runs: root === null ? [] : [...board.runs.values()].map((r) => runInfo(root, r)),
    };
    return jsonReply(body);
  });

  router.get('/api/scalars', { required: ['run', 'tag'] }, ({ params, ifNoneMatch }) => {
    const run = findRun(board, params.run);
    const series = findScalars(run, params.tag);
    return cached(run, 's', ifNoneMatch, () => jsonReply(scalarBody(run.name, series)));
  });

  router.get('/api/histograms', { required: ['run', 'tag'], optional: ['format'] }, ({ params, optional, ifNoneMatch }) => {
    const run = findRun(board, params.run);
    const series = findHistograms(run, params.tag);
    const format = optional.get('format') ?? 'binary';
    if (format !== 'binary' && format !== 'json') throw new HttpError(400, `format must be 'binary' or 'json', got ${JSON.stringify(format)}`);
    if (format === 'json') return cached(run, 'hj', ifNoneMatch, () => jsonReply(histogramJsonBody(run.name, series)));
    return cached(run, 'hb', ifNoneMatch, () => ({ status: 200, contentType: HISTOGRAM_MEDIA_TYPE, body: histogramBinaryBody(series) }));
  });

  router.get('/api/distributions', { required: ['run', 'tag'] }, ({ params, ifNoneMatch }) => {
    const run = findRun(board, params.run);
    const series = findHistograms(run, params.tag);
    return cached(run, 'd', ifNoneMatch, () => {
      const key = `${run.name}\u0000${params.tag}`;
      const hit = distributionCache.get(key);
      if (hit !== undefined && hit.generation === run.generation) return hit.reply;
      const reply = jsonReply(distributionBody(run.name, series));
      distributionCache.set(key, { generation: run.generation, reply });
      return reply;
    });
  });
}
