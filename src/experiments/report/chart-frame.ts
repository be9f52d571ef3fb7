/**
 * The parts the report's SVG charts share: the `<svg>` element with its accessible title, the
 * "no data" placeholder, and around a chart's plot area its horizontal grid lines with their tick
 * labels, its frame and its axis titles.
 */
import { esc } from './svg.js';

/** A chart's plot area, in SVG units. */
export interface PlotArea {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Extra presentation of {@link chartSvg}. */
export interface ChartSvgOptions {
  /** A class beside `chart`. */
  readonly cls?: string;
  /** Caps the drawn width (CSS pixels). */
  readonly maxWidth?: number;
}

/** A chart's `<svg>`: view box `width` × `height`, class `chart`, the accessible `title` (if any), then `body`. */
export function chartSvg(width: number, height: number, title: string | undefined, body: string, options: ChartSvgOptions = {}): string {
  const cls = options.cls === undefined ? 'chart' : `chart ${options.cls}`;
  const style = options.maxWidth === undefined ? '' : ` style="max-width:${options.maxWidth}px"`;
  const titleElement = title === undefined ? '' : `<title>${esc(title)}</title>`;
  return `<svg viewBox="0 0 ${width} ${height}" class="${cls}"${style}>${titleElement}${body}</svg>`;
}

/** A chart saying "no data" in its middle. */
export function noDataSvg(width: number, height: number, title: string | undefined): string {
  return chartSvg(width, height, title, `<text x="${width / 2}" y="${height / 2}" text-anchor="middle" class="muted">no data</text>`);
}

/** A horizontal grid line across `area` at `y` (an SVG coordinate) with its tick `label` left of the area. */
export function gridLineY(area: PlotArea, y: string, label: string): string {
  return `<line x1="${area.left}" x2="${area.left + area.width}" y1="${y}" y2="${y}" class="grid"/><text x="${area.left - 6}" y="${y}" dy="0.32em" text-anchor="end" class="tick">${esc(label)}</text>`;
}

/** The frame around `area`. */
export function plotFrame(area: PlotArea): string {
  return `<rect x="${area.left}" y="${area.top}" width="${area.width}" height="${area.height}" class="frame"/>`;
}

/** The x axis title centred under `area` near the bottom of a chart `chartHeight` high, and the y axis title along the left. */
export function axisTitles(area: PlotArea, chartHeight: number, xLabel: string, yLabel: string): string {
  return (
    `<text x="${area.left + area.width / 2}" y="${chartHeight - 6}" text-anchor="middle" class="label">${esc(xLabel)}</text>` +
    `<text transform="translate(14 ${area.top + area.height / 2}) rotate(-90)" text-anchor="middle" class="label">${esc(yLabel)}</text>`
  );
}
