/**
 * The kernel conformance suite: one set of cases run over every registered kernel set, each
 * result compared with the reference kernels (the specification) within float32 rounding:
 * |got − ref| ≤ 2(k+2)·2⁻²⁴·(|C₀| + |bias| + Σₚ|aᵢₚ·bₚⱼ|), the worst-case bound of two
 * float32 summations of k products, far below the size of any wrong term.
 */
import { describe, expect, it } from 'vitest';
import type { FloatStorage } from '../dtype.js';
import { getKernelSet, kernelNames } from './registry.js';
import type { Kernels } from './types.js';

const reference = getKernelSet('reference');
const U = 2 ** -24;

interface Case {
  transA: boolean;
  transB: boolean;
  m: number;
  n: number;
  k: number;
  accumulate?: boolean;
  bias?: boolean;
  aOff?: number;
  bOff?: number;
  cOff?: number;
  dtype?: 'float32' | 'float64';
}

let seed = 12345;
/** Uniform in [-1, 1) from a 32-bit xorshift (deterministic, independent of the tensor RNG). */
function nextUniform(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 31 - 1;
}

function randomArray(length: number, dtype: 'float32' | 'float64'): FloatStorage {
  const out = dtype === 'float64' ? new Float64Array(length) : new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = nextUniform();
  return out;
}

/** Runs one case through `kernels` and the reference; returns the worst excess over the bound (≤ 0 passes). */
function runCase(kernels: Kernels, cs: Case): { excess: number; guardsIntact: boolean; where: string } {
  const { transA, transB, m, n, k } = cs;
  const dtype = cs.dtype ?? 'float32';
  const aOff = cs.aOff ?? 0;
  const bOff = cs.bOff ?? 0;
  const cOff = cs.cOff ?? 0;
  const guard = 5;
  const a = randomArray(aOff + m * k + guard, dtype);
  const b = randomArray(bOff + k * n + guard, dtype);
  const c0 = randomArray(cOff + m * n + guard, dtype);
  const bias = cs.bias === true ? randomArray(n, dtype) : null;
  const got = c0.slice();
  const want = c0.slice();
  kernels.gemm(transA, transB, m, n, k, a, aOff, b, bOff, got, cOff, cs.accumulate === true, bias);
  reference.gemm(transA, transB, m, n, k, a, aOff, b, bOff, want, cOff, cs.accumulate === true, bias);
  let guardsIntact = true;
  for (let i = 0; i < got.length; i++) {
    if ((i < cOff || i >= cOff + m * n) && !Object.is(got[i], c0[i])) guardsIntact = false;
  }
  let excess = -Infinity;
  let where = '';
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let mag = (cs.accumulate === true ? Math.abs(c0[cOff + i * n + j]!) : 0) + (bias === null ? 0 : Math.abs(bias[j]!));
      for (let p = 0; p < k; p++) {
        const av = transA ? a[aOff + p * m + i]! : a[aOff + i * k + p]!;
        const bv = transB ? b[bOff + j * k + p]! : b[bOff + p * n + j]!;
        mag += Math.abs(av * bv);
      }
      const tol = dtype === 'float64' ? 0 : 2 * (k + 2) * U * mag;
      const e = Math.abs(got[cOff + i * n + j]! - want[cOff + i * n + j]!) - tol;
      if (!(e <= excess)) {
        excess = Number.isNaN(e) ? Infinity : e;
        where = `C[${i},${j}] = ${got[cOff + i * n + j]} vs reference ${want[cOff + i * n + j]} (tolerance ${tol})`;
      }
    }
  }
  return { excess, guardsIntact, where };
}

const variants: [boolean, boolean][] = [
  [false, false],
  [false, true],
  [true, false],
  [true, true],
];
const edge = [1, 3, 17, 64, 65];
const large: [number, number, number][] = [
  [257, 63, 65], // m past one register-tile row pair and not a multiple of 2
  [63, 257, 300], // k past one k-block (256), n past 16 panels
  [300, 17, 513], // m past one 256-row A block, k over three k-blocks
  [2, 1000, 3],
  [128, 256, 784], // the 784-256-256-10 MLP's first layer
];

