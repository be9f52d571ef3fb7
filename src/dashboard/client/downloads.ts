/**
 * Downloads of a scalar chart's data, built in the browser from the fetched series:
 * - CSV: `run,wall_time,step,value` (TensorBoard's CSV columns plus the run);
 * - JSON: `{tag, runs: {run: [[wall_time, step, value], …]}}` (TensorBoard's JSON rows per run),
 *   non-finite values as the strings `NaN`, `Infinity`, `-Infinity`.
 */
import { toJsonNumber } from '../shared/number-codec.js';
import type { ScalarData } from './api-client.js';

/** One run's series of a chart. */
export interface RunSeries {
  run: string;
  data: ScalarData;
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV text of a chart's series. */
export function scalarsCsv(series: readonly RunSeries[]): string {
  const lines = ['run,wall_time,step,value'];
  for (const { run, data } of series) {
    for (let i = 0; i < data.steps.length; i++) lines.push(`${csvField(run)},${data.wallTimes[i]},${data.steps[i]},${data.values[i]}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The JSON text of a chart's series. */
export function scalarsJson(tag: string, series: readonly RunSeries[]): string {
  const runs: Record<string, [number, number, number | string][]> = {};
  for (const { run, data } of series) {
    runs[run] = Array.from(data.steps, (step, i) => [data.wallTimes[i]!, step, toJsonNumber(data.values[i]!)]);
  }
  return JSON.stringify({ tag, runs });
}

/** Offers `text` as a file download named `name`. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name made from a tag (`eval/train_loss` → `eval_train_loss`). */
export function fileNameOf(tag: string): string {
  return tag.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'scalars';
}
