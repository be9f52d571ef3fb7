/**
 * Reference kernels in plain TypeScript: straightforward loops in the order that keeps the
 * inner loop contiguous. They define the results every faster kernel set must reproduce.
 */
import type { FloatStorage } from '../dtype.js';
import { referenceAdam } from './reference-adam.js';
import { referenceLayerNormBackward, referenceLayerNormForward } from './reference-layer-norm.js';
import type { Kernels } from './types.js';

/** `C = op(A)·op(B) (+C) (+bias)`; see {@link Kernels.gemm}. */
function gemm(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  a: FloatStorage,
  aOff: number,
  b: FloatStorage,
  bOff: number,
  c: FloatStorage,
  cOff: number,
  accumulate: boolean,
  bias: FloatStorage | null,
): void {
  if (!accumulate) {
    for (let i = 0; i < m; i++) {
      const row = cOff + i * n;
      if (bias === null) for (let j = 0; j < n; j++) c[row + j] = 0;
      else for (let j = 0; j < n; j++) c[row + j] = bias[j]!;
    }
  } else if (bias !== null) {
    for (let i = 0; i < m; i++) {
      const row = cOff + i * n;
      for (let j = 0; j < n; j++) c[row + j] = c[row + j]! + bias[j]!;
    }
  }
  if (!transA && transB) {
    // Rows of A against rows of B: dot products over contiguous memory.
    for (let i = 0; i < m; i++) {
      const ai = aOff + i * k;
      const row = cOff + i * n;
      for (let j = 0; j < n; j++) {
        const bj = bOff + j * k;
        let s = 0;
        for (let p = 0; p < k; p++) s += a[ai + p]! * b[bj + p]!;
        c[row + j] = c[row + j]! + s;
      }
    }
    return;
  }
  if (!transA && !transB) {
    for (let i = 0; i < m; i++) {
      const ai = aOff + i * k;
      const row = cOff + i * n;
      for (let p = 0; p < k; p++) {
        const av = a[ai + p]!;
        if (av === 0) continue;
        const bp = bOff + p * n;
        for (let j = 0; j < n; j++) c[row + j] = c[row + j]! + av * b[bp + j]!;
      }
    }
    return;
  }
  if (transA && !transB) {
    for (let p = 0; p < k; p++) {
      const ap = aOff + p * m;
      const bp = bOff + p * n;
      for (let i = 0; i < m; i++) {
        const av = a[ap + i]!;
        if (av === 0) continue;
        const row = cOff + i * n;
        for (let j = 0; j < n; j++) c[row + j] = c[row + j]! + av * b[bp + j]!;
      }
    }
    return;
  }
  // transA && transB: C[i,j] = sum_p A[p,i]·B[j,p].
  for (let i = 0; i < m; i++) {
    const row = cOff + i * n;
    for (let j = 0; j < n; j++) {
      const bj = bOff + j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += a[aOff + p * m + i]! * b[bj + p]!;
      c[row + j] = c[row + j]! + s;
    }
  }
}

/** `out[i] = x[i] <= 0 ? 0 : x[i]`; see {@link Kernels.relu}. */
function relu(x: FloatStorage, out: FloatStorage, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = v <= 0 ? 0 : v;
  }
}

/** `dx[i] = y[i] <= 0 ? 0 : g[i]`; see {@link Kernels.reluBackward}. */
function reluBackward(y: FloatStorage, g: FloatStorage, dx: FloatStorage, n: number): void {
  for (let i = 0; i < n; i++) dx[i] = y[i]! <= 0 ? 0 : g[i]!;
}

/** The reference kernel set. */
export const referenceKernels: Kernels = {
  name: 'reference',
  gemm,
  relu,
  reluBackward,
  adam: referenceAdam,
  layerNormForward: referenceLayerNormForward,
  layerNormBackward: referenceLayerNormBackward,
};
