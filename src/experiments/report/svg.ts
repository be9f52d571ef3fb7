/** Small helpers for hand-written SVG and HTML: escaping, nice axis ticks, tick labels, a palette. */

/** Escapes text for HTML and SVG content and attribute values. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A coordinate with at most 2 decimals (keeps paths short). */
export function px(v: number): string {
  return String(Math.round(v * 100) / 100);
}

/**
 * About `count` "nice" tick values (1, 2 or 5 × 10^k apart) covering [min, max]; for a degenerate
 * range the single value.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const raw = (max - min) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return ticks;
}

/** Powers of ten covering [min, max] (both > 0), for a log axis. */
export function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) ticks.push(10 ** e);
  return ticks;
}

/** A compact tick label: `0`, `0.25`, `1.5k`, `2M`, `1e-4`. */
export function tickLabel(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e6) return `${Number((v / 1e6).toPrecision(3))}M`;
  if (a >= 1e4) return `${Number((v / 1e3).toPrecision(3))}k`;
  if (a < 1e-3) return v.toExponential(0).replace('e-', 'e\u2212');
  return String(Number(v.toPrecision(3)));
}

/** Tableau 10: distinguishable run colors, in order. */
export const PALETTE = ['#4e79a7', '#e15759', '#59a14f', '#f28e2b', '#b07aa1', '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#bab0ac'] as const;

/** The color of the i-th run. */
export function colorOf(i: number): string {
  return PALETTE[i % PALETTE.length]!;
}
