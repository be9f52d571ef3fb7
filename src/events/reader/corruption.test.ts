import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventFileCorruptError } from '../errors.js';
import { maskedCrc32c } from '../format/crc32c.js';
import { encodeRecord } from '../format/record.js';
import { SummaryWriter } from '../writer/summary-writer.js';
import { type EventRecord, readEventBytes, readEventFile } from './event-reader.js';
import type { ReadEnd } from './record-reader.js';

let dir: string;
let file: Uint8Array;
/** Start offset of each record of `file`, plus its size. */
let boundaries: number[];

function readAll(it: Generator<EventRecord, ReadEnd, undefined>): { events: EventRecord[]; end: ReadEnd } {
  const events: EventRecord[] = [];
  for (;;) {
    const n = it.next();
    if (n.done === true) return { events, end: n.value };
    events.push(n.value);
  }
}

/** Reads `bytes`, returning the outcome instead of throwing a corruption error; rethrows anything else. */
function outcome(bytes: Uint8Array): { events: number; end: ReadEnd } | EventFileCorruptError {
  try {
    const { events, end } = readAll(readEventBytes(bytes, 'small.tfevents'));
    return { events: events.length, end };
  } catch (e) {
    if (e instanceof EventFileCorruptError) return e;
    throw e;
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'decaylab-corrupt-'));
  const w = new SummaryWriter({ logDir: dir });
  w.addScalar('loss', 0.5, 1);
  w.addText('note', 'hello', 1);
  w.addHistogram('w', [1, 2, 3, 4], 1);
  w.close();
  file = new Uint8Array(readFileSync(w.filePath)); // a copy: Buffer.slice would share memory
  const { events } = readAll(readEventBytes(file));
  boundaries = [...events.map((e) => e.offset), file.length];
  expect(events.length).toBe(4);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('damaged event data', () => {
  it('truncation at every offset ends cleanly, with the torn tail reported inside a record', () => {
    for (let n = 0; n <= file.length; n++) {
      const r = outcome(file.subarray(0, n));
      if (r instanceof EventFileCorruptError) throw new Error(`truncation at ${n} raised ${r.message}`);
      const complete = boundaries.filter((b) => b > 0 && b <= n).length;
      expect(r.events).toBe(complete);
      const lastBoundary = boundaries.filter((b) => b <= n).at(-1)!;
      expect(r.end.nextOffset).toBe(lastBoundary);
      expect(r.end.tornTail).toEqual(n === lastBoundary ? null : { offset: lastBoundary, bytes: n - lastBoundary });
    }
  });

  it('every single flipped bit is reported as corruption of the record that holds it', () => {
    for (let i = 0; i < file.length; i++) {
      for (const bit of [0, 3, 7]) {
        const bad = file.slice();
        bad[i]! ^= 1 << bit;
        const r = outcome(bad);
        expect(r, `flip at byte ${i}`).toBeInstanceOf(EventFileCorruptError);
        const e = r as EventFileCorruptError;
        const recordStart = boundaries.filter((b) => b <= i).at(-1)!;
        expect(e.offset).toBe(recordStart);
        expect(e.file).toBe('small.tfevents');
        expect(['header-crc', 'data-crc', 'length']).toContain(e.kind);
        expect(e.message).toContain(`byte offset ${recordStart}`);
      }
    }
  });

  it('random bytes give a typed error or a clean end, never anything else', () => {
    let seed = 12345;
    const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) & 0xff;
    let errors = 0;
    for (let k = 0; k < 300; k++) {
      const bytes = Uint8Array.from({ length: k % 40 === 0 ? k % 12 : 1 + ((k * 37) % 900) }, rand);
      const r = outcome(bytes);
      if (r instanceof EventFileCorruptError) errors++;
      else expect(r.events).toBe(0);
    }
    expect(errors).toBeGreaterThan(250);
  });

  it('an empty file is a clean end with nothing in it', () => {
    const path = join(dir, 'events.out.tfevents.0000000000.empty');
    writeFileSync(path, new Uint8Array(0));
    const { events, end } = readAll(readEventFile(path));
    expect(events).toEqual([]);
    expect(end).toEqual({ nextOffset: 0, tornTail: null });
  });

  it('a record with valid CRCs but a payload that is not an Event is a decode error', () => {
    const garbage = encodeRecord(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
    const bytes = new Uint8Array(file.length + garbage.length);
    bytes.set(file);
    bytes.set(garbage, file.length);
    const r = outcome(bytes);
    expect(r).toBeInstanceOf(EventFileCorruptError);
    expect((r as EventFileCorruptError).kind).toBe('decode');
    expect((r as EventFileCorruptError).offset).toBe(file.length);
  });

  it('a length beyond 1 GiB with a valid header CRC is a length error', () => {
    const header = new Uint8Array(16);
    header[5] = 1; // length 2^40
    new DataView(header.buffer).setUint32(8, maskedCrc32c(header, 0, 8), true);
    const r = outcome(header);
    expect((r as EventFileCorruptError).kind).toBe('length');
  });

  it('a file on disk reports its path and offset', () => {
    const path = join(dir, 'events.out.tfevents.0000000001.bad');
    const bad = file.slice();
    bad[boundaries[2]! + 13]! ^= 0x10;
    writeFileSync(path, bad);
    const it = readEventFile(path);
    expect(it.next().done).toBe(false);
    expect(it.next().done).toBe(false);
    try {
      it.next();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EventFileCorruptError);
      expect((e as EventFileCorruptError).file).toBe(path);
      expect((e as EventFileCorruptError).offset).toBe(boundaries[2]);
      expect((e as EventFileCorruptError).kind).toBe('data-crc');
    }
  });
});
