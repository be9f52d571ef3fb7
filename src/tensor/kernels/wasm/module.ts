/**
 * Loading the WebAssembly kernels (the gemm module, assembly/index.ts, and the row-kernel module,
 * assembly/rows.ts, embedded base64 by scripts/build-wasm.ts): synchronous compilation, because ops
 * are synchronous, and typed access to the exports. Each module is under the 4 KiB that browsers
 * allow to compile synchronously on their main thread.
 */
import { KernelError } from '../errors.js';
import { WASM_KERNELS_PRIVATE, WASM_KERNELS_SHARED, WASM_ROW_KERNELS } from './module-bytes.generated.js';

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

/**
 * A whole product on the calling thread (assembly/gemm-call.ts): compact A, B, C (`cc`, in and out)
 * and bias; `init` bit 1 accumulates into the old C, bit 0 adds the bias; `c`, `ldc` and `pack` are
 * the kernel's staging matrix and packing space.
 */
export type GemmFn = (
  transA: number,
  transB: number,
  m: number,
  n: number,
  k: number,
  a: number,
  b: number,
  cc: number,
  bias: number,
  init: number,
  c: number,
  ldc: number,
  pack: number,
) => void;

/** `out[i] = x[i] <= 0 ? 0 : x[i]` over n floats at byte offsets `x`, `out`. */
export type ReluFn = (x: number, out: number, n: number) => void;

/** `dx[i] = y[i] <= 0 ? 0 : g[i]` over n floats at byte offsets `y`, `g`, `dx`. */
export type ReluBackwardFn = (y: number, g: number, dx: number, n: number) => void;

/** Layer normalisation forward (assembly/layer-norm.ts): x, γ, β, y, stats (μ, r per row), rows, n, ε, affine (0/1). */
export type LayerNormForwardFn = (x: number, gamma: number, beta: number, y: number, stats: number, rows: number, n: number, eps: number, affine: number) => void;

/** Layer normalisation backward: g, x, γ, stats, dx (0: none), acc (dγ then dβ, summed into), sums (scratch), rows, n, affine (0/1). */
export type LayerNormBackwardFn = (
  g: number,
  x: number,
  gamma: number,
  stats: number,
  dx: number,
  acc: number,
  sums: number,
  rows: number,
  n: number,
  affine: number,
) => void;

/**
 * Adam's update over n floats (assembly/adam.ts): pointers to src, w, m, v, vMax, dst; n; amsgrad (0/1);
 * then inputScale, inputWeight, keep, outScale, β₁, 1 − β₁, β₂, 1 − β₂, ε, √(1 − β₂ᵗ).
 */
export type AdamFn = (
  src: number, w: number, m: number, v: number, vMax: number, dst: number, n: number, amsgrad: number,
  inputScale: number, inputWeight: number, keep: number, outScale: number,
  beta1: number, oneMinusBeta1: number, beta2: number, oneMinusBeta2: number, eps: number, bc2Sqrt: number,
) => void;

/** The exports of an instantiated kernel module. */
export interface KernelExports {
  /** Rows of the register tile: the staging C needs a multiple of this many rows. */
  readonly mr: number;
  /** Columns of the register tile: the staging C's row stride is a multiple of this. */
  readonly nr: number;
  /** Depth of a k-block: B-packing space is `kc` rows of each NR-column panel. */
  readonly kc: number;
  /** Bytes of A-packing space one `gemmBlock` call needs. */
  packABytes(): number;
  /** Bytes of B-packing space one `gemmBlock` call over `cols` columns needs. */
  packBBytes(cols: number): number;
  /** The gemm kernel over a block of C (the unit the thread pool splits). */
  gemmBlock: GemmBlockFn;
  /** A whole product with its staging, on one thread. */
  gemm: GemmFn;
  /** ReLU. */
  relu: ReluFn;
  /** ReLU's gradient from its output. */
  reluBackward: ReluBackwardFn;
}

/** The exports of an instantiated row-kernel module. */
export interface RowKernelExports {
  /** Adam's elementwise update. */
  adam: AdamFn;
  /** Layer normalisation over rows. */
  layerNormForward: LayerNormForwardFn;
  /** Its gradient. */
  layerNormBackward: LayerNormBackwardFn;
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
  const module = compile(variant === 'shared' ? WASM_KERNELS_SHARED : WASM_KERNELS_PRIVATE, `${variant} memory`);
  compiled.set(variant, module);
  return module;
}

/** Compiles embedded base64 bytes; a KernelError naming `what` when WebAssembly or SIMD is missing. */
function compile(base64: string, what: string): WebAssembly.Module {
  if (typeof WebAssembly === 'undefined') {
    throw new KernelError('WebAssembly is not available in this JavaScript engine', 'wasm', 'no WebAssembly');
  }
  try {
    return new WebAssembly.Module(decodeBase64(base64));
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new KernelError(`the WebAssembly SIMD kernels (${what}) do not compile here: ${reason}`, 'wasm', reason);
  }
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
    kc: exportedNumber(exports, 'KC'),
    packABytes,
    packBBytes,
    gemmBlock: exportedFunction(exports, 'gemmBlock') as GemmBlockFn,
    gemm: exportedFunction(exports, 'gemm') as GemmFn,
    relu: exportedFunction(exports, 'relu') as ReluFn,
    reluBackward: exportedFunction(exports, 'reluBackward') as ReluBackwardFn,
  };
}

let rowModule: WebAssembly.Module | null = null;

/** The compiled row-kernel module (compiled once, synchronously); a KernelError without WebAssembly SIMD. */
export function rowKernelModule(): WebAssembly.Module {
  if (rowModule === null) rowModule = compile(WASM_ROW_KERNELS, 'row kernels');
  return rowModule;
}

/** Instantiates the row-kernel module over `memory`. */
export function instantiateRowKernels(module: WebAssembly.Module, memory: WebAssembly.Memory): RowKernelExports {
  const { exports } = new WebAssembly.Instance(module, { env: { memory } });
  return {
    adam: exportedFunction(exports, 'adam') as AdamFn,
    layerNormForward: exportedFunction(exports, 'layerNormForward') as LayerNormForwardFn,
    layerNormBackward: exportedFunction(exports, 'layerNormBackward') as LayerNormBackwardFn,
  };
}
