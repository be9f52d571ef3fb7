import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { create } from '@bufbuild/protobuf';
import { readEventBytes } from '../reader/event-reader.js';
import { EventSchema } from '../proto/tensorboard/event_pb.js';
import { WriterClosedError } from '../errors.js';
import { EventFileWriter } from './event-file-writer.js';
import { eventFileName } from './file-name.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'decaylab-efw-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const countEvents = (path: string): number => {
  let n = 0;
  const it = readEventBytes(new Uint8Array(readFileSync(path)));
  while (it.next().done !== true) n++;
  return n;
};
const event = (step: number) => create(EventSchema, { wallTime: 1, step: BigInt(step), what: { case: 'fileVersion', value: 'x' } });

describe('EventFileWriter', () => {
  it('writes the first record at once, then buffers', () => {
    const w = new EventFileWriter(dir, { flushSecs: 3600, maxQueue: 100 });
    expect(countEvents(w.path)).toBe(1);
    w.addEvent(event(1));
    expect(countEvents(w.path)).toBe(1);
    w.close();
    expect(countEvents(w.path)).toBe(2);
    expect(() => w.addEvent(event(2))).toThrow(WriterClosedError);
  });

  it('writes when flushSecs have passed, checked on add (a busy loop never lets a timer run)', () => {
    const w = new EventFileWriter(dir, { flushSecs: 0.05, maxQueue: 1000 });
    w.addEvent(event(1));
    const until = Date.now() + 80;
    while (Date.now() < until) {
      // busy: no event-loop turn
    }
    w.addEvent(event(2));
    expect(countEvents(w.path)).toBe(3);
    w.close();
  });

  it('writes from its timer when the event loop is idle', async () => {
    const w = new EventFileWriter(dir, { flushSecs: 0.05, maxQueue: 1000 });
    w.addEvent(event(1));
    await new Promise((r) => setTimeout(r, 200));
    expect(countEvents(w.path)).toBe(2);
    w.close();
  });

  it('handles records larger than its buffer', () => {
    const w = new EventFileWriter(dir);
    const big = create(EventSchema, { wallTime: 1, what: { case: 'graphDef', value: new Uint8Array(3 << 20).fill(7) } });
    w.addEvent(big);
    w.close();
    expect(countEvents(w.path)).toBe(2);
  });

  it('names files with 10-digit seconds', () => {
    expect(eventFileName(1700000000.987, '.s', 'host')).toBe('events.out.tfevents.1700000000.host.s');
    expect(eventFileName(5, '', 'h')).toBe('events.out.tfevents.0000000005.h');
  });
});
