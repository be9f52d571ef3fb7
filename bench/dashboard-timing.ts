/** Timing helpers of the dashboard benchmark: repeated measurements summarized as median and worst. */

/** Median and worst of a list of milliseconds. */
export interface Timing {
  median: number;
  worst: number;
  runs: number;
}

/** Summarizes `ms`. */
export function summarize(ms: readonly number[]): Timing {
  const s = [...ms].sort((a, b) => a - b);
  return { median: s[Math.floor((s.length - 1) / 2)]!, worst: s[s.length - 1]!, runs: s.length };
}

/** Runs `fn` `times` times (after one warm-up unless `warmUp` is false) and summarizes the durations. */
export async function timeIt(times: number, fn: () => Promise<unknown>, warmUp = true): Promise<Timing> {
  if (warmUp) await fn();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return summarize(ms);
}

/** `12.3 ms (worst 15.1)`. */
export function show(t: Timing): string {
  const f = (ms: number): string => ms.toFixed(ms < 1 ? 3 : 1);
  return `${f(t.median).padStart(7)} ms  (worst ${f(t.worst)}, n=${t.runs})`;
}

/** One result line: label, timing, and the ratio to a baseline when given. */
export function line(label: string, t: Timing, baseline?: Timing): string {
  const ratio = baseline === undefined ? '' : `  ${(baseline.median / t.median).toFixed(1)}× faster than the baseline`;
  return `  ${label.padEnd(52)}${show(t)}${ratio}`;
}
