import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventFileCorruptError, EventsError } from '../errors.js';
import { SummaryWriter } from '../writer/summary-writer.js';
import { discoverRuns } from './discover.js';
import { LogDirReader, loadLogDir } from './log-dir.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'decaylab-logdir-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function logRun(logDir: string, steps: number): string {
  const w = new SummaryWriter({ logDir });
  for (let s = 0; s < steps; s++) w.addScalar('loss', s, s);
  w.close();
  return w.filePath;
}

describe('log dirs', () => {
  it('finds every folder holding an event file, named by its relative path', () => {
    logRun(dir, 1);
    logRun(join(dir, 'a', 'b'), 1);
    mkdirSync(join(dir, 'empty'));
    mkdirSync(join(dir, 'profile'));
    writeFileSync(join(dir, 'profile', 'events.out.tfevents.1.host.profile-empty'), '');
    writeFileSync(join(dir, 'a', 'notes.txt'), 'not an event file');
    expect([...discoverRuns(dir).keys()]).toEqual(['.', 'a/b']);
  });

  it('loadLogDir rejects a missing folder with a typed error', () => {
    expect(() => loadLogDir(join(dir, 'missing'))).toThrow(EventsError);
  });

  it('strict loading throws on corruption; non-strict reports it and keeps the rest', () => {
    const good = logRun(join(dir, 'good'), 3);
    const bad = logRun(join(dir, 'bad'), 3);
    const bytes = new Uint8Array(readFileSync(bad));
    bytes[bytes.length - 3]! ^= 1;
    writeFileSync(bad, bytes);
    expect(() => loadLogDir(dir)).toThrow(EventFileCorruptError);
    const data = loadLogDir(dir, { strict: false });
    expect(data.errors.map((e) => e.file)).toEqual([bad]);
    expect(data.runs.get('good')!.scalars.get('loss')!.length).toBe(3);
    expect(data.runs.get('bad')!.scalars.get('loss')!.length).toBe(2);
    expect(good).not.toBe(bad);
  });

  it('LogDirReader picks up new runs, new files and appended events on each poll', () => {
    const reader = new LogDirReader(dir);
    expect(reader.poll()).toEqual({ added: [], updated: [], errors: [] });
    const w = new SummaryWriter({ logDir: join(dir, 'run1'), maxQueue: 1 });
    w.addScalar('loss', 1, 1);
    expect(reader.poll()).toEqual({ added: ['run1'], updated: ['run1'], errors: [] });
    expect(reader.poll().updated).toEqual([]);
    w.addScalar('loss', 2, 2);
    expect(reader.poll().updated).toEqual(['run1']);
    expect(Array.from(reader.runs.get('run1')!.data.scalars.get('loss')!.values)).toEqual([1, 2]);
    w.close();
    logRun(join(dir, 'run2'), 2);
    const r = reader.poll();
    expect(r.added).toEqual(['run2']);
    expect([...reader.data().keys()]).toEqual(['run1', 'run2']);
  });
});
