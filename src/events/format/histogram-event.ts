/**
 * The hot path of histogram logging: `Event{wall_time, step, summary{value{tag, histo}}}` encoded
 * straight into the event file's buffer, byte-identical to @bufbuild/protobuf's `toBinary` of the
 * same message (fields in number order, proto3 defaults omitted, repeated doubles packed;
 * `histogram-event.test.ts` checks it).
 *
 * The message head — every key, varint length and scalar field — is written with the library's
 * `BinaryWriter`, with the nested lengths computed up front instead of fork/join; the two packed
 * double arrays, which are nearly all of the bytes, are copied as raw little-endian bytes. The
 * payload CRC is computed while assembling, and when `bucket_limit` is a slice of tensorboardX's
 * default edges its CRC comes from precomputed prefix CRCs ({@link SliceCrc}) instead of a pass
 * over its bytes.
 */
import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import type { HistogramData } from '../histogram/make-histogram.js';
import { TENSORFLOW_EDGES } from '../histogram/tensorflow-edges.js';
import { SliceCrc, crc32cUpdate } from './crc32c.js';
import type { PayloadSource } from './record.js';

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const EDGE_BYTES = new Uint8Array(TENSORFLOW_EDGES.buffer, TENSORFLOW_EDGES.byteOffset, TENSORFLOW_EDGES.byteLength);
let edgeCrc: SliceCrc | null = null;

/** Bytes of a varint holding `n` (0 ≤ n < 2^53). */
function varintSize(n: number): number {
  let size = 1;
  while (n >= 128) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
}

/** Bytes of a length-delimited field with a one-byte key and a payload of `len` bytes. */
function delimitedSize(len: number): number {
  return 1 + varintSize(len) + len;
}

/** The little-endian bytes of a Float64Array (a view on little-endian hosts, a copy otherwise). */
function bytesOf(values: Float64Array): Uint8Array {
  if (LITTLE_ENDIAN) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const out = new Uint8Array(values.length * 8);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setFloat64(8 * i, v, true));
  return out;
}

/**
 * Encodes histogram events: `prepare(…)` returns the payload length, then `writeTo(target)`
 * copies the payload (a {@link PayloadSource} for `EventFileWriter.addPayload`).
 */
export class HistogramEventEncoder implements PayloadSource {
  private readonly writer = new BinaryWriter();
  private readonly tagBytes = new Map<string, Uint8Array>();
  /** The head (event fields up to the bucket_limit key) followed by the bucket key: `headLength` splits them. */
  private keys: Uint8Array = new Uint8Array(0);
  private headLength = 0;
  private limits: Uint8Array = new Uint8Array(0);
  private counts: Uint8Array = new Uint8Array(0);
  /** Index in TENSORFLOW_EDGES of the first limit when the limits are a slice of it, else −1. */
  private edgeSliceStart = -1;

  private utf8(tag: string): Uint8Array {
    let b = this.tagBytes.get(tag);
    if (b === undefined) {
      b = new TextEncoder().encode(tag);
      this.tagBytes.set(tag, b);
    }
    return b;
  }

  /** Prepares the event; returns its payload length in bytes. */
  prepare(wallTime: number, step: number, tag: string, h: HistogramData): number {
    const n = h.bucketLimit.length;
    if (h.bucket.length !== n) throw new RangeError(`bucketLimit (${n}) and bucket (${h.bucket.length}) lengths differ`);
    const tagBytes = this.utf8(tag);
    const arrayBytes = 8 * n;
    let histoLen = (h.min !== 0 ? 9 : 0) + (h.max !== 0 ? 9 : 0) + (h.num !== 0 ? 9 : 0) + (h.sum !== 0 ? 9 : 0) + (h.sumSquares !== 0 ? 9 : 0);
    if (n > 0) histoLen += 2 * delimitedSize(arrayBytes);
    const valueLen = (tagBytes.length > 0 ? delimitedSize(tagBytes.length) : 0) + delimitedSize(histoLen);
    const summaryLen = delimitedSize(valueLen);

    const w = this.writer;
    if (wallTime !== 0) w.tag(1, WireType.Bit64).double(wallTime);
    // A non-negative int64 below 2^32 has the same varint as a uint32, which avoids a bigint conversion.
    if (step !== 0) {
      if (step > 0 && step <= 0xffffffff) w.tag(2, WireType.Varint).uint32(step);
      else w.tag(2, WireType.Varint).int64(step);
    }
    w.tag(5, WireType.LengthDelimited).uint32(summaryLen); // Event.summary
    w.tag(1, WireType.LengthDelimited).uint32(valueLen); // Summary.value
    if (tagBytes.length > 0) w.tag(1, WireType.LengthDelimited).bytes(tagBytes); // Value.tag
    w.tag(5, WireType.LengthDelimited).uint32(histoLen); // Value.histo
    if (h.min !== 0) w.tag(1, WireType.Bit64).double(h.min);
    if (h.max !== 0) w.tag(2, WireType.Bit64).double(h.max);
    if (h.num !== 0) w.tag(3, WireType.Bit64).double(h.num);
    if (h.sum !== 0) w.tag(4, WireType.Bit64).double(h.sum);
    if (h.sumSquares !== 0) w.tag(5, WireType.Bit64).double(h.sumSquares);
    if (n > 0) {
      w.tag(6, WireType.LengthDelimited).uint32(arrayBytes); // bucket_limit, packed; its doubles follow
      w.tag(7, WireType.LengthDelimited).uint32(arrayBytes); // bucket, packed; its doubles follow
    }
    this.keys = w.finish();
    this.headLength = this.keys.length - (n > 0 ? 1 + varintSize(arrayBytes) : 0);
    this.limits = bytesOf(h.bucketLimit);
    this.counts = bytesOf(h.bucket);
    this.edgeSliceStart = -1;
    if (LITTLE_ENDIAN && n > 0 && h.bucketLimit.buffer === TENSORFLOW_EDGES.buffer) {
      this.edgeSliceStart = (h.bucketLimit.byteOffset - TENSORFLOW_EDGES.byteOffset) / 8;
    }
    return this.keys.length + this.limits.length + this.counts.length;
  }

  /** Copies the prepared payload to `buffer[at …]`; returns its (unmasked) CRC32C. */
  writeTo(buffer: Uint8Array, at: number): number {
    const keys = this.keys;
    const headLength = this.headLength;
    for (let i = 0; i < headLength; i++) buffer[at + i] = keys[i]!; // ~100 bytes: a loop beats a view + set
    let crc = crc32cUpdate(0, buffer, at, at + headLength);
    at += headLength;
    buffer.set(this.limits, at);
    if (this.edgeSliceStart >= 0) {
      edgeCrc ??= new SliceCrc(EDGE_BYTES, 8);
      crc = edgeCrc.extend(crc, this.edgeSliceStart, this.edgeSliceStart + this.limits.length / 8);
    } else {
      crc = crc32cUpdate(crc, buffer, at, at + this.limits.length);
    }
    at += this.limits.length;
    const middleLength = keys.length - headLength;
    for (let i = 0; i < middleLength; i++) buffer[at + i] = keys[headLength + i]!;
    buffer.set(this.counts, at + middleLength);
    return crc32cUpdate(crc, buffer, at, at + middleLength + this.counts.length);
  }

  /** The whole payload as a new array (for tests and callers without a file buffer). */
  encode(wallTime: number, step: number, tag: string, h: HistogramData): Uint8Array {
    const out = new Uint8Array(this.prepare(wallTime, step, tag, h));
    this.writeTo(out, 0);
    return out;
  }
}
