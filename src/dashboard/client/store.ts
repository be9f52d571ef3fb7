/**
 * The app's data: the run list, polled from `/api/runs` at the server's reload pace, and the
 * series, fetched on demand and cached per run generation (a run that got new data is refetched
 * the next time a view asks for it; the browser revalidates unchanged series by ETag).
 */
import type { RunInfo, RunsResponse } from '../shared/api-types.js';
import type { DecodedHistogramColumns } from '../shared/histogram-codec.js';
import { type DistributionData, type ScalarData, fetchDistribution, fetchHistograms, fetchRuns, fetchScalars } from './api-client.js';

interface CacheEntry<T> {
  generation: number;
  promise: Promise<T>;
}

type Cache<T> = Map<string, CacheEntry<T>>;

/** Run list and series cache. */
export class Store {
  runs: RunsResponse | null = null;
  /** The last error of the run list poll, if it failed. */
  pollError: string | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly scalarCache: Cache<ScalarData> = new Map();
  private readonly histogramCache: Cache<DecodedHistogramColumns> = new Map();
  private readonly distributionCache: Cache<DistributionData> = new Map();
  private timer: number | null = null;
  private stopped = false;

  /** Calls `listener` after every run list change; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loads the run list, then keeps polling it. */
  async start(): Promise<void> {
    await this.poll();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
  }

  private async poll(): Promise<void> {
    let changed = false;
    try {
      const next = await fetchRuns();
      changed = this.runs === null || next.generation !== this.runs.generation || this.pollError !== null;
      this.runs = next;
      this.pollError = null;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      changed = message !== this.pollError;
      this.pollError = message;
    }
    if (changed) for (const l of this.listeners) l();
    if (!this.stopped) this.timer = window.setTimeout(() => void this.poll(), this.runs?.reloadIntervalMs ?? 2000);
  }

  /** The run called `name`, if it exists. */
  run(name: string): RunInfo | undefined {
    return this.runs?.runs.find((r) => r.name === name);
  }

  private cached<T>(cache: Cache<T>, run: RunInfo, tag: string, load: () => Promise<T>): Promise<T> {
    const key = `${run.name}\u0000${tag}`;
    const hit = cache.get(key);
    if (hit !== undefined && hit.generation === run.generation) return hit.promise;
    const promise = load();
    cache.set(key, { generation: run.generation, promise });
    promise.catch(() => cache.delete(key));
    return promise;
  }

  /** Every point of scalar `tag` of `run` (cached while the run's generation is unchanged). */
  scalars(run: RunInfo, tag: string): Promise<ScalarData> {
    return this.cached(this.scalarCache, run, tag, () => fetchScalars(run.name, tag));
  }

  /** Every point of histogram `tag` of `run`. */
  histograms(run: RunInfo, tag: string): Promise<DecodedHistogramColumns> {
    return this.cached(this.histogramCache, run, tag, () => fetchHistograms(run.name, tag));
  }

  /** The distribution series of histogram `tag` of `run`. */
  distribution(run: RunInfo, tag: string): Promise<DistributionData> {
    return this.cached(this.distributionCache, run, tag, () => fetchDistribution(run.name, tag));
  }
}
