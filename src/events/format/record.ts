/**
 * tfevents record framing (TensorFlow's TFRecord format), all integers little-endian:
 *
 * | offset | size | content                                  |
 * |--------|------|------------------------------------------|
 * | 0      | 8    | payload length N (uint64)                |
 * | 8      | 4    | masked CRC32C of the 8 length bytes      |
 * | 12     | N    | payload (one serialized `Event`)         |
 * | 12+N   | 4    | masked CRC32C of the payload             |
 *
 * Writing frames payloads into caller-owned buffers; scanning checks both CRCs and tells a record
 * that is merely incomplete (a file still being written) from one that is corrupt.
 */
import { EventFileCorruptError } from '../errors.js';
import { crc32c, maskCrc32c, maskedCrc32c } from './crc32c.js';

/** Bytes before the payload: length (8) and its masked CRC (4). */
export const RECORD_HEADER_BYTES = 12;
/** Bytes after the payload: its masked CRC (4). */
export const RECORD_FOOTER_BYTES = 4;
/** Framing bytes per record. */
export const RECORD_OVERHEAD_BYTES = RECORD_HEADER_BYTES + RECORD_FOOTER_BYTES;
/** Largest payload this reader accepts (1 GiB); a longer length field is reported as corruption. */
export const MAX_RECORD_PAYLOAD_BYTES = 1 << 30;

function writeU32(target: Uint8Array, at: number, value: number): void {
  target[at] = value & 0xff;
  target[at + 1] = (value >>> 8) & 0xff;
  target[at + 2] = (value >>> 16) & 0xff;
  target[at + 3] = (value >>> 24) & 0xff;
}

function readU32(source: Uint8Array, at: number): number {
  return (source[at]! | (source[at + 1]! << 8) | (source[at + 2]! << 16) | (source[at + 3]! << 24)) >>> 0;
}

/**
 * Writes the framing around a payload that already sits at `target[offset + 12, offset + 12 + length)`:
 * the length, its CRC and the payload CRC. Returns the offset just past the record.
 */
export function frameRecordInPlace(target: Uint8Array, offset: number, payloadLength: number): number {
  const start = offset + RECORD_HEADER_BYTES;
  return frameRecordWithCrc(target, offset, payloadLength, crc32c(target, start, start + payloadLength));
}

/**
 * Like {@link frameRecordInPlace}, with the payload's (unmasked) CRC32C already known — e.g.
 * computed piecewise with {@link crc32cCombine} while the payload was assembled.
 */
export function frameRecordWithCrc(target: Uint8Array, offset: number, payloadLength: number, payloadCrc: number): number {
  writeU32(target, offset, payloadLength >>> 0);
  writeU32(target, offset + 4, Math.floor(payloadLength / 0x100000000));
  writeU32(target, offset + 8, maskedCrc32c(target, offset, offset + 8));
  const payloadEnd = offset + RECORD_HEADER_BYTES + payloadLength;
  writeU32(target, payloadEnd, maskCrc32c(payloadCrc));
  return payloadEnd + RECORD_FOOTER_BYTES;
}

/** Copies `payload` into `target` at `offset` as one framed record; returns the offset past it. */
export function writeRecord(target: Uint8Array, offset: number, payload: Uint8Array): number {
  target.set(payload, offset + RECORD_HEADER_BYTES);
  return frameRecordInPlace(target, offset, payload.length);
}

/** One framed record holding `payload`. */
export function encodeRecord(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(payload.length + RECORD_OVERHEAD_BYTES);
  writeRecord(out, 0, payload);
  return out;
}

/** A complete record whose CRCs passed: its payload is `bytes[payloadStart, payloadEnd)`. */
export interface ScannedRecord {
  readonly complete: true;
  readonly payloadStart: number;
  readonly payloadEnd: number;
  /** Index just past the record. */
  readonly end: number;
}

/** Not enough bytes for a whole record yet: `needed` bytes from the record start would complete it. */
export interface IncompleteRecord {
  readonly complete: false;
  readonly needed: number;
}

/**
 * Checks the record starting at `bytes[at]`. Returns it when complete and both CRCs match, reports
 * it as incomplete when the bytes end inside it (the header CRC is verified as soon as the header
 * is there), and throws {@link EventFileCorruptError} (naming `source` and the file offset
 * `baseOffset + at`) on a CRC mismatch or an impossible length.
 */
export function scanRecord(bytes: Uint8Array, at: number, end: number, source: string, baseOffset: number): ScannedRecord | IncompleteRecord {
  const available = end - at;
  if (available < RECORD_HEADER_BYTES) return { complete: false, needed: RECORD_HEADER_BYTES };
  const fileOffset = baseOffset + at;
  const storedHeaderCrc = readU32(bytes, at + 8);
  if (maskedCrc32c(bytes, at, at + 8) !== storedHeaderCrc) {
    throw new EventFileCorruptError('record failed its header crc32c check', source, fileOffset, 'header-crc');
  }
  const low = readU32(bytes, at);
  const high = readU32(bytes, at + 4);
  if (high !== 0 || low > MAX_RECORD_PAYLOAD_BYTES) {
    throw new EventFileCorruptError(`record length ${high * 0x100000000 + low} exceeds ${MAX_RECORD_PAYLOAD_BYTES} bytes`, source, fileOffset, 'length');
  }
  const needed = RECORD_OVERHEAD_BYTES + low;
  if (available < needed) return { complete: false, needed };
  const payloadStart = at + RECORD_HEADER_BYTES;
  const payloadEnd = payloadStart + low;
  if (maskedCrc32c(bytes, payloadStart, payloadEnd) !== readU32(bytes, payloadEnd)) {
    throw new EventFileCorruptError('record failed its data crc32c check', source, fileOffset, 'data-crc');
  }
  return { complete: true, payloadStart, payloadEnd, end: at + needed };
}

/** Something that can write a payload of a known length in place, returning its unmasked CRC32C. */
export interface PayloadSource {
  /** Writes the payload to `buffer[at …]` and returns its CRC32C. */
  writeTo(buffer: Uint8Array, at: number): number;
}
