import { describe, expect, it } from 'vitest';
import { AUTO_WASM_MIN_WORK, autoKernels } from './auto.js';
import { referenceKernels } from './reference.js';
import type { Kernels } from './types.js';
import { wasmKernels } from './wasm/kernels.js';

function product(kernels: Kernels, m: number, n: number, k: number, dtype: 'float32' | 'float64'): number[] {
  const make = (len: number, s: number) => {
    const out = dtype === 'float32' ? new Float32Array(len) : new Float64Array(len);
    for (let i = 0; i < len; i++) out[i] = Math.sin(i * 0.37 + s) * 1.3;
    return out;
  };
  const a = make(m * k, 1);
  const b = make(n * k, 2);
  const bias = make(n, 3);
  const c = make(m * n, 4);
  kernels.gemm(false, true, m, n, k, a, 0, b, 0, c, 0, false, bias);
  return Array.from(c);
}

describe('auto kernel set', () => {
  it('uses the reference code below AUTO_WASM_MIN_WORK and wasm from there on (bit for bit)', () => {
    expect(4 * 4 * 4).toBeLessThan(AUTO_WASM_MIN_WORK);
    expect(product(autoKernels, 4, 4, 4, 'float32')).toEqual(product(referenceKernels, 4, 4, 4, 'float32'));
    expect(8 * 8 * 8).toBeGreaterThanOrEqual(AUTO_WASM_MIN_WORK);
    for (const [m, n, k] of [[8, 8, 8], [20, 20, 20], [37, 70, 300]] as const) {
      const viaWasm = product(wasmKernels, m, n, k, 'float32');
      expect(product(autoKernels, m, n, k, 'float32')).toEqual(viaWasm);
      // The two sets round differently, so this also shows which one ran.
      expect(viaWasm).not.toEqual(product(referenceKernels, m, n, k, 'float32'));
    }
  });

  it('sends float64 to the reference code at every size', () => {
    expect(product(autoKernels, 37, 70, 300, 'float64')).toEqual(product(referenceKernels, 37, 70, 300, 'float64'));
  });
});
