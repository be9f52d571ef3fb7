import { describe, expect, it } from 'vitest';
import { compileKernels } from '../../../../scripts/build-wasm.js';
import { KernelError } from '../errors.js';
import { WASM_KERNELS_PRIVATE, WASM_KERNELS_SHARED, WASM_KERNELS_SHARED_MAXIMUM_PAGES } from './module-bytes.generated.js';
import { decodeBase64, kernelModule, instantiateKernels } from './module.js';
import { WasmWorkspace } from './workspace.js';

describe('wasm gemm module', () => {
  it('the embedded bytes are what scripts/build-wasm.ts compiles from assembly/ now', async () => {
    expect(decodeBase64(WASM_KERNELS_PRIVATE)).toEqual(await compileKernels('private'));
    expect(decodeBase64(WASM_KERNELS_SHARED)).toEqual(await compileKernels('shared'));
  });

  it('stays small enough for synchronous compilation on a browser main thread (4 KiB)', () => {
    expect(decodeBase64(WASM_KERNELS_PRIVATE).length).toBeLessThan(4096);
  });

  it('imports only env.memory and exports the tile sizes and the kernels', () => {
    const module = kernelModule('private');
    expect(WebAssembly.Module.imports(module)).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
    const memory = new WebAssembly.Memory({ initial: 1 });
    const k = instantiateKernels(module, memory);
    expect([k.mr, k.nr]).toEqual([2, 16]);
    expect(k.packBBytes(17)).toBe(32 * 256 * 4);
  });

  it('the shared variant runs on a shared memory', () => {
    const memory = new WebAssembly.Memory({ initial: 2, maximum: WASM_KERNELS_SHARED_MAXIMUM_PAGES, shared: true });
    expect(memory.buffer).toBeInstanceOf(SharedArrayBuffer);
    const k = instantiateKernels(kernelModule('shared'), memory);
    expect(k.nr).toBe(16);
  });

  it('a module without the kernel exports is a KernelError naming the export', () => {
    const empty = new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    expect(() => instantiateKernels(empty, new WebAssembly.Memory({ initial: 1 }))).toThrow(KernelError);
    expect(() => instantiateKernels(empty, new WebAssembly.Memory({ initial: 1 }))).toThrow(/does not export a function 'packABytes'/);
  });
});

describe('WasmWorkspace', () => {
  it('grows memory on demand and refreshes its view', () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const ws = new WasmWorkspace(memory, instantiateKernels(kernelModule('private'), memory));
    expect(ws.reserve(1000).length).toBe(65536 / 4);
    const view = ws.reserve(65536 * 3 + 1);
    expect(memory.buffer.byteLength).toBe(65536 * 4);
    expect(view.length).toBe(65536);
    expect(ws.reserve(10)).toBe(view);
  });

  it('refuses to grow past its maximum with a KernelError', () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 4, shared: true });
    const ws = new WasmWorkspace(memory, instantiateKernels(kernelModule('shared'), memory), 4);
    expect(() => ws.reserve(65536 * 5)).toThrow(KernelError);
    expect(ws.reserve(65536 * 4).length).toBe(65536);
  });
});
