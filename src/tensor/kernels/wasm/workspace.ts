/**
 * Linear memory of a kernel module, and its growth. The TypeScript side owns the layout: every
 * call stages its operands from offset {@link WORKSPACE_BASE} on, so nothing is allocated or
 * freed inside WebAssembly.
 */
import { KernelError } from '../errors.js';
import type { KernelExports, RowKernelExports } from './module.js';

/** First byte the staging layout uses; page 0 is left to the module's own data. */
export const WORKSPACE_BASE = 65536;

const PAGE = 65536;

/** 32-bit WebAssembly addresses at most 4 GiB (65536 pages). */
const MAX_PAGES = 65536;

/** Rounds `bytes` up to a multiple of 64 (a cache line; v128 accesses stay aligned). */
export function align64(bytes: number): number {
  return Math.ceil(bytes / 64) * 64;
}

/** A memory that grows on demand, with a float32 view of all of it. */
export class LinearMemory {
  private f32: Float32Array;
  private f64: Float64Array;

  constructor(
    readonly memory: WebAssembly.Memory,
    private readonly maximumPages = MAX_PAGES,
  ) {
    this.f32 = new Float32Array(memory.buffer);
    this.f64 = new Float64Array(memory.buffer);
  }

  /** A float64 view of the memory as of the last {@link reserve}. */
  get heap64(): Float64Array {
    return this.f64;
  }

  /**
   * Grows linear memory to at least `bytes` (never shrinks); returns a float32 view of all of it.
   * A KernelError when that exceeds the memory's maximum or the engine refuses to grow it.
   */
  reserve(bytes: number): Float32Array {
    // Only this method grows the memory (the kernels allocate nothing), so a view that is long
    // enough is current; a view detached by a growth elsewhere has length 0 and is replaced.
    if (this.f32.byteLength < bytes) {
      const have = this.memory.buffer.byteLength;
      if (have < bytes) {
        const pages = Math.ceil((bytes - have) / PAGE);
        if (have / PAGE + pages > this.maximumPages) {
          throw new KernelError(
            `the kernels need ${bytes} bytes of WebAssembly memory, more than its maximum of ${this.maximumPages * PAGE}`,
            'wasm',
            'memory limit',
          );
        }
        try {
          this.memory.grow(pages);
        } catch (e) {
          throw new KernelError(`could not grow WebAssembly memory to ${bytes} bytes: ${e instanceof Error ? e.message : String(e)}`, 'wasm', 'memory limit');
        }
      }
      this.f32 = new Float32Array(this.memory.buffer);
      this.f64 = new Float64Array(this.memory.buffer);
    }
    return this.f32;
  }
}

/** A gemm module instance and the memory it computes in. */
export class WasmWorkspace extends LinearMemory {
  private readonly packABytes: number;

  constructor(
    memory: WebAssembly.Memory,
    readonly kernels: KernelExports,
    maximumPages = MAX_PAGES,
  ) {
    super(memory, maximumPages);
    this.packABytes = kernels.packABytes();
  }

  /**
   * Bytes of packing space one single-thread product with `n` columns needs: the kernels'
   * `packABytes() + packBBytes(n)`, computed here without calling into WebAssembly.
   */
  packBytes(n: number): number {
    const { nr, kc } = this.kernels;
    return this.packABytes + Math.ceil(n / nr) * nr * kc * 4;
  }
}

/** A row-kernel module instance (Adam, layer normalisation) and the memory it computes in. */
export class RowWorkspace extends LinearMemory {
  constructor(
    memory: WebAssembly.Memory,
    readonly kernels: RowKernelExports,
  ) {
    super(memory);
  }
}
