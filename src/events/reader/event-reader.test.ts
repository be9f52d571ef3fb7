/**
 * Opening and reading event files that are not there or not files: the events layer's typed
 * {@link EventFileReadError} (an EventsError) naming the file and the reason, the system error
 * kept as `cause` — never a bare Node error.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DecaylabError } from '../../tensor/errors.js';
import { EventsError } from '../errors.js';
import { SummaryWriter } from '../writer/summary-writer.js';
import { readEventFile } from './event-reader.js';
import { EventFileReadError } from './read-error.js';
import { readRecords } from './record-reader.js';
import { RunReader } from './run-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'decaylab-event-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return expect.unreachable('no error thrown');
}

describe('event files that cannot be read', () => {
  it('a missing file throws EventFileReadError at once, naming the file and the reason, with the cause', () => {
    const path = join(dir, 'events.out.tfevents.1.missing');
    for (const e of [thrown(() => readEventFile(path)), thrown(() => readRecords(path)), thrown(() => [...readEventFile(path)])]) {
      expect(e).toBeInstanceOf(EventFileReadError);
      expect(e).toBeInstanceOf(EventsError);
      expect(e).toBeInstanceOf(DecaylabError);
      const r = e as EventFileReadError;
      expect(r.name).toBe('EventFileReadError');
      expect(r.message).toBe(`cannot open event file ${path}: it does not exist (ENOENT)`);
      expect(r).toMatchObject({ file: path, operation: 'open', offset: null, code: 'ENOENT' });
      expect(r.cause).toBeInstanceOf(Error);
      expect((r.cause as NodeJS.ErrnoException).code).toBe('ENOENT');
      expect(Object.keys(r)).not.toContain('cause');
    }
  });

  it('a path through a file is a typed error too', () => {
    const file = join(dir, 'plain');
    writeFileSync(file, 'x');
    const e = thrown(() => readEventFile(join(file, 'events.out.tfevents.1.x')));
    expect(e).toBeInstanceOf(EventFileReadError);
    expect((e as EventFileReadError).message).toBe(`cannot open event file ${join(file, 'events.out.tfevents.1.x')}: a part of its path is a file, not a folder (ENOTDIR)`);
  });

  it('a folder is a typed read error at byte offset 0 when iterated', () => {
    const it = readEventFile(dir);
    const e = thrown(() => it.next());
    expect(e).toBeInstanceOf(EventFileReadError);
    expect(e).toMatchObject({ file: dir, operation: 'read', offset: 0, code: 'EISDIR', message: `cannot read event file ${dir} at byte offset 0: it is a folder, not a file (EISDIR)` });
    expect(it.next().done).toBe(true);
  });

  it('a readable file still reads (the check adds no error)', () => {
    const w = new SummaryWriter({ logDir: join(dir, 'run') });
    w.addScalar('loss', 0.5, 7);
    w.close();
    const steps = [...readEventFile(w.filePath)].map((r) => Number(r.event.step));
    expect(steps).toEqual([0, 7]);
    const run = new RunReader('run', join(dir, 'run'));
    expect(run.poll()).toEqual({ events: 2, errors: [] });
  });
});
