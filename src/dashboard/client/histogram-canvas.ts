/**
 * Drawing a re-binned histogram series on a canvas:
 * - offset mode: a ridgeline, one curve per drawn step, placed down the canvas by step (oldest at
 *   the top, newest in front at the bottom), as TensorBoard's offset mode;
 * - overlay mode: the drawn steps on one baseline, from light (old) to the run's color (new).
 * The selected step is drawn last, thick, in the accent color. At most `maxRidges` steps are
 * drawn (evenly spread); the data keeps every step.
 */
import { AXIS_STYLE, drawXAxis, prepareCanvas } from './canvas-utils.js';
import { type HistogramView, ridgeIndices } from './histogram-model.js';
import { mix } from './run-colors.js';
import { formatValue } from '../shared/format.js';

/** Options of {@link drawHistogramView}. */
export interface HistogramDrawOptions {
  mode: 'offset' | 'overlay';
  /** Index of the selected step. */
  selected: number;
  /** The run's color (`#rrggbb`). */
  color: string;
  width: number;
  height: number;
  /** Most ridges drawn (default: offset mode one per 6 pixels of height, at most 120; overlay mode 40). */
  maxRidges?: number;
  /** Count drawn at full height (default: the largest bin of the evenly spread ridges); shared when comparing runs. */
  maxCount?: number;
}

/** The step indices {@link drawHistogramView} draws for `o` at `height` pixels. */
export function drawnRidges(view: HistogramView, o: Pick<HistogramDrawOptions, 'mode' | 'selected' | 'maxRidges' | 'height'>): number[] {
  const plotHeight = o.height - MARGIN.top - MARGIN.bottom;
  return ridgeIndices(view.n, o.maxRidges ?? (o.mode === 'offset' ? Math.min(120, Math.floor(plotHeight / 6)) : 40), o.selected);
}

const MARGIN = { left: 12, right: 64, top: 10, bottom: 26 };

function binX(view: HistogramView, b: number, left: number, right: number): number {
  return left + ((b + 0.5) / view.bins) * (right - left);
}

function traceRidge(ctx: CanvasRenderingContext2D, view: HistogramView, i: number, base: number, peak: number, maxCount: number, left: number, right: number): void {
  const scale = maxCount > 0 ? peak / maxCount : 0;
  const counts = view.countsAt(i);
  ctx.beginPath();
  ctx.moveTo(left, base);
  for (let b = 0; b < view.bins; b++) ctx.lineTo(binX(view, b, left, right), base - counts[b]! * scale);
  ctx.lineTo(right, base);
}

/** The baseline under the curves and the x axis of [lo, hi] below it. */
function drawBaseline(ctx: CanvasRenderingContext2D, lo: number, hi: number, left: number, right: number, bottom: number): void {
  ctx.strokeStyle = AXIS_STYLE.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(left, bottom + 0.5);
  ctx.lineTo(right, bottom + 0.5);
  ctx.stroke();
  drawXAxis(ctx, lo, hi, left, right, bottom + 2);
}

/** Draws `view` on `canvas` (see the module comment); returns the step indices drawn. */
export function drawHistogramView(canvas: HTMLCanvasElement, view: HistogramView, o: HistogramDrawOptions): number[] {
  const ctx = prepareCanvas(canvas, o.width, o.height);
  const left = MARGIN.left;
  const right = o.width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = o.height - MARGIN.bottom;
  if (view.n === 0) return [];
  const plotHeight = bottom - top;
  const drawn = drawnRidges(view, o);
  // Scaled to the evenly spread ridges (not the selected one), so moving the slider does not rescale.
  const maxCount = o.maxCount ?? view.maxOver(drawnRidges(view, { ...o, selected: -1 }));
  const first = view.steps[0]!;
  const last = view.steps[view.n - 1]!;
  const span = last - first || 1;
  const offset = o.mode === 'offset';
  const peak = offset ? plotHeight * 0.3 : plotHeight;
  const baseOf = (i: number): number => (offset ? top + peak + ((view.steps[i]! - first) / span) * (plotHeight - peak) : bottom);

  ctx.lineWidth = 1;
  drawn.forEach((i, k) => {
    if (i === o.selected) return;
    const age = drawn.length > 1 ? k / (drawn.length - 1) : 1;
    traceRidge(ctx, view, i, baseOf(i), peak, maxCount, left, right);
    if (offset) {
      ctx.fillStyle = '#ffffff';
      ctx.fill();
    }
    ctx.strokeStyle = mix('#d9d9d9', o.color, 0.25 + 0.75 * age);
    ctx.stroke();
  });
  if (o.selected >= 0 && o.selected < view.n) {
    traceRidge(ctx, view, o.selected, baseOf(o.selected), peak, maxCount, left, right);
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = AXIS_STYLE.accent;
    ctx.stroke();
  }

  drawBaseline(ctx, view.lo, view.hi, left, right, bottom);
  ctx.font = AXIS_STYLE.font;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  if (offset) {
    const labelled = new Set([0, view.n - 1, o.selected]);
    for (const i of labelled) {
      if (i < 0 || i >= view.n) continue;
      ctx.fillStyle = i === o.selected ? AXIS_STYLE.accent : AXIS_STYLE.text;
      ctx.fillText(`step ${formatValue(view.steps[i]!)}`, right + 6, baseOf(i));
    }
  } else {
    ctx.fillStyle = AXIS_STYLE.accent;
    ctx.fillText(`step ${formatValue(view.steps[o.selected] ?? NaN)}`, right + 6, top + 8);
  }
  return drawn;
}

/** One run's curve in {@link drawStepOverlay}. */
export interface OverlayCurve {
  view: HistogramView;
  index: number;
  color: string;
}

/** Draws one step of several runs on shared axes (the views must share their range); the tallest bin fills the height. */
export function drawStepOverlay(canvas: HTMLCanvasElement, curves: readonly OverlayCurve[], width: number, height: number): void {
  const ctx = prepareCanvas(canvas, width, height);
  const left = MARGIN.left;
  const right = width - MARGIN.left;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;
  const first = curves[0];
  if (first === undefined) return;
  const shown = curves.filter((c) => c.index >= 0);
  const max = Math.max(0, ...shown.map((c) => c.view.maxOver([c.index])));
  for (const c of shown) {
    traceRidge(ctx, c.view, c.index, bottom, bottom - top, max, left, right);
    ctx.lineWidth = 2;
    ctx.strokeStyle = c.color;
    ctx.stroke();
  }
  drawBaseline(ctx, first.view.lo, first.view.hi, left, right, bottom);
}
