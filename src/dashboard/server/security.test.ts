/**
 * The board serves only the app and the data of runs under the log dir: traversal attempts in the
 * path or the parameters (`..`, percent-encoded, double-encoded, absolute, backslashes, NUL) are
 * 4xx, symlinks out of the log dir are never followed, foreign Host headers are refused, and
 * malformed requests get 4xx — never the content of a file outside the log dir.
 */
import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunsResponse } from '../shared/api-types.js';
import { buildDashboardApp } from '../test-support/build-app.js';
import { type RawResponse, eventFileOf, rawRequest, writeSyntheticRun } from '../test-support/runs.js';
import { type BoardHandle, startBoard } from './start-board.js';

let base: string;
let board: BoardHandle;
const SECRET_TAG = 'secret_outside_tag';
const SECRET_TEXT = 'TOP-SECRET-CONTENT';

beforeAll(async () => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'decaylab-security-')));
  const logs = join(base, 'logs');
  const outside = join(base, 'outside');
  mkdirSync(logs);
  // An outside run whose data must never be served, and an outside file with a secret.
  const w = writeSyntheticRun(outside, 'run', { steps: 3 });
  const { SummaryWriter } = await import('../../events/writer/summary-writer.js');
  const sw = new SummaryWriter({ logDir: w.dir });
  sw.addScalar(SECRET_TAG, 42, 0);
  sw.close();
  writeFileSync(join(outside, 'secret.txt'), SECRET_TEXT);
  writeFileSync(join(outside, 'run.json'), JSON.stringify({ format: 'decaylab.run/1', secret: SECRET_TEXT }));
  writeSyntheticRun(logs, 'ok', { steps: 3 });
  // Symlinks pointing out of the log dir: a run folder, an event file, a run.json, a plain file.
  symlinkSync(w.dir, join(logs, 'linked-run'));
  mkdirSync(join(logs, 'file-link'));
  symlinkSync(eventFileOf(w.dir), join(logs, 'file-link', 'events.out.tfevents.1.link'));
  symlinkSync(join(outside, 'run.json'), join(logs, 'ok', 'run.json'));
  symlinkSync(join(outside, 'secret.txt'), join(logs, 'secret.txt'));
  const app = join(base, 'app');
  await buildDashboardApp(app);
  copyFileSync(join(outside, 'secret.txt'), join(base, 'app-sibling.txt'));
  board = await startBoard({ logDir: logs, port: 0, reloadIntervalMs: 60_000, appDir: app });
});

afterAll(async () => {
  await board.close();
  rmSync(base, { recursive: true, force: true });
});

function expectNoLeak(res: RawResponse): void {
  const text = res.body.toString('utf8');
  expect(text).not.toContain(SECRET_TEXT);
  expect(text).not.toContain(SECRET_TAG);
  expect(text).not.toContain('root:x:0:0');
}

