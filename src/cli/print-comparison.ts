/** The demo's comparison table for the terminal: per parameter, each statistic for every run side by side. */
import type { ComparisonTable } from '../experiments/analysis/comparison.js';
import { formatNumber } from '../experiments/analysis/format.js';
import { COMPARISON_STATS } from '../experiments/report/table.js';
import { type Align, renderTextTable } from './text-table.js';

/** Renders a {@link ComparisonTable} as text (statistic headers over run labels; totals and final loss last). */
export function comparisonText(table: ComparisonTable): string {
  const n = table.runs.length;
  const head1 = ['', '', ...COMPARISON_STATS.flatMap((s) => [s.title, ...Array<string>(n - 1).fill('')])];
  const head2 = ['parameter', 'shape', ...COMPARISON_STATS.flatMap(() => table.runs.map((r) => r.label))];
  const rows = table.rows.map((row) => [row.name, `[${row.shape.join(', ')}]`, ...COMPARISON_STATS.flatMap((s) => row.stats.map((st) => s.format(st[s.key])))]);
  const blank = Array<string>(n * (COMPARISON_STATS.length - 1)).fill('');
  rows.push(['total norm', '', ...table.runs.map((r) => formatNumber(r.totalNorm)), ...blank]);
  rows.push(['final loss', '', ...table.runs.map((r) => formatNumber(r.finalLoss)), ...blank]);
  const align: Align[] = ['left', 'left', ...Array<Align>(n * COMPARISON_STATS.length).fill('right')];
  return renderTextTable([head1, head2], rows, align);
}
