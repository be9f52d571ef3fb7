/**
 * HTML tables for reports: a generic table, and the per-parameter comparison of runs (L2 norm,
 * mean |w|, max |w|, share of |w| < 1e-3 for each run side by side, then total norm and final loss).
 */
import type { ComparisonTable } from '../analysis/comparison.js';
import { formatNumber, formatPercent } from '../analysis/format.js';
import { esc } from './svg.js';

/** A table with one header row; cells are text (escaped). Numeric-looking cells align right. */
export function htmlTable(header: readonly string[], rows: readonly (readonly string[])[], className = 'table'): string {
  const num = (c: string): string => (/^[\s\d.,eE+\-−±%]+$/.test(c) && /\d/.test(c) ? ' class="num"' : '');
  return `<table class="${className}"><thead><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td${num(c)}>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** The statistics columns of the comparison, in order. */
export const COMPARISON_STATS = [
  { key: 'l2', title: 'L2 norm', format: (v: number) => formatNumber(v) },
  { key: 'meanAbs', title: 'mean |w|', format: (v: number) => formatNumber(v) },
  { key: 'maxAbs', title: 'max |w|', format: (v: number) => formatNumber(v) },
  { key: 'nearZeroShare', title: '|w| < 1e-3', format: (v: number) => formatPercent(v) },
] as const;

/** The comparison table as HTML: a two-row header (statistic, then run), one row per parameter, totals. */
export function comparisonTableHtml(table: ComparisonTable): string {
  const runs = table.runs;
  const head1 = `<tr><th rowspan="2">parameter</th><th rowspan="2">shape</th>${COMPARISON_STATS.map((s) => `<th colspan="${runs.length}" class="group">${esc(s.title)}</th>`).join('')}</tr>`;
  const head2 = `<tr>${COMPARISON_STATS.map(() => runs.map((r) => `<th>${esc(r.label)}</th>`).join('')).join('')}</tr>`;
  const body = table.rows
    .map(
      (row) =>
        `<tr><td>${esc(row.name)}</td><td>[${row.shape.join(', ')}]</td>${COMPARISON_STATS.map((s) =>
          row.stats.map((st, i) => `<td class="num${i === 0 ? ' first' : ''}">${esc(s.format(st[s.key]))}</td>`).join(''),
        ).join('')}</tr>`,
    )
    .join('');
  const span = (cells: string): string => `${cells}${'<td></td>'.repeat(runs.length * (COMPARISON_STATS.length - 1))}`;
  const total = `<tr class="total"><td>total (√Σ‖p‖²)</td><td></td>${span(runs.map((r, i) => `<td class="num${i === 0 ? ' first' : ''}">${esc(formatNumber(r.totalNorm))}</td>`).join(''))}</tr>`;
  const loss = `<tr class="total"><td>final loss</td><td></td>${span(runs.map((r, i) => `<td class="num${i === 0 ? ' first' : ''}">${esc(formatNumber(r.finalLoss))}</td>`).join(''))}</tr>`;
  return `<table class="table comparison"><thead>${head1}${head2}</thead><tbody>${body}${total}${loss}</tbody></table>`;
}
