/**
 * Events of an event file: records ({@link readRecords}) decoded as `Event` protobufs. A payload
 * that passes its CRCs but is not an Event throws {@link EventFileCorruptError} (kind `decode`)
 * — TensorBoard would stop on it too.
 */
import { decodeEvent } from '../format/event-codec.js';
import type { Event } from '../proto/tensorboard/event_pb.js';
import { type RawRecord, type ReadEnd, type ReadRecordsOptions, readRecords, recordsInBytes } from './record-reader.js';

/** One decoded event and the byte offset of its record. */
export interface EventRecord {
  offset: number;
  /** Offset just past the record. */
  end: number;
  event: Event;
}

function* decodeAll(records: Generator<RawRecord, ReadEnd, undefined>, source: string): Generator<EventRecord, ReadEnd, undefined> {
  try {
    for (;;) {
      const next = records.next();
      if (next.done === true) return next.value;
      yield { offset: next.value.offset, end: next.value.end, event: decodeEvent(next.value.payload, source, next.value.offset) };
    }
  } finally {
    records.return({ nextOffset: 0, tornTail: null });
  }
}

/**
 * Iterates the events of the file at `path`, both CRCs verified, from `options.offset` (0 or an
 * earlier `nextOffset`). Returns where it stopped; a torn last record ends the iteration quietly.
 * A missing file throws {@link EventFileReadError} at once, a file that cannot be opened or read
 * (a folder, no permission) throws it from the iteration; damaged records throw EventFileCorruptError.
 */
export function readEventFile(path: string, options: ReadRecordsOptions = {}): Generator<EventRecord, ReadEnd, undefined> {
  return decodeAll(readRecords(path, options), path);
}

/** Iterates the events in `bytes` (e.g. a whole file read into memory). */
export function readEventBytes(bytes: Uint8Array, source = '<buffer>'): Generator<EventRecord, ReadEnd, undefined> {
  return decodeAll(recordsInBytes(bytes, source), source);
}
