import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BoardHandle } from '../../dashboard/server/start-board.js';
import type { RunsResponse } from '../../dashboard/shared/api-types.js';
import { writeSyntheticRun } from '../../dashboard/test-support/runs.js';
import type { CliIO } from '../io.js';
import { runCli } from '../program.js';
import { boardCommand } from './board.js';

function bufferIO(): CliIO & { text: () => string } {
  let all = '';
  return { out: (t) => void (all += t), err: (t) => void (all += t), isTTY: false, text: () => all };
}

const logDir = mkdtempSync(join(tmpdir(), 'decaylab-cli-board-'));
writeSyntheticRun(logDir, 'wd=0.1', { steps: 4 });
afterAll(() => rmSync(logDir, { recursive: true, force: true }));

describe('decaylab board', () => {
  it('serves the log dir on 127.0.0.1 until stopped', async () => {
    const io = bufferIO();
    const stop = new AbortController();
    let board: BoardHandle | null = null;
    let runs: RunsResponse | null = null;
    const code = await runCli(['board', logDir, '--port', '0', '--reload-interval', '0.5'], io, {
      extra: [
        (o) =>
          boardCommand(o, {
            signal: stop.signal,
            onListening: (b) => {
              board = b;
              void fetch(new URL('/api/runs', b.url))
                .then(async (res) => (runs = (await res.json()) as RunsResponse))
                .finally(() => stop.abort());
            },
          }),
      ],
    });
    expect(code).toBe(0);
    expect(board).not.toBeNull();
    expect(board!.host).toBe('127.0.0.1');
    expect(runs!.runs.map((r) => r.name)).toEqual(['wd=0.1']);
    expect(runs!.reloadIntervalMs).toBe(500);
    expect(io.text()).toContain(`1 run under ${logDir}`);
    expect(io.text()).toContain(`Open ${board!.url}`);
    expect(io.text()).toContain('decaylab board: stopped');
    await expect(fetch(new URL('/api/runs', board!.url))).rejects.toThrow();
  });

  it('waits for a log dir that does not exist yet and shows the runs written into it later', async () => {
    const io = bufferIO();
    const stop = new AbortController();
    const later = join(logDir, 'later');
    let before: RunsResponse | null = null;
    let runs: RunsResponse | null = null;
    const code = await runCli(['board', later, '--port', '0', '--reload-interval', '0.05'], io, {
      extra: [
        (o) =>
          boardCommand(o, {
            signal: stop.signal,
            onListening: (b) => {
              void (async () => {
                before = (await (await fetch(new URL('/api/runs', b.url))).json()) as RunsResponse;
                writeSyntheticRun(later, 'wd=0.01', { steps: 3 });
                for (let i = 0; i < 200 && (runs === null || runs.runs.length === 0); i++) {
                  await new Promise((resolve) => setTimeout(resolve, 50));
                  runs = (await (await fetch(new URL('/api/runs', b.url))).json()) as RunsResponse;
                }
              })().finally(() => stop.abort());
            },
          }),
      ],
    });
    expect(code).toBe(0);
    expect(before).toMatchObject({ waitingForLogDir: true, runs: [] });
    expect(io.text()).toContain(`decaylab board: log dir ${later} does not exist yet; waiting for it to be created (rereading every 0.05 s)`);
    expect(runs!.waitingForLogDir).toBe(false);
    expect(runs!.runs.map((r) => r.name)).toEqual(['wd=0.01']);
  });

  it('refuses a log dir that is a file, a bad port and a busy port with exit code 2 and the reason', async () => {
    const run = async (...args: string[]): Promise<{ code: number; text: string }> => {
      const io = bufferIO();
      const code = await runCli(args, io, { extra: [(o) => boardCommand(o, { signal: AbortSignal.abort() })] });
      return { code, text: io.text() };
    };
    const file = join(logDir, 'not-a-folder.txt');
    writeFileSync(file, 'x');
    const notFolder = await run('board', file, '--port', '0');
    expect(notFolder.code).toBe(2);
    expect(notFolder.text).toContain(`BoardOptionError: log dir ${file} is a file, not a folder`);
    const badPort = await run('board', logDir, '--port', '70000');
    expect(badPort.code).toBe(2);
    expect(badPort.text).toContain("option '--port <n>' argument '70000' is invalid");
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const address = busy.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const inUse = await run('board', logDir, '--port', String(port));
      expect(inUse.code).toBe(2);
      expect(inUse.text).toContain(`port ${port} is already in use`);
    } finally {
      busy.close();
    }
  });
});
