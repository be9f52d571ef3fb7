/**
 * Typed errors of the event-file layer. Corruption errors name the file and the byte offset of
 * the record that failed, so a dashboard can say exactly where a file went bad.
 */
import { DecaylabError } from '../tensor/errors.js';

/** Base class of the errors thrown by `src/events`. */
export class EventsError extends DecaylabError {}

/**
 * What was wrong with a record:
 * - `header-crc`: the masked CRC32C of the 8 length bytes does not match (TensorBoard: "failed header crc32 check");
 * - `data-crc`: the masked CRC32C of the payload does not match ("failed event crc32 check");
 * - `decode`: both CRCs pass but the payload is not a valid `Event` protobuf;
 * - `length`: the length field is larger than any record this reader accepts.
 */
export type CorruptionKind = 'header-crc' | 'data-crc' | 'decode' | 'length';

/** A record of an event file that is not a torn tail but real corruption. */
export class EventFileCorruptError extends EventsError {
  constructor(
    message: string,
    /** The file (or `<buffer>` when reading bytes in memory). */
    readonly file: string,
    /** Byte offset of the start of the bad record. */
    readonly offset: number,
    readonly kind: CorruptionKind,
  ) {
    super(`${file}: ${message} (record at byte offset ${offset})`);
  }
}

/** A method of a closed writer was called. */
export class WriterClosedError extends EventsError {
  constructor(readonly file: string) {
    super(`event file writer for ${file} is closed`);
  }
}

/** A histogram could not be built from the values (empty input, non-finite range for equal-width bins). */
export class HistogramError extends EventsError {
  constructor(
    message: string,
    /** The tag the histogram was logged under, when known. */
    readonly tag: string | null,
  ) {
    super(tag === null ? message : `histogram '${tag}': ${message}`);
  }
}