describe.each(kernelNames())('kernel set %s', (name) => {
  const kernels = getKernelSet(name);
  const expectConforms = (cs: Case): void => {
    const r = runCase(kernels, cs);
    const label = `${name} ${JSON.stringify(cs)}: ${r.where}`;
    expect(r.excess, label).toBeLessThanOrEqual(0);
    expect(r.guardsIntact, `${label}: wrote outside C`).toBe(true);
  };

  it.each(variants)('gemm transA=%s transB=%s over edge sizes 1, 3, 17, 64, 65', (transA, transB) => {
    for (const m of edge) for (const n of edge) for (const k of edge) expectConforms({ transA, transB, m, n, k });
  });

  it.each(variants)('gemm transA=%s transB=%s over large and blocked sizes', (transA, transB) => {
    for (const [m, n, k] of large) expectConforms({ transA, transB, m, n, k });
  });

  it.each(variants)('gemm transA=%s transB=%s with bias, accumulate and offsets', (transA, transB) => {
    for (const [m, n, k] of [[1, 1, 1], [3, 17, 5], [17, 65, 33], [65, 3, 257]] as const) {
      for (const accumulate of [false, true]) {
        for (const bias of [false, true]) {
          expectConforms({ transA, transB, m, n, k, accumulate, bias });
          expectConforms({ transA, transB, m, n, k, accumulate, bias, aOff: 7, bOff: 3, cOff: 11 });
        }
      }
    }
  });

  it('float64 gives the reference result exactly', () => {
    for (const [transA, transB] of variants) {
      for (const [m, n, k] of [[3, 17, 5], [65, 33, 70]] as const) {
        expectConforms({ transA, transB, m, n, k, dtype: 'float64', bias: true, accumulate: true, aOff: 2, bOff: 1, cOff: 4 });
      }
    }
  });

  it('k = 0 leaves bias (or zero, or the old C when accumulating)', () => {
    for (const accumulate of [false, true]) for (const bias of [false, true]) expectConforms({ transA: false, transB: true, m: 5, n: 7, k: 0, accumulate, bias });
  });

  it('m = 0 or n = 0 writes nothing', () => {
    expectConforms({ transA: false, transB: false, m: 0, n: 7, k: 3, cOff: 2 });
    expectConforms({ transA: true, transB: true, m: 7, n: 0, k: 3, cOff: 2 });
  });

  it('NaN in A reaches every element of its row of C, and only that row', () => {
    const m = 33;
    const n = 40;
    const k = 50;
    const a = new Float32Array(m * k).fill(0.5);
    const b = new Float32Array(k * n).fill(0.25);
    a[5 * k + 7] = NaN;
    const c = new Float32Array(m * n);
    kernels.gemm(false, false, m, n, k, a, 0, b, 0, c, 0, false, null);
    for (let i = 0; i < m; i++) {
      const row = Array.from(c.subarray(i * n, (i + 1) * n));
      expect(row.every((v) => (i === 5 ? Number.isNaN(v) : v === 0.5 * 0.25 * k)), `row ${i}`).toBe(true);
    }
  });

  /** Values with every sign class: NaN, ±0, ±Infinity, negatives, positives, tiny subnormals. */
  const specials = [NaN, 0, -0, Infinity, -Infinity, -1.5, 2.5, 1e-40, -1e-40, -3e38, 3e38];
  const signedData = (n: number, dtype: 'float32' | 'float64'): FloatStorage => {
    const out = randomArray(n, dtype);
    for (let i = 0; i < n; i += 7) out[i] = specials[(i / 7) % specials.length]!;
    return out;
  };
  const sameBits = (got: FloatStorage, want: FloatStorage): boolean => got.length === want.length && got.every((v, i) => Object.is(v, want[i]));

  it.each(['float32', 'float64'] as const)('relu equals the reference bit for bit (%s, sizes 1 … 1000, NaN, ±0, ±Inf)', (dtype) => {
    for (const n of [1, 3, 4, 5, 17, 255, 256, 257, 1000]) {
      const x = signedData(n + 3, dtype);
      const got = x.slice().fill(7);
      const want = x.slice().fill(7);
      kernels.relu(x, got, n);
      reference.relu(x, want, n);
      expect(sameBits(got, want), `${name} relu n=${n}`).toBe(true);
      expect(Array.from(got.subarray(n)), 'elements past n untouched').toEqual([7, 7, 7]);
      const inPlace = x.slice();
      kernels.relu(inPlace, inPlace, n);
      expect(sameBits(inPlace.subarray(0, n), want.subarray(0, n)), `${name} in-place relu n=${n}`).toBe(true);
    }
  });

  it.each(['float32', 'float64'] as const)('reluBackward equals the reference bit for bit (%s)', (dtype) => {
    for (const n of [1, 3, 4, 5, 17, 255, 256, 257, 1000]) {
      const y = signedData(n, dtype);
      const g = randomArray(n, dtype);
      const got = new (dtype === 'float32' ? Float32Array : Float64Array)(n);
      const want = got.slice();
      kernels.reluBackward(y, g, got, n);
      reference.reluBackward(y, g, want, n);
      expect(sameBits(got, want), `${name} reluBackward n=${n}`).toBe(true);
    }
  });

  it('relu follows PyTorch on special values: NaN passes, ±0 and negatives become +0', () => {
    const x = new Float32Array(512).fill(-2);
    x.set([NaN, -0, 0, -Infinity, Infinity, 3]);
    const y = new Float32Array(512);
    kernels.relu(x, y, 512);
    expect(Array.from(y.subarray(0, 7))).toEqual([NaN, 0, 0, 0, Infinity, 3, 0]);
    expect(Object.is(y[1], 0)).toBe(true);
    const g = new Float32Array(512).fill(5);
    const dx = new Float32Array(512);
    kernels.reluBackward(y, g, dx, 512);
    expect(Array.from(dx.subarray(0, 7))).toEqual([5, 0, 0, 0, 5, 5, 0]);
  });

  it('results do not depend on what earlier calls left in the workspace', () => {
    const a = randomArray(40 * 30, 'float32');
    const b = randomArray(30 * 20, 'float32');
    const first = new Float32Array(40 * 20);
    kernels.gemm(false, false, 40, 20, 30, a, 0, b, 0, first, 0, false, null);
    const junk = new Float32Array(300 * 300).fill(NaN);
    kernels.gemm(false, false, 300, 300, 300, junk, 0, junk, 0, new Float32Array(300 * 300), 0, false, null);
    const again = new Float32Array(40 * 20);
    kernels.gemm(false, false, 40, 20, 30, a, 0, b, 0, again, 0, false, null);
    expect(Array.from(again)).toEqual(Array.from(first));
  });
});
