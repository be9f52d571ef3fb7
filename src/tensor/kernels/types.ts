/**
 * The kernel interface: the few hot loops that every kernel set (the TypeScript reference,
 * WebAssembly SIMD, the per-call choice between them) implements. Ops call kernels through
 * {@link getKernels} so that a set can be chosen at run time; the reference set is the
 * specification the others are tested against (src/tensor/kernels/conformance.test.ts).
 */
import type { FloatStorage } from '../dtype.js';

/** A set of compute kernels. Implementations must accept float32 and float64 storage. */
export interface Kernels {
  /** Name used to select the set (`reference`, `wasm`, `auto`, ...). */
  readonly name: string;
  /**
   * Makes the set ready to run (e.g. instantiates its WebAssembly module); called when the set
   * is selected. Throws a KernelError when the set cannot run in this engine.
   */
  prepare?(): void;
  /**
   * General matrix multiply, BLAS-style: `C = op(A)·op(B) (+ C if accumulate) (+ bias)`.
   * `op(A)` is m×k: A is stored m×k row-major, or k×m when `transA`. `op(B)` is k×n: B is
   * stored k×n, or n×k when `transB`. C is m×n row-major. `bias` (length n, or null) is
   * added to every row. Offsets index into the arrays (for batched matmul).
   */
  gemm(
    transA: boolean,
    transB: boolean,
    m: number,
    n: number,
    k: number,
    a: FloatStorage,
    aOffset: number,
    b: FloatStorage,
    bOffset: number,
    c: FloatStorage,
    cOffset: number,
    accumulate: boolean,
    bias: FloatStorage | null,
  ): void;
  /** ReLU (`F.relu`): `out[i] = x[i] <= 0 ? 0 : x[i]` for i < n; NaN passes through, −0 becomes 0. */
  relu(x: FloatStorage, out: FloatStorage, n: number): void;
  /**
   * ReLU's gradient from its output `y`, as PyTorch's `threshold_backward(g, y, 0)`:
   * `dx[i] = y[i] <= 0 ? 0 : g[i]` for i < n (a NaN output lets the gradient through).
   */
  reluBackward(y: FloatStorage, g: FloatStorage, dx: FloatStorage, n: number): void;
}
