/** Number formatting shared by the CLI tables, the verdicts and the HTML report. */

/**
 * A number with `digits` significant digits, switching to exponent notation outside
 * [1e-3, 1e6) (`0` stays `0`; NaN and ±Infinity print as such).
 */
export function formatNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const a = Math.abs(value);
  if (a < 1e-3 || a >= 1e6) return value.toExponential(Math.max(0, digits - 1));
  const s = value.toPrecision(digits);
  return s.includes('e') ? String(Number(s)) : s;
}

/** A share in [0, 1] as a percentage with one decimal: `0.1234` → `12.3%`. */
export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** A relative change as a signed percentage with a real minus sign: `-0.31` → `−31%`, `0.05` → `+5%`. */
export function formatChange(relative: number): string {
  if (!Number.isFinite(relative)) return String(relative);
  const pct = Math.round(relative * 100);
  if (pct === 0) return '±0%';
  return pct < 0 ? `\u2212${-pct}%` : `+${pct}%`;
}

/** Mean ± sd: `0.123 ± 0.004` (just the mean when there is one value). */
export function formatMeanSd(m: { mean: number; sd: number; n: number }, digits = 4): string {
  if (m.n <= 1) return formatNumber(m.mean, digits);
  return `${formatNumber(m.mean, digits)} ± ${formatNumber(m.sd, 2)}`;
}
