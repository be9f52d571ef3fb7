/**
 * The kernel conformance suite for the row kernels — Adam's update and layer normalisation — run
 * over every registered kernel set and compared with the reference kernels (the specification).
 * Float64 must equal the reference exactly (every set computes it with the reference code). Float32
 * may differ by rounding only: Adam computed in float32 (the wasm kernel, PyTorch's precision) stays
 * within a few float32 ulps of the reference's float64 arithmetic, per element, relative to the
 * magnitudes of the terms summed (m itself may be a small difference of larger terms); layer
 * normalisation (float64 inside every set) within one ulp of the result's terms. The bounds are far
 * below the size of any wrong term.
 */
import { describe, expect, it } from 'vitest';
import type { FloatStorage } from '../dtype.js';
import { getKernelSet, kernelNames } from './registry.js';
import type { AdamBlock } from './types.js';

const reference = getKernelSet('reference');
const U = 2 ** -24;

let seed = 98765;
/** Uniform in [-1, 1) from a 32-bit xorshift (deterministic, independent of the tensor RNG). */
function nextUniform(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 31 - 1;
}

type Dtype = 'float32' | 'float64';

function randomArray(length: number, dtype: Dtype, scale = 1, offset = 0): FloatStorage {
  const out = dtype === 'float64' ? new Float64Array(length) : new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = offset + scale * nextUniform();
  return out;
}

const copy = (a: FloatStorage): FloatStorage => a.slice();

interface AdamCase {
  n: number;
  dtype?: Dtype;
  start?: number;
  end?: number;
  amsgrad?: boolean;
  /** 'l2' (g + λw, keep 1), 'decoupled' (keep 1 − lr·λ), 'maximize' (−g), 'scratch' (dst is a zeroed scratch array). */
  mode?: 'l2' | 'decoupled' | 'maximize' | 'scratch';
  step?: number;
}

/** A block over fresh random arrays (v ≥ 0) with the scalars of Adam(lr 0.01, λ 0.1) at `step`. */
function adamBlock(cs: AdamCase): AdamBlock {
  const dtype = cs.dtype ?? 'float32';
  const n = cs.n;
  const round = dtype === 'float32' ? Math.fround : (x: number) => x;
  const step = cs.step ?? 7;
  const [lr, lambda, beta1, beta2] = [0.01, 0.1, 0.9, 0.999];
  const mode = cs.mode ?? 'l2';
  const w = randomArray(n, dtype);
  const v = randomArray(n, dtype, 0.01, 0.01);
  return {
    start: cs.start ?? 0,
    end: cs.end ?? n,
    src: randomArray(n, dtype, 0.5),
    inputScale: mode === 'maximize' ? -1 : 1,
    w,
    inputWeight: mode === 'l2' || mode === 'maximize' ? round(lambda) : 0,
    m: randomArray(n, dtype, 0.1),
    v,
    vMax: cs.amsgrad === true ? v.map((x) => x * (1 + Math.abs(nextUniform()))) : null,
    dst: mode === 'scratch' ? (dtype === 'float64' ? new Float64Array(n) : new Float32Array(n)) : w,
    keep: mode === 'decoupled' ? round(1 - lr * lambda) : 1,
    outScale: round(mode === 'scratch' ? 1 / (1 - beta1 ** step) : -lr / (1 - beta1 ** step)),
    beta1: round(beta1),
    oneMinusBeta1: round(1 - beta1),
    beta2: round(beta2),
    oneMinusBeta2: round(1 - beta2),
    eps: round(1e-8),
    bc2Sqrt: round(Math.sqrt(1 - beta2 ** step)),
  };
}

/** An independent copy of a block's arrays (dst stays aliased to w when it was). */
function cloneBlock(b: AdamBlock): AdamBlock {
  const w = copy(b.w);
  return { ...b, src: copy(b.src), w, m: copy(b.m), v: copy(b.v), vMax: b.vMax === null ? null : copy(b.vMax), dst: b.dst === b.w ? w : copy(b.dst) };
}