describe('board security', () => {
  it('lists only real runs under the log dir: symlinked runs and event files are not followed', async () => {
    const res = await rawRequest(board.url, '/api/runs');
    expect(res.status).toBe(200);
    expectNoLeak(res);
    const body = JSON.parse(res.body.toString('utf8')) as RunsResponse;
    expect(body.runs.map((r) => r.name)).toEqual(['ok']);
    const ok = body.runs[0]!;
    expect(ok.record).toBeNull();
    expect(ok.warnings).toEqual(['run.json is not a regular file; ignored']);
  });

  it.each([
    '/api/scalars?run=..%2Foutside%2Frun&tag=loss',
    '/api/scalars?run=../outside/run&tag=loss',
    '/api/scalars?run=%2e%2e%2foutside%2frun&tag=loss',
    '/api/scalars?run=%2E%2E&tag=loss',
    '/api/scalars?run=ok%2F..%2F..%2Foutside%2Frun&tag=loss',
    '/api/scalars?run=%2Fetc%2Fpasswd&tag=loss',
    '/api/scalars?run=C%3A%5CWindows&tag=loss',
    '/api/scalars?run=..%5Coutside%5Crun&tag=loss',
    '/api/scalars?run=ok%00&tag=loss',
    '/api/histograms?run=.%2F.%2Fok&tag=linears.0.weight_data',
  ])('refuses the run parameter of %s with 400', async (path) => {
    const res = await rawRequest(board.url, path);
    expect(res.status).toBe(400);
    expectNoLeak(res);
  });

  it('refuses an absolute run path with 400', async () => {
    const res = await rawRequest(board.url, `/api/scalars?run=${encodeURIComponent(join(base, 'outside', 'run'))}&tag=${SECRET_TAG}`);
    expect(res.status).toBe(400);
    expectNoLeak(res);
  });

  it.each([
    '/api/scalars?run=%252e%252e%252foutside%252frun&tag=loss',
    `/api/scalars?run=linked-run&tag=${SECRET_TAG}`,
    '/api/scalars?run=file-link&tag=loss',
  ])('answers %s with 404 (double-encoded or symlinked names are just unknown runs)', async (path) => {
    const res = await rawRequest(board.url, path);
    expect(res.status).toBe(404);
    expectNoLeak(res);
  });

  it('does not have the data of the outside run under a real run either', async () => {
    const res = await rawRequest(board.url, `/api/scalars?run=ok&tag=${SECRET_TAG}`);
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body.toString()).error.message).toBe(`run "ok" has no scalar tag "${SECRET_TAG}"`);
  });

  it.each([
    '/../outside/secret.txt',
    '/../../../../etc/passwd',
    '/%2e%2e/outside/secret.txt',
    '/%252e%252e/outside/secret.txt',
    '/app.js/../../outside/secret.txt',
    '/api/..%2f..%2foutside%2fsecret.txt',
    '/..\\..\\outside\\secret.txt',
    '/%5c..%5coutside',
    '//etc/passwd',
    '/secret.txt%00.js',
    '/.%2e/app-sibling.txt',
  ])('refuses the path %s with 400', async (path) => {
    const res = await rawRequest(board.url, path);
    expect(res.status).toBe(400);
    expectNoLeak(res);
  });

  it.each(['/secret.txt', '/app-sibling.txt', '/etc/passwd', '/package.json', '/dist/dashboard/app/app.js', '/api', '/favicon.ico'])('serves nothing but the app at %s (404)', async (path) => {
    const res = await rawRequest(board.url, path);
    expect(res.status).toBe(404);
    expectNoLeak(res);
  });

  it('serves the app with security headers', async () => {
    const page = await rawRequest(board.url, '/');
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('<script type="module" src="/app.js"></script>');
    const js = await rawRequest(board.url, '/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    for (const res of [page, js, await rawRequest(board.url, '/nope')]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('refuses requests addressed to another host name (DNS rebinding) with 403', async () => {
    const evil = await rawRequest(board.url, '/api/runs', { headers: { Host: 'evil.example:6006' } });
    expect(evil.status).toBe(403);
    expectNoLeak(evil);
    expect((await rawRequest(board.url, '/api/runs', { headers: { Host: `localhost:${board.port}` } })).status).toBe(200);
    expect((await rawRequest(board.url, '/api/runs', { headers: { Host: '127.0.0.1' } })).status).toBe(200);
  });

  it('answers other methods with 405 and malformed requests with 4xx', async () => {
    const post = await rawRequest(board.url, '/api/runs', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    expect((await rawRequest(board.url, '/api/runs', { method: 'DELETE' })).status).toBe(405);
    const head = await rawRequest(board.url, '/api/runs', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect((await rawRequest(board.url, '/api/scalars?run=%E0%A4%A&tag=loss')).status).toBe(400);
    expect((await rawRequest(board.url, '/api/scalars?run=ok&run=ok&tag=loss')).status).toBe(400);
    expect((await rawRequest(board.url, '/api/scalars?run=ok')).status).toBe(400);
    expect((await rawRequest(board.url, `/api/runs?x=${'a'.repeat(9000)}`)).status).toBe(414);
    const err = await rawRequest(board.url, '/api/scalars?run=ok');
    expect(JSON.parse(err.body.toString())).toEqual({ error: { status: 400, message: "missing query parameter 'tag' for /api/scalars" } });
  });

  it('listens on 127.0.0.1 by default', () => {
    expect(board.host).toBe('127.0.0.1');
    expect(board.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });
});
