/**
 * The TypeScript half of the WebAssembly gemm: tensors live in JavaScript typed arrays, so each
 * call copies op(A) and op(B) into linear memory, prepares a staging C (zero, bias rows or the
 * old C, padded to whole register tiles), lets an executor run the kernel, and copies C back.
 * The copies cost O(mk + kn + mn) against the kernel's O(mnk). On one thread the staging of C
 * happens inside WebAssembly (assembly/gemm-call.ts): one call and four copies per product, which
 * is what the many small products of a small model cost.
 */
import { SET_MIN, stageIn, stageOut } from './staging.js';
import { WORKSPACE_BASE, align64, type WasmWorkspace } from './workspace.js';

/** A gemm whose operands are staged in linear memory; all pointers are byte offsets. */
export interface StagedGemm {
  readonly transA: boolean;
  readonly transB: boolean;
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  /** Row stride of the staging C, in floats (a multiple of the tile width). */
  readonly ldc: number;
  /** First packing area; area t starts at `pack + t·packStride`. */
  readonly pack: number;
  /** Bytes of one packing area: A-packing space, then B-packing space for all n columns. */
  readonly packStride: number;
  /** Bytes of the A-packing part of an area. */
  readonly packABytes: number;
}

/** Runs staged gemms: on this thread, or split over several that share the workspace's memory. */
export interface GemmExecutor {
  readonly workspace: WasmWorkspace;
  /** Packing areas the layout must provide (one per thread that may work on a call). */
  readonly threads: number;
  run(gemm: StagedGemm): void;
}

/** Runs every gemm on the calling thread. */
export function singleThreadExecutor(workspace: WasmWorkspace): GemmExecutor {
  return {
    workspace,
    threads: 1,
    run(g) {
      workspace.kernels.gemmBlock(+g.transA, +g.transB, g.m, g.n, g.k, g.a, g.b, g.c, g.ldc, 0, g.m, 0, g.n, g.pack, g.pack + g.packABytes);
    },
  };
}

/**
 * `C = op(A)·op(B) (+ C if accumulate) (+ bias)` on float32 arrays through WebAssembly; the
 * contract of {@link Kernels.gemm}. Requires m, n, k ≥ 1.
 */
export function wasmGemm(
  executor: GemmExecutor,
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  aOff: number,
  b: Float32Array,
  bOff: number,
  c: Float32Array,
  cOff: number,
  accumulate: boolean,
  bias: Float32Array | null,
): void {
  if (executor.threads === 1) {
    wholeGemm(executor.workspace, transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate, bias);
    return;
  }
  const ws = executor.workspace;
  const { mr, nr } = ws.kernels;
  const ldc = Math.ceil(n / nr) * nr;
  const rows = Math.ceil(m / mr) * mr;
  const packABytes = ws.kernels.packABytes();
  const packStride = align64(packABytes + ws.kernels.packBBytes(n));
  const aPtr = WORKSPACE_BASE;
  const bPtr = aPtr + align64(m * k * 4);
  const cPtr = bPtr + align64(k * n * 4);
  const pack = cPtr + align64(rows * ldc * 4);
  const heap = ws.reserve(pack + executor.threads * packStride);

  heap.set(a.subarray(aOff, aOff + m * k), aPtr >> 2);
  heap.set(b.subarray(bOff, bOff + k * n), bPtr >> 2);
  stageC(heap, cPtr >> 2, ldc, m, n, c, cOff, accumulate, bias);

  executor.run({ transA, transB, m, n, k, a: aPtr, b: bPtr, c: cPtr, ldc, pack, packStride, packABytes });

  copyRows(heap, cPtr >> 2, ldc, c, cOff, n, m, n);
}

/** The product in one WebAssembly call on this thread (see assembly/gemm-call.ts). */
function wholeGemm(
  ws: WasmWorkspace,
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  aOff: number,
  b: Float32Array,
  bOff: number,
  c: Float32Array,
  cOff: number,
  accumulate: boolean,
  bias: Float32Array | null,
): void {
  const kernels = ws.kernels;
  const ldc = Math.ceil(n / kernels.nr) * kernels.nr;
  const rows = Math.ceil(m / kernels.mr) * kernels.mr;
  const aPtr = WORKSPACE_BASE;
  const bPtr = aPtr + align64(m * k * 4);
  const ccPtr = bPtr + align64(k * n * 4);
  const biasPtr = ccPtr + align64(m * n * 4);
  const cPtr = biasPtr + align64(n * 4);
  const pack = cPtr + align64(rows * ldc * 4);
  const heap = ws.reserve(pack + ws.packBytes(n));
  stageIn(heap, aPtr >> 2, a, aOff, m * k);
  stageIn(heap, bPtr >> 2, b, bOff, k * n);
  if (accumulate) stageIn(heap, ccPtr >> 2, c, cOff, m * n);
  if (bias !== null) stageIn(heap, biasPtr >> 2, bias, 0, n);
  kernels.gemm(+transA, +transB, m, n, k, aPtr, bPtr, ccPtr, biasPtr, (accumulate ? 2 : 0) + (bias === null ? 0 : 1), cPtr, ldc, pack);
  stageOut(heap, ccPtr >> 2, c, cOff, m * n);
}

/** Row-by-row copy of `rows` rows of `n` floats between arrays with row strides `srcStride` and `dstStride`. */
function copyRows(src: Float32Array, srcOff: number, srcStride: number, dst: Float32Array, dstOff: number, dstStride: number, rows: number, n: number): void {
  if (srcStride === n && dstStride === n) {
    dst.set(src.subarray(srcOff, srcOff + rows * n), dstOff);
  } else if (n >= SET_MIN) {
    for (let i = 0; i < rows; i++) dst.set(src.subarray(srcOff + i * srcStride, srcOff + i * srcStride + n), dstOff + i * dstStride);
  } else {
    for (let i = 0; i < rows; i++) {
      const s = srcOff + i * srcStride;
      const d = dstOff + i * dstStride;
      for (let j = 0; j < n; j++) dst[d + j] = src[s + j]!;
    }
  }
}

/** Fills the staging C (m valid rows of n, row stride ldc) with 0, the old C, plus bias rows. */
function stageC(heap: Float32Array, c0: number, ldc: number, m: number, n: number, c: Float32Array, cOff: number, accumulate: boolean, bias: Float32Array | null): void {
  if (accumulate) {
    copyRows(c, cOff, n, heap, c0, ldc, m, n);
    if (bias !== null) {
      for (let i = 0; i < m; i++) {
        const row = c0 + i * ldc;
        for (let j = 0; j < n; j++) heap[row + j] = heap[row + j]! + bias[j]!;
      }
    }
  } else if (bias !== null) {
    copyRows(bias, 0, 0, heap, c0, ldc, m, n);
  } else {
    heap.fill(0, c0, c0 + m * ldc);
  }
}
