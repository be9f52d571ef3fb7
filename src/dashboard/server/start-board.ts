/**
 * `startBoard`: the dashboard's HTTP server (Node's `http`, no framework). It reads the log dir
 * once before it starts listening, then rereads it every `reloadIntervalMs` (incrementally: new
 * runs, appended records, changed run.json), and answers GET/HEAD for the app and the JSON API.
 * A log dir that does not exist yet is waited for (no runs until it appears, as in TensorBoard),
 * so the board can be started before training creates it.
 * Every request passes, in order: the Host check (loopback binding only), strict parsing of the
 * request target, the router (404/405/400), the handler; a {@link HttpError} becomes its 4xx,
 * anything else a 500 with a generic message.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { BoardListenError, BoardOptionError } from '../errors.js';
import { defaultAppDir, registerAppRoutes } from './app-assets.js';
import { registerApiRoutes } from './api-routes.js';
import { BoardData, type BoardPollResult } from './board-data.js';
import { checkLoopbackHostHeader, isLoopbackHost } from './host-check.js';
import { HttpError } from './http-error.js';
import { sendError, sendReply } from './reply.js';
import { parseRequestTarget } from './request-target.js';
import { Router } from './router.js';

/** Default port (TensorBoard's). */
export const DEFAULT_BOARD_PORT = 6006;
/** Default listen address: loopback only. */
export const DEFAULT_BOARD_HOST = '127.0.0.1';
/** Default time between rereads of the log dir. */
export const DEFAULT_RELOAD_INTERVAL_MS = 2000;

/** Options of {@link startBoard}. */
export interface BoardOptions {
  /**
   * The folder whose runs are shown (every folder under it holding event files is a run). It may
   * not exist yet: the board then serves no runs until it is created. A file is refused.
   */
  logDir: string;
  /** TCP port (default 6006; 0 picks a free one). */
  port?: number;
  /** Listen address (default 127.0.0.1; use 0.0.0.0 to expose the board to the network). */
  host?: string;
  /** Milliseconds between rereads of the log dir (default 2000, at least 50). */
  reloadIntervalMs?: number;
  /** Folder of the built app (default `<package>/dist/dashboard/app`). */
  appDir?: string;
}

/** A running board. */
export interface BoardHandle {
  /** `http://host:port/`. */
  url: string;
  host: string;
  port: number;
  /** Whether the app was found (otherwise `/` explains how to build it; the API works). */
  appBuilt: boolean;
  data: BoardData;
  /** Rereads the log dir now (the server also does it every `reloadIntervalMs`). */
  reload(): BoardPollResult;
  /** Stops reloading, closes every connection and the server. */
  close(): Promise<void>;
}

function checkOptions(o: BoardOptions): { port: number; host: string; reloadIntervalMs: number } {
  const port = o.port ?? DEFAULT_BOARD_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new BoardOptionError(`port must be an integer from 0 to 65535, got ${port}`, 'port', port);
  const host = o.host ?? DEFAULT_BOARD_HOST;
  if (typeof host !== 'string' || host.trim() === '') throw new BoardOptionError('host must be a non-empty address', 'host', host);
  const reloadIntervalMs = o.reloadIntervalMs ?? DEFAULT_RELOAD_INTERVAL_MS;
  if (!Number.isFinite(reloadIntervalMs) || reloadIntervalMs < 50) {
    throw new BoardOptionError(`reloadIntervalMs must be a number of milliseconds ≥ 50, got ${reloadIntervalMs}`, 'reloadIntervalMs', reloadIntervalMs);
  }
  return { port, host, reloadIntervalMs };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error & { code?: string }): void => {
      const code = e.code ?? null;
      const why = code === 'EADDRINUSE' ? `port ${port} is already in use (try --port 0 or another port)` : e.message;
      reject(new BoardListenError(`cannot listen on ${host}:${port}: ${why}`, host, port, code));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

/**
 * Starts the board for `options.logDir`; resolves once it reads the log dir (if it exists yet)
 * and listens. Throws {@link BoardOptionError} for bad options (a log dir that is a file) and
 * {@link BoardListenError} when it cannot listen.
 */
export async function startBoard(options: BoardOptions): Promise<BoardHandle> {
  const { port, host, reloadIntervalMs } = checkOptions(options);
  const data = new BoardData(options.logDir);
  data.poll();
  const router = new Router();
  registerApiRoutes(router, data, { logDirLabel: options.logDir, reloadIntervalMs });
  const { built } = registerAppRoutes(router, options.appDir ?? defaultAppDir());
  const guardHost = isLoopbackHost(host);

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const headOnly = req.method === 'HEAD';
    try {
      if (guardHost) checkLoopbackHostHeader(req.headers.host);
      const target = parseRequestTarget(req.url ?? '');
      const ifNoneMatch = req.headers['if-none-match'] ?? null;
      sendReply(res, router.dispatch(req.method ?? '', target, ifNoneMatch), headOnly);
    } catch (e) {
      if (!(e instanceof HttpError)) process.stderr.write(`decaylab board: ${req.method} ${req.url}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      sendError(res, e instanceof HttpError ? e : new HttpError(500, 'internal error while answering the request'), headOnly);
    }
  };
  const server = createServer(handle);
  const boundPort = await listen(server, port, host);

  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const schedule = (): void => {
    timer = setTimeout(() => {
      if (closed) return;
      data.poll();
      schedule();
    }, reloadIntervalMs);
    timer.unref();
  };
  schedule();

  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${boundPort}/`,
    host,
    port: boundPort,
    appBuilt: built,
    data,
    reload: () => data.poll(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        closed = true;
        if (timer !== null) clearTimeout(timer);
        server.close((e) => (e === undefined ? resolve() : reject(e)));
        server.closeAllConnections();
      }),
  };
}
