/**
 * Reading framed records, from a file (in chunks, resumable at a byte offset) or from bytes in
 * memory. Both CRCs of every record are verified ({@link scanRecord}). The end of the data inside
 * a record — a file still being written, or cut by a crash — ends the iteration quietly and is
 * reported as a torn tail whose offset is where a later read should resume (tailing); any other
 * damage throws {@link EventFileCorruptError} with the file and the record's byte offset. A file
 * that cannot be opened or read (missing, a folder, no permission) throws
 * {@link EventFileReadError} naming the file and the reason, with the system error as `cause`.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { scanRecord } from '../format/record.js';
import { EventFileReadError } from './read-error.js';

/** One record: its byte offset in the file and its payload (a view, valid until the next record is requested). */
export interface RawRecord {
  offset: number;
  /** Offset just past the record (where the next one starts). */
  end: number;
  payload: Uint8Array;
}

/** The bytes after the last complete record: a record whose end has not been written (yet). */
export interface TornTail {
  /** Byte offset where the incomplete record starts (= where to resume). */
  offset: number;
  /** How many of its bytes are there. */
  bytes: number;
}

/** Where a read stopped: resume at `nextOffset`; `tornTail` is set when the data ended inside a record. */
export interface ReadEnd {
  nextOffset: number;
  tornTail: TornTail | null;
}

/** Options of {@link readRecords}. */
export interface ReadRecordsOptions {
  /** Byte offset to start at: 0, or a `nextOffset` returned by an earlier read. */
  offset?: number;
  /** Bytes read per system call (default 4 MiB). */
  chunkBytes?: number;
}

/**
 * Iterates the records of the file at `path` from `options.offset`; returns where it stopped.
 * A file that does not exist (or whose path cannot be followed) throws {@link EventFileReadError}
 * right away; one that cannot be opened or read later throws it from the iteration.
 */
export function readRecords(path: string, options: ReadRecordsOptions = {}): Generator<RawRecord, ReadEnd, undefined> {
  try {
    statSync(path);
  } catch (e) {
    throw new EventFileReadError(path, 'open', null, e);
  }
  return recordsOfFile(path, options);
}

function openFile(path: string): number {
  try {
    return openSync(path, 'r');
  } catch (e) {
    throw new EventFileReadError(path, 'open', null, e);
  }
}

function readAt(fd: number, path: string, buf: Uint8Array, at: number, length: number, position: number): number {
  try {
    return readSync(fd, buf, at, length, position);
  } catch (e) {
    throw new EventFileReadError(path, 'read', position, e);
  }
}

function* recordsOfFile(path: string, options: ReadRecordsOptions): Generator<RawRecord, ReadEnd, undefined> {
  const fd = openFile(path);
  try {
    let buf = new Uint8Array(options.chunkBytes ?? 4 << 20);
    let base = options.offset ?? 0; // file offset of buf[0]
    let len = 0;
    let pos = 0;
    let eof = false;
    for (;;) {
      const r = scanRecord(buf, pos, len, path, base);
      if (r.complete) {
        yield { offset: base + pos, end: base + r.end, payload: buf.subarray(r.payloadStart, r.payloadEnd) };
        pos = r.end;
        continue;
      }
      if (eof) return { nextOffset: base + pos, tornTail: pos === len ? null : { offset: base + pos, bytes: len - pos } };
      if (pos > 0) {
        buf.copyWithin(0, pos, len);
        base += pos;
        len -= pos;
        pos = 0;
      }
      if (r.needed > buf.length) {
        const bigger = new Uint8Array(Math.max(r.needed, 2 * buf.length));
        bigger.set(buf.subarray(0, len));
        buf = bigger;
      }
      const n = readAt(fd, path, buf, len, buf.length - len, base + len);
      if (n === 0) eof = true;
      else len += n;
    }
  } finally {
    closeSync(fd);
  }
}

/** Iterates the records in `bytes` (named `source` in errors); returns where it stopped. */
export function* recordsInBytes(bytes: Uint8Array, source = '<buffer>'): Generator<RawRecord, ReadEnd, undefined> {
  let pos = 0;
  for (;;) {
    const r = scanRecord(bytes, pos, bytes.length, source, 0);
    if (!r.complete) return { nextOffset: pos, tornTail: pos === bytes.length ? null : { offset: pos, bytes: bytes.length - pos } };
    yield { offset: pos, end: r.end, payload: bytes.subarray(r.payloadStart, r.payloadEnd) };
    pos = r.end;
  }
}
