/** Small HTML pieces the study reports share: the verdict box (the core report's), a λ label, a figure with caption. */
import { esc } from '../../report/svg.js';

export { verdictHtml } from '../../report/sections.js';

/** `λ=0.1`. */
export function lambdaLabel(weightDecay: number): string {
  return `\u03bb=${weightDecay}`;
}

/** An SVG (trusted, built by the report modules) in a figure with an escaped caption; `maxWidth` in px caps its size. */
export function figure(svg: string, caption: string, maxWidth?: number): string {
  const style = maxWidth === undefined ? '' : ` style="max-width:${maxWidth}px"`;
  return `<figure${style}>${svg}<figcaption>${esc(caption)}</figcaption></figure>`;
}

/** A paragraph of escaped text in the muted style. */
export function note(text: string): string {
  return `<p class="muted">${esc(text)}</p>`;
}

/** A hyperparameter value as written in a grid: `0`, `0.003`, `1e-5`, `3e-5`, `10` (up to 3 significant digits). */
export function gridValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e4) return v.toExponential(2).replace(/\.?0+e/, 'e').replace('e+', 'e');
  return String(Number(v.toPrecision(3)));
}
