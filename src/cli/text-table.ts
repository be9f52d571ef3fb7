/** Plain-text tables for the terminal: columns padded to their widest cell, right-aligned numbers. */

/** Column alignment. */
export type Align = 'left' | 'right';

/** Visible width of a string (counts code points; our cells hold no wide or combining characters). */
function width(s: string): number {
  return [...s].length;
}

function pad(s: string, w: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return align === 'right' ? fill + s : s + fill;
}

/**
 * Renders header rows and body rows (all rows the same number of cells) with two spaces between
 * columns and a rule under the header. `align[i]` applies to column i (left by default).
 */
export function renderTextTable(header: readonly (readonly string[])[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const all = [...header, ...rows];
  const cols = Math.max(0, ...all.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, i) => Math.max(0, ...all.map((r) => width(r[i] ?? ''))));
  const line = (r: readonly string[]): string =>
    widths
      .map((w, i) => pad(r[i] ?? '', w, align[i] ?? 'left'))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [...header.map(line), rule, ...rows.map(line)].join('\n');
}
