import { afterEach, describe, expect, it, vi } from 'vitest';
import { referenceKernels } from '../reference.js';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('without WebAssembly (old engines, locked-down pages)', () => {
  it('auto falls back to the reference kernels and wasm reports why it cannot run', async () => {
    vi.resetModules();
    vi.stubGlobal('WebAssembly', undefined);
    const { autoKernels } = await import('../auto.js');
    const { wasmAvailable, wasmFailure, wasmKernels } = await import('./kernels.js');

    const a = Float32Array.from({ length: 400 }, (_, i) => Math.cos(i));
    const got = new Float32Array(400);
    const want = new Float32Array(400);
    autoKernels.gemm(false, true, 20, 20, 20, a, 0, a, 0, got, 0, false, null);
    referenceKernels.gemm(false, true, 20, 20, 20, a, 0, a, 0, want, 0, false, null);
    expect(Array.from(got)).toEqual(Array.from(want));
    const y = new Float32Array(400);
    autoKernels.relu(a, y, 400);
    expect(y.every((v, i) => v === Math.max(Math.fround(Math.cos(i)), 0))).toBe(true);

    expect(wasmAvailable()).toBe(false);
    expect(wasmFailure()).toMatchObject({ name: 'KernelError', kernels: 'wasm', reason: 'no WebAssembly' });
    expect(() => wasmKernels.prepare?.()).toThrow(/WebAssembly is not available/);
    expect(() => wasmKernels.gemm(false, true, 20, 20, 20, a, 0, a, 0, got, 0, false, null)).toThrow(/WebAssembly is not available/);
  });

  it('selecting wasm then fails with the KernelError, and the previous set stays', async () => {
    vi.resetModules();
    vi.stubGlobal('WebAssembly', undefined);
    const registry = await import('../registry.js');
    registry.useKernels('reference');
    expect(() => registry.useKernels('wasm')).toThrow(expect.objectContaining({ name: 'KernelError', reason: 'no WebAssembly' }));
    expect(registry.getKernels().name).toBe('reference');
  });
});
