/**
 * CRC-32C (Castagnoli) and TensorFlow's CRC mask, as used by every tfevents record.
 *
 * crc32c: reflected polynomial 0x82F63B78, initial value 0xFFFFFFFF, final XOR 0xFFFFFFFF
 * (crc32c("123456789") = 0xE3069283). Computed with slicing-by-16 tables (16 table lookups per
 * 16 input bytes) reading aligned 32-bit little-endian words where the buffer allows it.
 *
 * mask: `((crc >>> 15) | (crc << 17)) + 0xA282EAD8 (mod 2^32)` — TensorFlow masks stored CRCs so
 * that a CRC of data that itself contains CRCs stays well distributed.
 */

const POLY = 0x82f63b78;
const MASK_DELTA = 0xa282ead8;

/** TABLE[k·256 + b] is the CRC contribution of byte b followed by k zero bytes. */
const TABLE = buildTables();

function buildTables(): Uint32Array {
  const t = new Uint32Array(16 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n]!;
    for (let k = 1; k < 16; k++) {
      c = t[c & 0xff]! ^ (c >>> 8);
      t[k * 256 + n] = c >>> 0;
    }
  }
  return t;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

let cachedBuffer: ArrayBufferLike | null = null;
let cachedWords: Uint32Array = new Uint32Array(0);

/**
 * A Uint32Array over `buffer` that covers `count` words from the 4-aligned byte `at`: a view of
 * the whole buffer, kept from call to call (an event writer passes the same buffer every record,
 * and a new view per record was a tenth of the logging time), or a fresh one when that cannot
 * cover the range (another buffer, or one that grew).
 */
function wordsOf(buffer: ArrayBufferLike, at: number, count: number): Uint32Array {
  if (buffer !== cachedBuffer || at + 4 * count > cachedWords.byteLength) {
    if (buffer.byteLength < at + 4 * count) return new Uint32Array(buffer, at, count);
    cachedBuffer = buffer;
    cachedWords = new Uint32Array(buffer, 0, buffer.byteLength >>> 2);
  }
  return cachedWords;
}

/**
 * Continues a CRC-32C over `bytes[start, end)`. `crc` is a finished CRC (as returned by
 * {@link crc32c}); pass 0 to start. `crc32cUpdate(crc32c(a), b) === crc32c(a ++ b)`.
 */
