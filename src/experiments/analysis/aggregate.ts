/** Mean ± standard deviation over repeated runs (seeds) of one configuration. */

/** Mean, sample standard deviation (n − 1 in the denominator, as `torch.std` by default) and count. */
export interface MeanSd {
  readonly mean: number;
  /** Sample standard deviation; 0 for a single value. */
  readonly sd: number;
  readonly n: number;
}

/** Mean and sample standard deviation of the finite values given; NaN mean when there are none. */
export function meanSd(values: readonly number[]): MeanSd {
  const finite = values.filter((v) => Number.isFinite(v));
  const n = finite.length;
  if (n === 0) return { mean: Number.NaN, sd: Number.NaN, n: 0 };
  const mean = finite.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, sd: 0, n };
  const ss = finite.reduce((a, b) => a + (b - mean) * (b - mean), 0);
  return { mean, sd: Math.sqrt(ss / (n - 1)), n };
}
