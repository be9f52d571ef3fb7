/** Typed fetches of the dashboard API (shapes in shared/api-types.ts). */
import type { ApiErrorBody, DistributionResponse, RunsResponse, ScalarSeriesResponse } from '../shared/api-types.js';
import { type DecodedHistogramColumns, decodeHistogramColumns } from '../shared/histogram-codec.js';
import { fromJsonNumbers } from '../shared/number-codec.js';

/** A scalar series as typed arrays. */
export interface ScalarData {
  steps: Float64Array;
  wallTimes: Float64Array;
  values: Float64Array;
}

/** A distribution series: `values[i * bps.length + j]` is basis point j of step i. */
export interface DistributionData {
  bps: number[];
  steps: Float64Array;
  wallTimes: Float64Array;
  values: Float64Array;
}

async function get(path: string, params: Record<string, string>): Promise<Response> {
  const url = `${path}?${new URLSearchParams(params).toString()}`;
  const res = await fetch(url, { headers: { Accept: '*/*' } });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = (await res.json()) as ApiErrorBody;
      message = body.error.message;
    } catch {
      // not a JSON error body: keep the status line
    }
    throw new Error(message);
  }
  return res;
}

/** `/api/runs`. */
export async function fetchRuns(): Promise<RunsResponse> {
  const res = await fetch('/api/runs');
  if (!res.ok) throw new Error(`/api/runs: ${res.status} ${res.statusText}`);
  return (await res.json()) as RunsResponse;
}

/** Every point of a scalar tag of a run. */
export async function fetchScalars(run: string, tag: string): Promise<ScalarData> {
  const body = (await (await get('/api/scalars', { run, tag })).json()) as ScalarSeriesResponse;
  return { steps: Float64Array.from(body.steps), wallTimes: Float64Array.from(body.wallTimes), values: fromJsonNumbers(body.values) };
}

/** Every point of a histogram tag of a run (binary, decoded into views). */
export async function fetchHistograms(run: string, tag: string): Promise<DecodedHistogramColumns> {
  return decodeHistogramColumns(await (await get('/api/histograms', { run, tag })).arrayBuffer());
}

/** The distribution series of a histogram tag of a run. */
export async function fetchDistribution(run: string, tag: string): Promise<DistributionData> {
  const body = (await (await get('/api/distributions', { run, tag })).json()) as DistributionResponse;
  const values = new Float64Array(body.steps.length * body.bps.length);
  body.values.forEach((row, i) => values.set(fromJsonNumbers(row), i * body.bps.length));
  return { bps: body.bps, steps: Float64Array.from(body.steps), wallTimes: Float64Array.from(body.wallTimes), values };
}
