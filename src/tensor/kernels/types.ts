/**
 * The kernel interface: the few hot loops that every kernel set (the TypeScript reference,
 * WebAssembly SIMD, the per-call choice between them) implements. Ops call kernels through
 * {@link getKernels} so that a set can be chosen at run time; the reference set is the
 * specification the others are tested against (src/tensor/kernels/conformance.test.ts).
 */
import type { FloatStorage } from '../dtype.js';

/**
 * One block of Adam's elementwise update, elements i in [start, end) of every array (PyTorch 1.13's
 * single-tensor Adam, with the linear stages of an optimizer chain folded into its input and output):
 *
 *     g = inputScale·src[i] + inputWeight·w[i]
 *     m[i] ← β₁·m[i] + (1 − β₁)·g          v[i] ← β₂·v[i] + (1 − β₂)·g²       (vMax[i] ← max(vMax[i], v[i]))
 *     dst[i] ← keep·dst[i] + outScale·m[i] / (√v[i] / bc2Sqrt + ε)              (√vMax[i] with AMSGrad)
 *
 * All arrays have one dtype; `dst` may be `w`. A plain mutable object, reused from call to call.
 */
export interface AdamBlock {
  start: number;
  end: number;
  /** The incoming update (the gradient, or the previous transform's output). */
  src: FloatStorage;
  inputScale: number;
  /** The parameter before this step. */
  w: FloatStorage;
  inputWeight: number;
  /** First moment (`exp_avg`). */
  m: FloatStorage;
  /** Second moment (`exp_avg_sq`). */
  v: FloatStorage;
  /** Running maximum of v (`max_exp_avg_sq`) for AMSGrad, else null. */
  vMax: FloatStorage | null;
  /** Where the output goes: the parameter (w ← keep·w + update) or a zero-filled scratch array. */
  dst: FloatStorage;
  keep: number;
  /** −lr/(1 − β₁ᵗ), rounded like the parameter's dtype. */
  outScale: number;
  beta1: number;
  oneMinusBeta1: number;
  beta2: number;
  oneMinusBeta2: number;
  eps: number;
  /** √(1 − β₂ᵗ). */
  bc2Sqrt: number;
}

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
  /**
   * Adam's update of one block (see {@link AdamBlock}). The reference computes in float64 and rounds
   * where a float32 tensor op would store; faster sets may compute in float32 (PyTorch's own
   * precision), within a few float32 ulps of the reference.
   */
  adam(block: AdamBlock): void;
  /**
   * Layer normalisation (`F.layer_norm` over the last n values) of `rows` rows: per row μ = mean(x),
   * σ² = mean((x − μ)²) (biased), r = 1/√(σ² + ε), y = (x − μ)·r·γ + β (γ, β optional, 1 and 0 when
   * null); writes y and saves μ in `means[row]` and r in `rstds[row]`.
   */
  layerNormForward(
    x: FloatStorage,
    gamma: FloatStorage | null,
    beta: FloatStorage | null,
    y: FloatStorage,
    means: number[],
    rstds: number[],
    rows: number,
    n: number,
    eps: number,
  ): void;
  /**
   * Gradient of {@link layerNormForward} for dy = g, with x̂ = (x − μ)·r and ĝ = dy·γ: writes
   * dx = r·(ĝ − mean(ĝ) − x̂·mean(ĝ·x̂)) when `dx` is given, and adds dγ = Σ_rows dy·x̂ into
   * acc[0, n) and dβ = Σ_rows dy into acc[n, 2n) (at least those `wantGamma`/`wantBeta` ask for).
   */
  layerNormBackward(
    g: FloatStorage,
    x: FloatStorage,
    gamma: FloatStorage | null,
    means: readonly number[],
    rstds: readonly number[],
    dx: FloatStorage | null,
    acc: Float64Array,
    wantGamma: boolean,
    wantBeta: boolean,
    rows: number,
    n: number,
  ): void;
}
