/**
 * Loading the WebAssembly kernels (assembly/index.ts, embedded base64 by scripts/build-wasm.ts):
 * synchronous compilation, because ops are synchronous, and typed access to the exports. The
 * module is under the 4 KiB that browsers allow to compile synchronously on their main thread.
 */
import { KernelError } from '../errors.js';
import { WASM_KERNELS_PRIVATE, WASM_KERNELS_SHARED } from './module-bytes.generated.js';

/** Memory flavour of a compiled variant: `private` (ordinary memory) or `shared` (threads). */
export type KernelVariant = 'private' | 'shared';

/** `C[i0..i1, j0..j1) += op(A)·op(B)` over pointers into linear memory (see assembly/gemm.ts). */
export type GemmBlockFn = (
  transA: number,
  transB: number,
  m: number,
  n: number,
  k: number,
  a: number,
  b: number,
  c: number,
  ldc: number,
  i0: number,
  i1: number,
  j0: number,
  j1: number,
  packA: number,
  packB: number,
) => void;

/** `out[i] = x[i] <= 0 ? 0 : x[i]` over n floats at byte offsets `x`, `out`. */
export type ReluFn = (x: number, out: number, n: number) => void;

/** `dx[i] = y[i] <= 0 ? 0 : g[i]` over n floats at byte offsets `y`, `g`, `dx`. */
export type ReluBackwardFn = (y: number, g: number, dx: number, n: number) => void;

/** The exports of an instantiated kernel module. */
export interface KernelExports {
  /** Rows of the register tile: the staging C needs a multiple of this many rows. */
  readonly mr: number;
  /** Columns of the register tile: the staging C's row stride is a multiple of this. */
  readonly nr: number;
  /** Bytes of A-packing space one `gemmBlock` call needs. */
  packABytes(): number;
  /** Bytes of B-packing space one `gemmBlock` call over `cols` columns needs. */
  packBBytes(cols: number): number;
  /** The gemm kernel. */
  gemmBlock: GemmBlockFn;
  /** ReLU. */
  relu: ReluFn;
  /** ReLU's gradient from its output. */
  reluBackward: ReluBackwardFn;
}

/** Decodes base64 text (the embedded module) to bytes, with `atob` (Node ≥ 16 and browsers). */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const compiled = new Map<KernelVariant, WebAssembly.Module>();

/**
 * The compiled module of a variant (compiled once, synchronously). Throws a KernelError when
 * this JavaScript engine has no WebAssembly or no SIMD support.
 */
export function kernelModule(variant: KernelVariant): WebAssembly.Module {
  const cached = compiled.get(variant);
  if (cached !== undefined) return cached;
  if (typeof WebAssembly === 'undefined') {
    throw new KernelError('WebAssembly is not available in this JavaScript engine', 'wasm', 'no WebAssembly');
  }
  let module: WebAssembly.Module;
  try {
    module = new WebAssembly.Module(decodeBase64(variant === 'shared' ? WASM_KERNELS_SHARED : WASM_KERNELS_PRIVATE));
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new KernelError(`the WebAssembly SIMD kernels (${variant} memory) do not compile here: ${reason}`, 'wasm', reason);
  }
  compiled.set(variant, module);
  return module;
}

function exportedFunction(exports: WebAssembly.Exports, name: string): Function {
  const f = exports[name];
  if (typeof f !== 'function') throw new KernelError(`the kernel module does not export a function '${name}'`, 'wasm', name);
  return f;
}

function exportedNumber(exports: WebAssembly.Exports, name: string): number {
  const g = exports[name];
  if (!(g instanceof WebAssembly.Global) || typeof g.value !== 'number') {
    throw new KernelError(`the kernel module does not export a numeric global '${name}'`, 'wasm', name);
  }
  return g.value;
}

/** Instantiates a compiled kernel module over `memory` (shared when the module is the shared variant). */
export function instantiateKernels(module: WebAssembly.Module, memory: WebAssembly.Memory): KernelExports {
  const { exports } = new WebAssembly.Instance(module, { env: { memory } });
  const packABytes = exportedFunction(exports, 'packABytes') as () => number;
  const packBBytes = exportedFunction(exports, 'packBBytes') as (cols: number) => number;
  return {
    mr: exportedNumber(exports, 'MR'),
    nr: exportedNumber(exports, 'NR'),
    packABytes,
    packBBytes,
    gemmBlock: exportedFunction(exports, 'gemmBlock') as GemmBlockFn,
    relu: exportedFunction(exports, 'relu') as ReluFn,
    reluBackward: exportedFunction(exports, 'reluBackward') as ReluBackwardFn,
  };
}
