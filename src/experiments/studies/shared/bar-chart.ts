/**
 * A grouped bar chart as an inline SVG string: one group of bars per category (e.g. a weight
 * decay), one bar per series (e.g. a decay mode) in each group, a linear y axis from 0, and the
 * value printed above each bar. Each bar carries `data-series`, `data-group` and `data-value`.
 */
import { axisTitles, chartSvg, gridLineY, plotFrame } from '../../report/chart-frame.js';
import { esc, niceTicks, px, tickLabel } from '../../report/svg.js';

/** One series: a label, a color and one value per group (NaN = no bar). */
export interface BarSeries {
  readonly label: string;
  readonly color: string;
  readonly values: readonly number[];
}

/** Options of {@link barChart}. */
export interface BarChartOptions {
  /** Category labels, left to right. */
  readonly groups: readonly string[];
  readonly series: readonly BarSeries[];
  readonly yLabel: string;
  readonly xLabel: string;
  /** Values are shares in [0, 1], shown as percentages. */
  readonly percent?: boolean;
  readonly width?: number;
  readonly height?: number;
  readonly title?: string;
}

function label(v: number, percent: boolean): string {
  if (!Number.isFinite(v)) return '';
  if (percent) return `${(v * 100).toFixed(v * 100 >= 10 || v === 0 ? 0 : 1)}%`;
  return tickLabel(v);
}

/** Renders the chart (see the module comment). */
export function barChart(o: BarChartOptions): string {
  const width = o.width ?? 560;
  const height = o.height ?? 280;
  const m = { left: 54, right: 10, top: 16, bottom: 40 };
  const w = width - m.left - m.right;
  const h = height - m.top - m.bottom;
  const area = { left: m.left, top: m.top, width: w, height: h };
  const percent = o.percent === true;
  const values = o.series.flatMap((s) => s.values.filter((v) => Number.isFinite(v)));
  const top = percent ? Math.max(0.01, ...values) : Math.max(Number.MIN_VALUE, ...values);
  const ticks = niceTicks(0, top, 5);
  const yMax = Math.max(top, ticks[ticks.length - 1] ?? top);
  const sy = (v: number): number => m.top + h - (Math.max(0, v) / yMax) * h;
  const groupW = w / Math.max(1, o.groups.length);
  const barW = (groupW * 0.8) / Math.max(1, o.series.length);
  const parts: string[] = [];
  for (const t of ticks) parts.push(gridLineY(area, px(sy(t)), label(t, percent)));
  o.groups.forEach((g, gi) => {
    const x0 = m.left + gi * groupW + groupW * 0.1;
    o.series.forEach((s, si) => {
      const v = s.values[gi] ?? Number.NaN;
      if (!Number.isFinite(v)) return;
      const x = x0 + si * barW;
      const y = sy(v);
      parts.push(
        `<rect x="${px(x)}" y="${px(y)}" width="${px(barW * 0.92)}" height="${px(m.top + h - y)}" fill="${s.color}" data-series="${esc(s.label)}" data-group="${esc(g)}" data-value="${v}"><title>${esc(`${s.label}, ${g}: ${label(v, percent)}`)}</title></rect>`,
        `<text x="${px(x + (barW * 0.92) / 2)}" y="${px(y - 3)}" text-anchor="middle" class="tick">${esc(label(v, percent))}</text>`,
      );
    });
    parts.push(`<text x="${px(m.left + gi * groupW + groupW / 2)}" y="${m.top + h + 16}" text-anchor="middle" class="tick">${esc(g)}</text>`);
  });
  parts.push(plotFrame(area), axisTitles(area, height, o.xLabel, o.yLabel));
  return chartSvg(width, height, o.title, parts.join(''));
}
