import { describe, expect, it } from 'vitest';
import { SliceCrc, crc32c, crc32cCombine, crc32cUpdate, maskCrc32c, maskedCrc32c, unmaskCrc32c } from './crc32c.js';

/** Bit-at-a-time reference implementation (the definition, no tables). */
function crc32cBitwise(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

describe('crc32c', () => {
  it('matches the test vectors of the format notes', () => {
    expect(crc32c(new TextEncoder().encode('123456789'))).toBe(0xe3069283);
    expect(maskedCrc32c(new TextEncoder().encode('123456789'))).toBe(0xc78ab0e5);
    expect(crc32c(new Uint8Array(8))).toBe(0x8c28b28a);
    expect(maskedCrc32c(new Uint8Array(8))).toBe(0x07980329);
    expect(crc32c(new Uint8Array(0))).toBe(0);
  });

  it('agrees with the bitwise definition at every length, alignment and sub-range', () => {
    const backing = new Uint8Array(700);
    for (let i = 0; i < backing.length; i++) backing[i] = (i * 7919 + 13) & 0xff;
    for (const offset of [0, 1, 2, 3, 5]) {
      for (const len of [0, 1, 3, 15, 16, 17, 63, 64, 65, 100, 257, 600]) {
        const view = new Uint8Array(backing.buffer, offset, len);
        expect(crc32c(view)).toBe(crc32cBitwise(view));
        expect(crc32c(backing, offset, offset + len)).toBe(crc32cBitwise(view));
      }
    }
  });

  it('stays right when calls alternate between buffers of different sizes, and on a detached buffer', () => {
    const fill = (n: number, k: number) => new Uint8Array(n).map((_, i) => (i * k + 1) & 0xff);
    const small = fill(200, 31);
    const large = fill(5000, 17);
    for (let round = 0; round < 3; round++) {
      for (const [bytes, start, end] of [[small, 4, 200], [large, 1000, 4997], [small, 0, 130], [large, 4, 68]] as const) {
        expect(crc32c(bytes, start, end)).toBe(crc32cBitwise(bytes.subarray(start, end)));
      }
    }
    const moved = fill(300, 7);
    expect(crc32c(moved)).toBe(crc32cBitwise(moved));
    structuredClone(moved.buffer, { transfer: [moved.buffer] });
    expect(crc32c(moved)).toBe(0);
  });

  it('continues a CRC across chunks', () => {
    const data = new Uint8Array(333).map((_, i) => (i * 31) & 0xff);
    const whole = crc32c(data);
    for (const cut of [0, 1, 64, 200, 333]) expect(crc32cUpdate(crc32c(data, 0, cut), data, cut)).toBe(whole);
  });

  it('unmask inverts mask', () => {
    for (const v of [0, 1, 0xffffffff, 0x12345678, 0xe3069283, 0x80000000]) expect(unmaskCrc32c(maskCrc32c(v))).toBe(v >>> 0);
  });
});

describe('crc32c combine', () => {
  const data = Uint8Array.from({ length: 5000 }, (_, i) => (i * 2654435761) >>> 24);

  it('crc32cCombine(crc(A), crc(B), |B|) = crc(A ++ B)', () => {
    for (const [a, b] of [
      [0, 0],
      [0, 17],
      [13, 0],
      [100, 4000],
      [4999, 1],
      [2500, 2500],
    ] as const) {
      const A = data.subarray(0, a);
      const B = data.subarray(a, a + b);
      expect(crc32cCombine(crc32c(A), crc32c(B), b)).toBe(crc32c(data, 0, a + b));
    }
  });

  it('SliceCrc.extend appends a slice without reading it', () => {
    const fixed = data.subarray(0, 8 * 300);
    const slices = new SliceCrc(fixed, 8);
    const head = data.subarray(4000, 4077);
    for (const [i, j] of [
      [0, 0],
      [0, 300],
      [5, 6],
      [17, 250],
      [299, 300],
    ] as const) {
      const joined = new Uint8Array(head.length + 8 * (j - i));
      joined.set(head);
      joined.set(fixed.subarray(8 * i, 8 * j), head.length);
      expect(slices.extend(crc32c(head), i, j)).toBe(crc32c(joined));
    }
  });
});
