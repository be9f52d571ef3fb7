/**
 * Per-parameter statistics of a weight tensor — the numbers the demo's table and every study
 * compare. Sums run in float64 over the stored (float32) values, so they agree with PyTorch's
 * `p.norm()`, `p.abs().mean()` and `p.abs().max()` to float32 precision.
 */

/** |w| below this counts as "near zero" in {@link ParameterStats.nearZeroShare}. */
export const NEAR_ZERO_THRESHOLD = 1e-3;

/** Summary of one parameter tensor's values. */
export interface ParameterStats {
  /** Dotted parameter name, e.g. `linears.0.weight`. */
  readonly name: string;
  readonly shape: readonly number[];
  /** Number of elements. */
  readonly numel: number;
  /** L2 norm √Σw² (`torch.linalg.vector_norm(p)`). */
  readonly l2: number;
  /** Mean of |w| (`p.abs().mean()`). */
  readonly meanAbs: number;
  /** Largest |w| (`p.abs().max()`). */
  readonly maxAbs: number;
  /** Share of elements with |w| < {@link NEAR_ZERO_THRESHOLD}, in [0, 1]. */
  readonly nearZeroShare: number;
  /** Number of elements exactly equal to 0. */
  readonly exactZeros: number;
}

/** Statistics of one tensor's values (row-major data and its shape). An empty tensor has all zeros. */
export function parameterStats(name: string, values: ArrayLike<number>, shape: readonly number[]): ParameterStats {
  let sumSq = 0;
  let sumAbs = 0;
  let maxAbs = 0;
  let nearZero = 0;
  let exactZeros = 0;
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const a = Math.abs(v);
    sumSq += v * v;
    sumAbs += a;
    if (a > maxAbs || Number.isNaN(a)) maxAbs = a;
    if (a < NEAR_ZERO_THRESHOLD) nearZero++;
    if (v === 0) exactZeros++;
  }
  return {
    name,
    shape: [...shape],
    numel: n,
    l2: Math.sqrt(sumSq),
    meanAbs: n === 0 ? 0 : sumAbs / n,
    maxAbs,
    nearZeroShare: n === 0 ? 0 : nearZero / n,
    exactZeros,
  };
}

/** Global L2 norm of several tensors: √Σ‖p‖² (what `clip_grad_norm_` calls the total norm). */
export function totalNorm(stats: readonly ParameterStats[]): number {
  let s = 0;
  for (const p of stats) s += p.l2 * p.l2;
  return Math.sqrt(s);
}

/** Totals over several tensors: element count, exact zeros and the share of near-zero elements. */
export function sparsityTotals(stats: readonly ParameterStats[]): { numel: number; exactZeros: number; nearZeroShare: number } {
  let numel = 0;
  let exactZeros = 0;
  let nearZero = 0;
  for (const p of stats) {
    numel += p.numel;
    exactZeros += p.exactZeros;
    nearZero += p.nearZeroShare * p.numel;
  }
  return { numel, exactZeros, nearZeroShare: numel === 0 ? 0 : nearZero / numel };
}
