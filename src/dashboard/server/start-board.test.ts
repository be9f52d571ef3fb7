/**
 * `startBoard` on a log dir that does not exist yet ("start the board, then train"): it listens,
 * serves an empty run list while waiting, and picks up runs written by the events layer's
 * SummaryWriter once the folder is created — on its own reload timer. A log dir that is a file is
 * a typed error. The root is resolved (symlinks followed) when the folder appears and stays fixed,
 * so swapping the folder for a symlink out of it later serves nothing from outside.
 */
import { mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SummaryWriter } from '../../events/writer/summary-writer.js';
import { BoardOptionError } from '../errors.js';
import type { RunsResponse, ScalarSeriesResponse } from '../shared/api-types.js';
import { rawRequest, writeSyntheticRun } from '../test-support/runs.js';
import { type BoardHandle, startBoard } from './start-board.js';

let base: string;
const boards: BoardHandle[] = [];

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'decaylab-start-board-')));
});
afterEach(async () => {
  await Promise.all(boards.splice(0).map((b) => b.close()));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function start(logDir: string, reloadIntervalMs = 60_000): Promise<BoardHandle> {
  const board = await startBoard({ logDir, port: 0, reloadIntervalMs, appDir: join(base, 'no-app') });
  boards.push(board);
  return board;
}

async function get<T>(board: BoardHandle, path: string): Promise<T> {
  const res = await fetch(new URL(path, board.url));
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

/** Polls `/api/runs` until `done` holds (the board's own reload timer must get there). */
async function runsUntil(board: BoardHandle, done: (r: RunsResponse) => boolean, timeoutMs = 10_000): Promise<RunsResponse> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await get<RunsResponse>(board, '/api/runs');
    if (done(r) || Date.now() > until) return r;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a log dir that does not exist yet', () => {
  it('serves an empty run list, then the runs written once the folder is created', async () => {
    const logDir = join(base, 'later', 'not', 'yet');
    const board = await start(logDir, 100);
    expect(board.data.waiting).toBe(true);
    expect(board.data.root).toBeNull();
    const before = await get<RunsResponse>(board, '/api/runs');
    expect(before).toMatchObject({ logDir, waitingForLogDir: true, runs: [] });
    expect((await rawRequest(board.url, '/api/scalars?run=wd%3D0.1&tag=loss')).status).toBe(404);

    const w = new SummaryWriter({ logDir: join(logDir, 'wd=0.1') });
    const losses = [3.5, 2.25, 1.125];
    losses.forEach((v, s) => w.addScalar('loss', v, s));
    w.close();

    const after = await runsUntil(board, (r) => r.runs.length > 0);
    expect(after.waitingForLogDir).toBe(false);
    expect(after.generation).toBeGreaterThan(before.generation);
    expect(after.runs.map((r) => r.name)).toEqual(['wd=0.1']);
    expect(after.runs[0]!.scalarTags).toEqual(['loss']);
    expect(after.runs[0]!.errors).toEqual([]);
    const s = await get<ScalarSeriesResponse>(board, '/api/scalars?run=wd%3D0.1&tag=loss');
    expect(s.steps).toEqual([0, 1, 2]);
    expect(s.values).toEqual(losses);
    expect(board.data.root).toBe(logDir);

    writeSyntheticRun(logDir, 'wd=0.01', { steps: 5 });
    const more = await runsUntil(board, (r) => r.runs.length > 1);
    expect(more.runs.map((r) => r.name)).toEqual(['wd=0.1', 'wd=0.01']);
  });

  it('keeps waiting while the path is a file, and reads the folder that replaces it', async () => {
    const logDir = join(base, 'file-first');
    const board = await start(logDir);
    writeFileSync(logDir, 'not a folder');
    expect(board.reload()).toEqual({ added: [], updated: [] });
    expect(board.data.waiting).toBe(true);
    rmSync(logDir);
    writeSyntheticRun(logDir, 'run', { steps: 2 });
    expect(board.reload().added).toEqual(['run']);
    expect((await get<RunsResponse>(board, '/api/runs')).runs.map((r) => r.name)).toEqual(['run']);
  });
});

describe('a log dir that is not a folder', () => {
  it('is a BoardOptionError naming the path when it is a file', async () => {
    const file = join(base, 'a-file');
    writeFileSync(file, 'x');
    const e = await startBoard({ logDir: file, port: 0 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BoardOptionError);
    expect((e as BoardOptionError).message).toBe(`log dir ${file} is a file, not a folder`);
    expect((e as BoardOptionError).option).toBe('logDir');
    expect((e as BoardOptionError).value).toBe(file);
  });

  it('is a BoardOptionError when a part of the path is a file (it could never be created)', async () => {
    const file = join(base, 'another-file');
    writeFileSync(file, 'x');
    const e = await startBoard({ logDir: join(file, 'logs'), port: 0 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BoardOptionError);
    expect((e as BoardOptionError).message).toBe(`log dir ${join(file, 'logs')} is not a folder: a part of its path is a file`);
  });
});

describe('the root of a log dir created after start', () => {
  it('is its real path: a log dir reached through a symlinked parent is not refused', async () => {
    mkdirSync(join(base, 'real-parent'));
    symlinkSync(join(base, 'real-parent'), join(base, 'link-parent'));
    const logDir = join(base, 'link-parent', 'logs');
    const board = await start(logDir);
    writeSyntheticRun(logDir, 'run', { steps: 2 });
    expect(board.reload().added).toEqual(['run']);
    expect(board.data.root).toBe(join(base, 'real-parent', 'logs'));
    expect(board.data.refused.size).toBe(0);
  });

  it('stays fixed: swapping the folder for a symlink out of it serves nothing from outside', async () => {
    const outside = join(base, 'outside');
    writeSyntheticRun(outside, 'secret', { steps: 2 });
    const logDir = join(base, 'swapped');
    const board = await start(logDir);
    writeSyntheticRun(logDir, 'ok', { steps: 2 });
    board.reload();
    expect(board.data.root).toBe(logDir);
    renameSync(logDir, join(base, 'swapped-away'));
    symlinkSync(outside, logDir);
    board.reload();
    expect(board.data.root).toBe(logDir);
    expect(board.data.refused.get('secret')).toBe('the run folder resolves outside the log dir');
    const r = await get<RunsResponse>(board, '/api/runs');
    expect(r.runs.map((x) => x.name)).toEqual(['ok']);
    expect((await rawRequest(board.url, '/api/scalars?run=secret&tag=loss')).status).toBe(404);
  });
});