/** Worst excess over the rounding bounds of one Adam block against the reference (≤ 0 passes). */
function adamExcess(name: string, cs: AdamCase): { excess: number; where: string; untouched: boolean } {
  const before = adamBlock(cs);
  const got = cloneBlock(before);
  const want = cloneBlock(before);
  getKernelSet(name).adam(got);
  reference.adam(want);
  const exact = (cs.dtype ?? 'float32') === 'float64';
  let excess = -Infinity;
  let where = '';
  const check = (what: string, i: number, g: number, r: number, tol: number): void => {
    const e = Number.isNaN(r) ? (Number.isNaN(g) ? -1 : Infinity) : Math.abs(g - r) - (exact ? 0 : tol);
    if (!(e <= excess)) {
      excess = Number.isNaN(e) ? Infinity : e;
      where = `${what}[${i}] = ${g} vs reference ${r} (tolerance ${tol})`;
    }
  };
  let untouched = true;
  for (let i = 0; i < cs.n; i++) {
    const inside = i >= before.start && i < before.end;
    const arrays: [string, FloatStorage, FloatStorage, FloatStorage][] = [
      ['m', got.m, want.m, before.m],
      ['v', got.v, want.v, before.v],
      ['dst', got.dst, want.dst, before.dst],
    ];
    if (got.vMax !== null && want.vMax !== null && before.vMax !== null) arrays.push(['vMax', got.vMax, want.vMax, before.vMax]);
    if (!inside) {
      for (const [, g, , b] of arrays) if (!Object.is(g[i], b[i])) untouched = false;
      continue;
    }
    const grad = Math.abs(before.inputScale * before.src[i]!) + Math.abs(before.inputWeight * before.w[i]!);
    const mTol = 4 * U * (Math.abs(before.beta1 * before.m[i]!) + before.oneMinusBeta1 * grad);
    check('m', i, got.m[i]!, want.m[i]!, mTol);
    check('v', i, got.v[i]!, want.v[i]!, 6 * U * (before.beta2 * before.v[i]! + before.oneMinusBeta2 * grad * grad));
    if (got.vMax !== null && want.vMax !== null) check('vMax', i, got.vMax[i]!, want.vMax[i]!, 6 * U * Math.abs(want.vMax[i]!));
    // The update u = outScale·m/(√v/bc2 + ε): a few roundings of its own, plus m's rounding error (m may be a small difference).
    const update = Math.abs(want.dst[i]! - before.keep * before.dst[i]!);
    const denominator = Math.sqrt((want.vMax ?? want.v)[i]!) / before.bc2Sqrt + before.eps;
    const uTol = 16 * U * update + (Math.abs(before.outScale) * mTol) / denominator;
    check('dst', i, got.dst[i]!, want.dst[i]!, 2 * U * Math.abs(before.keep * before.dst[i]!) + uTol);
  }
  return { excess, where, untouched };
}

describe.each(kernelNames())('kernel set %s: Adam', (name) => {
  const expectConforms = (cs: AdamCase): void => {
    const r = adamExcess(name, cs);
    const label = `${name} adam ${JSON.stringify(cs)}: ${r.where}`;
    expect(r.excess, label).toBeLessThanOrEqual(0);
    expect(r.untouched, `${label}: wrote outside [start, end)`).toBe(true);
  };

  it.each(['l2', 'decoupled', 'maximize', 'scratch'] as const)('matches the reference in mode %s over sizes 1 … 4099', (mode) => {
    for (const n of [1, 3, 4, 5, 17, 63, 64, 65, 400, 1024, 4099]) expectConforms({ n, mode });
  });

  it('AMSGrad, later steps, and blocks inside larger arrays', () => {
    for (const n of [3, 64, 1000]) {
      expectConforms({ n, amsgrad: true });
      expectConforms({ n, step: 1 });
      expectConforms({ n, step: 5000, mode: 'decoupled' });
    }
    expectConforms({ n: 2000, start: 1024, end: 2000 });
    expectConforms({ n: 300, start: 7, end: 290, amsgrad: true, mode: 'scratch' });
  });

  it('float64 gives the reference result exactly', () => {
    for (const mode of ['l2', 'decoupled', 'scratch'] as const) expectConforms({ n: 333, dtype: 'float64', mode, amsgrad: mode === 'scratch' });
  });

  it('a NaN gradient makes exactly its own element NaN', () => {
    const block = adamBlock({ n: 130 });
    block.src[77] = NaN;
    getKernelSet(name).adam(block);
    for (let i = 0; i < 130; i++) expect(Number.isNaN(block.w[i]!), `w[${i}]`).toBe(i === 77);
  });
});

interface NormCase {
  rows: number;
  n: number;
  dtype?: Dtype;
  /** Which of γ, β exist. */
  affine?: 'both' | 'none' | 'gamma';
  /** Mean of the inputs: rows far from zero test the moments' precision. */
  offset?: number;
}

