/**
 * The columns and rows of the runs table: the run, its status and progress, every hyperparameter
 * (`hp:<name>`), the last value of every scalar tag (`last:<tag>`) and run.json's result metrics
 * (`result:<name>`); sorting (numbers numerically, text in natural order, blanks last) and a
 * case-insensitive text filter over the shown cells.
 */
import type { RunInfo } from '../../shared/api-types.js';
import { formatValue, formatWallTime } from '../../shared/format.js';
import { fromJsonNumber } from '../../shared/number-codec.js';
import { naturalCompare as naturalOrder } from '../../shared/natural-order.js';

/** A cell: the value used for sorting and the text shown. */
export interface Cell {
  sort: number | string | null;
  text: string;
}

/** A column of the table. */
export interface Column {
  id: string;
  label: string;
  cell(run: RunInfo): Cell;
}

const blank: Cell = { sort: null, text: '' };
const num = (x: number | null | undefined): Cell => (x === null || x === undefined ? blank : { sort: x, text: formatValue(x) });
const text = (x: string | number | boolean | null | undefined): Cell => (x === null || x === undefined ? blank : typeof x === 'number' ? num(x) : { sort: String(x), text: String(x) });

function lastStep(r: RunInfo): number | null {
  const steps = Object.values(r.lastScalars).map((s) => s.step);
  return steps.length > 0 ? Math.max(...steps) : null;
}

/** The columns for `runs`. */
export function runColumns(runs: readonly RunInfo[]): Column[] {
  const hp = [...new Set(runs.flatMap((r) => Object.keys(r.hparams)))].sort();
  const last = [...new Set(runs.flatMap((r) => Object.keys(r.lastScalars)))].sort();
  const result = [...new Set(runs.flatMap((r) => Object.keys(r.record?.metrics ?? {})))];
  return [
    { id: 'run', label: 'run', cell: (r) => text(r.name) },
    { id: 'status', label: 'status', cell: (r) => text(r.errors.length > 0 ? 'read error' : (r.record?.status ?? null)) },
    { id: 'step', label: 'last step', cell: (r) => num(lastStep(r)) },
    { id: 'updated', label: 'updated', cell: (r) => (r.lastWallTime === null ? blank : { sort: r.lastWallTime, text: formatWallTime(r.lastWallTime) }) },
    ...hp.map((k) => ({ id: `hp:${k}`, label: k, cell: (r: RunInfo) => text(r.hparams[k]) })),
    ...last.map((t) => ({ id: `last:${t}`, label: t, cell: (r: RunInfo) => (r.lastScalars[t] === undefined ? blank : num(fromJsonNumber(r.lastScalars[t].value))) })),
    ...result.map((k) => ({ id: `result:${k}`, label: `run.json ${k}`, cell: (r: RunInfo) => { const v = r.record?.metrics[k]; return v === undefined || v === null ? blank : num(fromJsonNumber(v)); } })),
  ];
}


/** Compares two cells: blanks last, numbers before text, numbers numerically, text naturally. */
export function compareCells(a: Cell, b: Cell): number {
  if (a.sort === null || b.sort === null) return a.sort === null ? (b.sort === null ? 0 : 1) : -1;
  if (typeof a.sort === 'number' && typeof b.sort === 'number') return a.sort - b.sort || 0;
  if (typeof a.sort === 'number') return -1;
  if (typeof b.sort === 'number') return 1;
  return naturalOrder(a.sort, b.sort);
}

/** The rows (runs) matching `filter` (case-insensitive, over the cells' text), sorted by column `sort`. */
export function sortedRows(runs: readonly RunInfo[], columns: readonly Column[], sort: string, desc: boolean, filter: string): RunInfo[] {
  const needle = filter.trim().toLowerCase();
  const rows = runs.filter((r) => needle === '' || columns.some((c) => c.cell(r).text.toLowerCase().includes(needle)));
  const col = columns.find((c) => c.id === sort) ?? columns[0]!;
  return rows
    .map((r, i) => ({ r, i, c: col.cell(r) }))
    .sort((a, b) => {
      if (a.c.sort === null || b.c.sort === null) return compareCells(a.c, b.c) || a.i - b.i;
      return (desc ? -compareCells(a.c, b.c) : compareCells(a.c, b.c)) || a.i - b.i;
    })
    .map((x) => x.r);
}
