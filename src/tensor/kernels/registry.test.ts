import { afterEach, describe, expect, it, vi } from 'vitest';
import { ArgumentError } from '../errors.js';
import { matmul } from '../ops/matmul.js';
import { Tensor } from '../tensor.js';
import { referenceKernels } from './reference.js';
import { getKernelSet, getKernels, kernelNames, registerKernels, useKernels } from './registry.js';

const ENV = 'DECAYLAB_KERNELS';
const savedEnv = process.env[ENV];

afterEach(() => {
  if (savedEnv === undefined) delete process.env[ENV];
  else process.env[ENV] = savedEnv;
  vi.resetModules();
});

/** A fresh copy of the registry module, initialised from the current environment. */
async function freshRegistry(): Promise<typeof import('./registry.js')> {
  vi.resetModules();
  return import('./registry.js');
}

describe('kernel registry', () => {
  it('registers reference, wasm and auto', () => {
    expect(kernelNames()).toEqual(expect.arrayContaining(['reference', 'wasm', 'auto']));
    expect(getKernelSet('wasm').name).toBe('wasm');
  });

  it('defaults to auto when DECAYLAB_KERNELS is unset or empty', async () => {
    delete process.env[ENV];
    expect((await freshRegistry()).getKernels().name).toBe('auto');
    process.env[ENV] = '';
    expect((await freshRegistry()).getKernels().name).toBe('auto');
  });

  it('starts with the set DECAYLAB_KERNELS names', async () => {
    for (const name of ['reference', 'wasm', 'auto']) {
      process.env[ENV] = name;
      expect((await freshRegistry()).getKernels().name).toBe(name);
    }
  });

  it('rejects an unknown DECAYLAB_KERNELS value with an ArgumentError naming the variable', async () => {
    process.env[ENV] = 'cuda';
    const registry = await freshRegistry();
    const error = (() => {
      try {
        registry.getKernels();
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'ArgumentError', argument: ENV, value: 'cuda' });
    expect(String(error)).toMatch(/unknown kernel set 'cuda' \(DECAYLAB_KERNELS\); available: reference, wasm, auto/);
    // An explicit choice still works and replaces the bad default.
    expect(registry.useKernels('reference')).toBe('cuda');
    expect(registry.getKernels().name).toBe('reference');
  });

  it('useKernels switches the set the ops call and returns the previous name', () => {
    let calls = 0;
    registerKernels({
      ...referenceKernels,
      name: 'counting',
      gemm(...args) {
        calls++;
        referenceKernels.gemm(...args);
      },
    });
    const before = getKernels().name;
    expect(useKernels('counting')).toBe(before);
    try {
      const out = matmul(new Tensor(new Float32Array([1, 2, 3, 4]), [2, 2]), new Tensor(new Float32Array([5, 6, 7, 8]), [2, 2]));
      expect(Array.from(out.data)).toEqual([19, 22, 43, 50]);
      expect(calls).toBe(1);
    } finally {
      expect(useKernels(before)).toBe('counting');
    }
    expect(getKernels().name).toBe(before);
  });

  it('rejects an unknown set name with an ArgumentError and keeps the current set', () => {
    const before = getKernels().name;
    expect(() => useKernels('gpu')).toThrow(ArgumentError);
    expect(() => useKernels('gpu')).toThrow(/unknown kernel set 'gpu' \(kernels\)/);
    expect(() => getKernelSet('gpu')).toThrow(ArgumentError);
    expect(getKernels().name).toBe(before);
  });
});