/** Forward then backward of one case with `name` and with the reference; the worst excess over the bounds. */
function normExcess(name: string, cs: NormCase): { excess: number; where: string } {
  const { rows, n } = cs;
  const dtype = cs.dtype ?? 'float32';
  const exact = dtype === 'float64';
  const affine = cs.affine ?? 'both';
  const x = randomArray(rows * n, dtype, 2, cs.offset ?? 0);
  const gamma = affine === 'none' ? null : randomArray(n, dtype, 1, 1);
  const beta = affine === 'both' ? randomArray(n, dtype) : null;
  const g = randomArray(rows * n, dtype);
  const kernels = getKernelSet(name);
  const run = (k: typeof kernels) => {
    const y = x.slice().fill(0);
    const dx = x.slice().fill(0);
    const means: number[] = new Array<number>(rows);
    const rstds: number[] = new Array<number>(rows);
    const acc = new Float64Array(2 * n);
    k.layerNormForward(x, gamma, beta, y, means, rstds, rows, n, 1e-5);
    k.layerNormBackward(g, x, gamma, means, rstds, dx, acc, gamma !== null, true, rows, n);
    return { y, dx, means, rstds, acc };
  };
  const got = run(kernels);
  const want = run(reference);
  let excess = -Infinity;
  let where = '';
  const check = (what: string, i: number, a: number, b: number, tol: number): void => {
    const e = Math.abs(a - b) - (exact ? 0 : tol);
    if (!(e <= excess)) {
      excess = Number.isNaN(e) ? Infinity : e;
      where = `${what}[${i}] = ${a} vs reference ${b} (tolerance ${tol})`;
    }
  };
  const inv = 1 / n;
  for (let r = 0; r < rows; r++) {
    const mean = want.means[r]!;
    const rstd = want.rstds[r]!;
    check('mean', r, got.means[r]!, mean, 1e-12 * (Math.abs(mean) + 1 / rstd));
    check('rstd', r, got.rstds[r]!, rstd, 1e-10 * rstd);
    let s1 = 0;
    let s2 = 0;
    for (let j = 0; j < n; j++) {
      const gh = Math.abs(g[r * n + j]! * (gamma === null ? 1 : gamma[j]!));
      s1 += gh;
      s2 += gh * Math.abs((x[r * n + j]! - mean) * rstd);
    }
    for (let j = 0; j < n; j++) {
      const i = r * n + j;
      const xh = Math.abs((x[i]! - mean) * rstd);
      check('y', i, got.y[i]!, want.y[i]!, 2 * U * (xh * Math.abs(gamma === null ? 1 : gamma[j]!) + Math.abs(beta === null ? 0 : beta[j]!)));
      const gh = Math.abs(g[i]! * (gamma === null ? 1 : gamma[j]!));
      check('dx', i, got.dx[i]!, want.dx[i]!, 2 * U * rstd * (gh + s1 * inv + xh * s2 * inv) + 1e-12);
    }
  }
  for (let j = gamma === null ? n : 0; j < 2 * n; j++) {
    let mag = 0;
    for (let r = 0; r < rows; r++) mag += Math.abs(g[r * n + (j % n)]!) * (j < n ? Math.abs((x[r * n + j]! - want.means[r]!) * want.rstds[r]!) : 1);
    check(j < n ? 'dgamma' : 'dbeta', j % n, got.acc[j]!, want.acc[j]!, 1e-12 * mag);
  }
  return { excess, where };
}

describe.each(kernelNames())('kernel set %s: layer normalisation', (name) => {
  const expectConforms = (cs: NormCase): void => {
    const r = normExcess(name, cs);
    expect(r.excess, `${name} layerNorm ${JSON.stringify(cs)}: ${r.where}`).toBeLessThanOrEqual(0);
  };

  it.each(['both', 'none', 'gamma'] as const)('matches the reference with affine %s over row shapes', (affine) => {
    for (const [rows, n] of [[1, 1], [1, 2], [3, 5], [20, 20], [7, 33], [64, 128], [2, 1000], [129, 3]] as const) expectConforms({ rows, n, affine });
  });

  it('keeps its precision for rows whose mean is far from zero', () => {
    expectConforms({ rows: 16, n: 40, offset: 1000 });
    expectConforms({ rows: 5, n: 7, offset: -3e4 });
  });

  it('float64 gives the reference result exactly', () => {
    for (const affine of ['both', 'none'] as const) expectConforms({ rows: 9, n: 21, dtype: 'float64', affine });
  });

  it('a NaN input makes its row NaN and leaves the other rows alone', () => {
    const rows = 8;
    const n = 24;
    const x = randomArray(rows * n, 'float32');
    x[3 * n + 5] = NaN;
    const y = new Float32Array(rows * n);
    getKernelSet(name).layerNormForward(x, null, null, y, new Array<number>(rows), new Array<number>(rows), rows, n, 1e-5);
    for (let i = 0; i < rows * n; i++) expect(Number.isNaN(y[i]!), `y[${i}]`).toBe(Math.floor(i / n) === 3);
  });
});
