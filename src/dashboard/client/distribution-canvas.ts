/**
 * Drawing a distribution series as TensorBoard's distributions dashboard does: over steps, bands
 * between the basis-point values (0–10000, 668–9332, 1587–8413, 3085–6915, darker toward the
 * middle) and the median (5000) as a line. When there are more steps than pixel columns the
 * drawing uses every k-th step (plus the last); the data keeps all of them.
 */
import type { DistributionData } from './api-client.js';
import { AXIS_STYLE, drawXAxis, niceTicks, prepareCanvas } from './canvas-utils.js';
import { withAlpha } from './run-colors.js';
import { formatTick } from '../shared/format.js';

/** Options of {@link drawDistribution}. */
export interface DistributionDrawOptions {
  color: string;
  width: number;
  height: number;
  /** Index of the step marked with a vertical line (−1: none). */
  selected: number;
}

const MARGIN = { left: 64, right: 14, top: 10, bottom: 26 };

/** Pixel mapping of a drawn distribution (for hover lookups). */
export interface DistributionLayout {
  left: number;
  right: number;
  firstStep: number;
  lastStep: number;
}

/** Draws `d` on `canvas`; returns the x layout. */
export function drawDistribution(canvas: HTMLCanvasElement, d: DistributionData, o: DistributionDrawOptions): DistributionLayout {
  const ctx = prepareCanvas(canvas, o.width, o.height);
  const left = MARGIN.left;
  const right = o.width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = o.height - MARGIN.bottom;
  const n = d.steps.length;
  const k = d.bps.length;
  const firstStep = n > 0 ? d.steps[0]! : 0;
  const lastStep = n > 0 ? d.steps[n - 1]! : 1;
  const layout = { left, right, firstStep, lastStep };
  if (n === 0 || k === 0) return layout;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const a = d.values[i * k]!;
    const b = d.values[i * k + k - 1]!;
    if (Number.isFinite(a)) lo = Math.min(lo, a);
    if (Number.isFinite(b)) hi = Math.max(hi, b);
  }
  if (!(hi > lo)) {
    hi = (Number.isFinite(hi) ? hi : 0) + 1;
    lo = (Number.isFinite(lo) ? lo : 0) - 1;
  }
  const pad = (hi - lo) * 0.04;
  lo -= pad;
  hi += pad;
  const xOf = (step: number): number => left + ((step - firstStep) / (lastStep - firstStep || 1)) * (right - left);
  const yOf = (v: number): number => bottom - ((v - lo) / (hi - lo)) * (bottom - top);
  const stride = Math.max(1, Math.ceil(n / Math.max(1, right - left)));
  const drawn: number[] = [];
  for (let i = 0; i < n; i += stride) drawn.push(i);
  if (drawn[drawn.length - 1] !== n - 1) drawn.push(n - 1);

  ctx.strokeStyle = AXIS_STYLE.grid;
  ctx.fillStyle = AXIS_STYLE.text;
  ctx.font = AXIS_STYLE.font;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of niceTicks(lo, hi, 5)) {
    const y = yOf(t);
    ctx.beginPath();
    ctx.moveTo(left, y);
    ctx.lineTo(right, y);
    ctx.stroke();
    ctx.fillText(formatTick(t), left - 6, y);
  }
  const half = Math.floor(k / 2);
  for (let band = 0; band < half; band++) {
    ctx.beginPath();
    drawn.forEach((i, j) => (j === 0 ? ctx.moveTo : ctx.lineTo).call(ctx, xOf(d.steps[i]!), yOf(d.values[i * k + band]!)));
    for (let j = drawn.length - 1; j >= 0; j--) ctx.lineTo(xOf(d.steps[drawn[j]!]!), yOf(d.values[drawn[j]! * k + k - 1 - band]!));
    ctx.closePath();
    ctx.fillStyle = withAlpha(o.color, 0.14 + 0.12 * band);
    ctx.fill();
  }
  if (k % 2 === 1) {
    ctx.beginPath();
    drawn.forEach((i, j) => (j === 0 ? ctx.moveTo : ctx.lineTo).call(ctx, xOf(d.steps[i]!), yOf(d.values[i * k + half]!)));
    ctx.strokeStyle = o.color;
    ctx.lineWidth = 1.5;
    ctx.stroke();
  }
  if (o.selected >= 0 && o.selected < n) {
    const x = xOf(d.steps[o.selected]!);
    ctx.strokeStyle = AXIS_STYLE.accent;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, bottom);
    ctx.stroke();
  }
  drawXAxis(ctx, firstStep, lastStep, left, right, bottom + 2);
  return layout;
}

/** The index of the step nearest to pixel column `x` under `layout`. */
export function stepIndexAt(d: DistributionData, layout: DistributionLayout, x: number): number {
  const n = d.steps.length;
  if (n === 0) return -1;
  const step = layout.firstStep + ((x - layout.left) / (layout.right - layout.left || 1)) * (layout.lastStep - layout.firstStep);
  let best = 0;
  for (let i = 1; i < n; i++) if (Math.abs(d.steps[i]! - step) < Math.abs(d.steps[best]! - step)) best = i;
  return best;
}
