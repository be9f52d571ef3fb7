/**
 * A dataset from a CSV file: one column is the target (by header name or index, negative from the
 * end; the last by default), every other column a numeric feature. Rows are shuffled by the
 * dataset's generator and the last `testFraction` of them held out. With `standardize`, features
 * are z-scored with the training rows' mean and standard deviation (a constant column is only
 * centred). Classification targets may be any text; classes are numbered in sorted order (numeric
 * when every label is a number).
 */
import { readFileSync } from 'node:fs';
import { randperm } from '../../tensor/random/distributions.js';
import { Generator } from '../../tensor/random/generator.js';
import { Tensor } from '../../tensor/tensor.js';
import { ConfigError, DatasetError } from '../errors.js';
import { type CsvRow, parseCsv } from './csv-parse.js';
import type { Dataset, Split } from './types.js';

/** Options of {@link csvDataset}. */
export interface CsvOptions {
  readonly path: string;
  readonly target: string | number;
  readonly task: 'regression' | 'classification';
  readonly header: boolean;
  readonly testFraction: number;
  readonly standardize: boolean;
  readonly seed: number;
}

function targetIndex(o: CsvOptions, names: readonly string[] | null, columns: number): number {
  if (typeof o.target === 'string') {
    if (names === null) throw new ConfigError([{ path: 'dataset.target', message: `"${o.target}" is a column name but dataset.header is false; give a column index` }]);
    const i = names.indexOf(o.target);
    if (i < 0) throw new ConfigError([{ path: 'dataset.target', message: `no column "${o.target}" in ${o.path}`, allowed: [...names] }]);
    return i;
  }
  const i = o.target < 0 ? columns + o.target : o.target;
  if (i < 0 || i >= columns) throw new ConfigError([{ path: 'dataset.target', message: `column ${o.target} is outside the ${columns} columns of ${o.path}`, allowed: [`${-columns}..${columns - 1}`] }]);
  return i;
}

function classLabels(values: readonly string[]): Map<string, number> {
  const distinct = [...new Set(values)];
  const numeric = distinct.every((v) => v.trim() !== '' && Number.isFinite(Number(v)));
  distinct.sort(numeric ? (a, b) => Number(a) - Number(b) : undefined);
  return new Map(distinct.map((v, i) => [v, i]));
}

function numberAt(row: CsvRow, col: number, name: string, file: string): number {
  const text = row.fields[col]!.trim();
  const v = Number(text);
  if (text === '' || !Number.isFinite(v)) throw new DatasetError(`line ${row.line}, column "${name}": ${JSON.stringify(row.fields[col])} is not a number`, file, row.offset);
  return v;
}

/** Loads a CSV file as a dataset (see the module comment for the rules). */
export function csvDataset(o: CsvOptions): Dataset {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(o.path);
  } catch (e) {
    throw new DatasetError(`cannot read (${e instanceof Error && 'code' in e ? String(e.code) : String(e)})`, o.path);
  }
  const rows = parseCsv(bytes, o.path);
  const names = o.header ? (rows.shift()?.fields.map((f) => f.trim()) ?? null) : null;
  const columns = names?.length ?? rows[0]?.fields.length ?? 0;
  if (rows.length < 2 || columns < 2) throw new DatasetError(`needs at least 2 data rows and 2 columns, found ${rows.length} rows of ${columns} columns`, o.path, 0);
  for (const row of rows) {
    if (row.fields.length !== columns) throw new DatasetError(`line ${row.line} has ${row.fields.length} fields, expected ${columns}`, o.path, row.offset);
  }
  const t = targetIndex(o, names, columns);
  const featureCols = [...Array(columns).keys()].filter((c) => c !== t);
  const colName = (c: number): string => names?.[c] ?? String(c);
  const n = rows.length;
  const d = featureCols.length;
  const x = new Float64Array(n * d);
  rows.forEach((row, i) => featureCols.forEach((c, j) => (x[i * d + j] = numberAt(row, c, colName(c), o.path))));
  const labels = o.task === 'classification' ? classLabels(rows.map((r) => r.fields[t]!.trim())) : null;
  const y = rows.map((row) => (labels === null ? numberAt(row, t, colName(t), o.path) : labels.get(row.fields[t]!.trim())!));

  const order = randperm(n, { generator: new Generator(o.seed) }).data;
  const nTest = Math.round(n * o.testFraction);
  const nTrain = n - nTest;
  const mean = new Float64Array(d);
  const sd = new Float64Array(d).fill(1);
  if (o.standardize) {
    for (let j = 0; j < d; j++) {
      let s = 0;
      let ss = 0;
      for (let k = 0; k < nTrain; k++) s += x[order[k]! * d + j]!;
      mean[j] = s / nTrain;
      for (let k = 0; k < nTrain; k++) ss += (x[order[k]! * d + j]! - mean[j]!) ** 2;
      const v = Math.sqrt(ss / nTrain);
      sd[j] = v > 0 ? v : 1;
    }
  }
  const split = (from: number, to: number): Split => {
    const m = to - from;
    const xs = new Float32Array(m * d);
    const ys = labels === null ? new Float32Array(m) : new Int32Array(m);
    for (let k = 0; k < m; k++) {
      const r = order[from + k]!;
      for (let j = 0; j < d; j++) xs[k * d + j] = (x[r * d + j]! - mean[j]!) / sd[j]!;
      ys[k] = y[r]!;
    }
    return { x: new Tensor(xs, [m, d]), y: new Tensor(ys, [m]) };
  };
  return {
    name: `csv:${o.path.split(/[\\/]/).pop()}`,
    task: o.task,
    inputSize: d,
    outputSize: labels === null ? 1 : labels.size,
    train: split(0, nTrain),
    test: nTest > 0 ? split(nTrain, n) : null,
    description: `${o.path}: ${n} rows, ${d} features, target "${colName(t)}" (${o.task}${labels === null ? '' : `, ${labels.size} classes`}); ${nTrain} train / ${nTest} test${o.standardize ? ', features standardized' : ''}`,
  };
}