export function crc32cUpdate(crc: number, bytes: Uint8Array, start = 0, end = bytes.length): number {
  const T = TABLE;
  let c = ~crc;
  let i = start;
  // Bytes until the absolute address is 4-aligned, so that the word loop can use a Uint32Array view.
  while (i < end && ((bytes.byteOffset + i) & 3) !== 0) c = T[(c ^ bytes[i++]!) & 0xff]! ^ (c >>> 8);
  const words = end - i;
  if (LITTLE_ENDIAN && words >= 64) {
    const w = wordsOf(bytes.buffer, bytes.byteOffset + i, words >>> 2);
    const blocks = words >>> 4;
    let j = (bytes.byteOffset + i - w.byteOffset) >>> 2;
    for (let b = 0; b < blocks; b++, j += 4) {
      const a = w[j]! ^ c;
      const b1 = w[j + 1]!;
      const b2 = w[j + 2]!;
      const b3 = w[j + 3]!;
      c =
        T[3840 + (a & 0xff)]! ^ T[3584 + ((a >>> 8) & 0xff)]! ^ T[3328 + ((a >>> 16) & 0xff)]! ^ T[3072 + (a >>> 24)]! ^
        T[2816 + (b1 & 0xff)]! ^ T[2560 + ((b1 >>> 8) & 0xff)]! ^ T[2304 + ((b1 >>> 16) & 0xff)]! ^ T[2048 + (b1 >>> 24)]! ^
        T[1792 + (b2 & 0xff)]! ^ T[1536 + ((b2 >>> 8) & 0xff)]! ^ T[1280 + ((b2 >>> 16) & 0xff)]! ^ T[1024 + (b2 >>> 24)]! ^
        T[768 + (b3 & 0xff)]! ^ T[512 + ((b3 >>> 8) & 0xff)]! ^ T[256 + ((b3 >>> 16) & 0xff)]! ^ T[b3 >>> 24]!;
    }
    i += blocks * 16;
  }
  while (i < end) c = T[(c ^ bytes[i++]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** CRC-32C of `bytes[start, end)` (unsigned 32-bit). */
export function crc32c(bytes: Uint8Array, start = 0, end = bytes.length): number {
  return crc32cUpdate(0, bytes, start, end);
}

/** TensorFlow's mask: rotate right by 15 bits, then add 0xA282EAD8 (mod 2^32). */
export function maskCrc32c(crc: number): number {
  return (((crc >>> 15) | (crc << 17)) + MASK_DELTA) >>> 0;
}

/** Inverse of {@link maskCrc32c}. */
export function unmaskCrc32c(masked: number): number {
  const rot = (masked - MASK_DELTA) >>> 0;
  return ((rot >>> 17) | (rot << 15)) >>> 0;
}

/** Masked CRC-32C of `bytes[start, end)`, the value stored in a tfevents record. */
export function maskedCrc32c(bytes: Uint8Array, start = 0, end = bytes.length): number {
  return maskCrc32c(crc32c(bytes, start, end));
}

/**
 * a(x)·b(x) mod P(x) for CRC-32C polynomials in reflected bit order (bit 31 = x^0), the
 * primitive of zlib's `crc32_combine` (Mark Adler's `multmodp`).
 */
function multModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** X2N[k] = x^(2^k) mod P. */
const X2N = (() => {
  const t = new Uint32Array(32);
  let p = 0x40000000; // x^1
  for (let k = 0; k < 32; k++) {
    t[k] = p;
    p = multModP(p, p);
  }
  return t;
})();

/** x^(8·n) mod P: the operator that appends n zero bytes to a raw CRC register. */
function xPow8n(n: number): number {
  let p = 0x80000000; // x^0
  let k = 3;
  while (n > 0) {
    if (n & 1) p = multModP(X2N[k & 31]!, p);
    n = Math.floor(n / 2);
    k++;
  }
  return p;
}

/**
 * CRC-32C of `A ++ B` from `crcA = crc32c(A)`, `crcB = crc32c(B)` and B's length, without reading
 * A or B (zlib's `crc32_combine`): crc(A ++ B) = (crcA · x^(8·|B|) mod P) XOR crcB.
 */
export function crc32cCombine(crcA: number, crcB: number, lengthB: number): number {
  return (multModP(xPow8n(lengthB), crcA) ^ crcB) >>> 0;
}

/**
 * CRCs of slices of one fixed byte array in O(1) each (no pass over the bytes): keeps the CRC of
 * every prefix that ends at a multiple of `stride` bytes and the operators x^(8·stride·m) mod P.
 * For tensorboardX's default histogram edges, whose stored `bucket_limit` is always a slice of
 * the same 1549 doubles.
 */
export class SliceCrc {
  private readonly prefix: Uint32Array;
  private readonly shift: Uint32Array;

  constructor(
    bytes: Uint8Array,
    private readonly stride: number,
  ) {
    const units = Math.floor(bytes.length / stride);
    this.prefix = new Uint32Array(units + 1);
    for (let u = 0; u < units; u++) this.prefix[u + 1] = crc32cUpdate(this.prefix[u]!, bytes, u * stride, (u + 1) * stride);
    this.shift = new Uint32Array(units + 1);
    for (let m = 0; m <= units; m++) this.shift[m] = xPow8n(m * stride);
  }

  /** crc32c(data ++ bytes[i·stride, j·stride)) given `crc = crc32c(data)`. */
  extend(crc: number, i: number, j: number): number {
    // crc(data ++ S) = shift(crc) ^ crc(S), and crc(S) = F[j] ^ shift(F[i]) — shifts are linear.
    return (multModP(this.shift[j - i]!, (crc ^ this.prefix[i]!) >>> 0) ^ this.prefix[j]!) >>> 0;
  }
}
