/** Canvas helpers shared by the histogram and distribution drawings: sizing for the screen's pixel ratio, axis ticks. */
import { formatTick } from '../shared/format.js';

/** Font and colors of drawn axes. */
export const AXIS_STYLE = { font: '11px system-ui, sans-serif', text: '#555', grid: '#e4e4e4', accent: '#111111' } as const;

/** Sizes `canvas` to `width` × `height` CSS pixels at the device pixel ratio; returns a context in CSS pixels. */
export function prepareCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D {
  const ratio = Math.max(1, window.devicePixelRatio || 1);
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('this browser cannot draw on a canvas');
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

/** About `count` round tick values covering [lo, hi] (1, 2 or 5 times a power of ten apart). */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return Number.isFinite(lo) ? [lo] : [];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return ticks;
}

/** Draws x ticks and labels of [lo, hi] along `y` between pixel columns `left` and `right`. */
export function drawXAxis(ctx: CanvasRenderingContext2D, lo: number, hi: number, left: number, right: number, y: number): void {
  ctx.font = AXIS_STYLE.font;
  ctx.fillStyle = AXIS_STYLE.text;
  ctx.strokeStyle = AXIS_STYLE.grid;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of niceTicks(lo, hi, Math.max(2, Math.floor((right - left) / 90)))) {
    const x = left + ((t - lo) / (hi - lo)) * (right - left);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x, y + 4);
    ctx.stroke();
    ctx.fillText(formatTick(t), x, y + 6);
  }
}
