/**
 * Progress of runs: one cli-progress bar per running run on a terminal; otherwise plain lines (a
 * run starting, every quarter of its steps, and its end), which logs and CI output keep readable.
 */
import { formatNumber, formatPercent } from '../experiments/analysis/format.js';
import type { BatchCallbacks } from '../experiments/batch/run-batch.js';
import type { RunRecord } from '../experiments/run/run-record.js';
import type { CliIO } from './io.js';

/** What commands report to. */
export interface ProgressDisplay {
  start(name: string): void;
  update(name: string, step: number, total: number, loss: number): void;
  finish(name: string, summary: string): void;
  /** Ends the display (removes bars) before the command prints its results. */
  stop(): void;
}

class LineProgress implements ProgressDisplay {
  private readonly lastQuarter = new Map<string, number>();
  constructor(private readonly io: CliIO) {}
  start(name: string): void {
    this.io.out(`[${name}] started\n`);
  }
  update(name: string, step: number, total: number, loss: number): void {
    const quarter = Math.floor((4 * step) / total);
    if (quarter <= (this.lastQuarter.get(name) ?? 0) || step === total) return;
    this.lastQuarter.set(name, quarter);
    this.io.out(`[${name}] ${step}/${total} (${Math.round((100 * step) / total)}%) loss ${formatNumber(loss)}\n`);
  }
  finish(name: string, summary: string): void {
    this.io.out(`[${name}] ${summary}\n`);
  }
  stop(): void {}
}

/** Bars on a terminal (cli-progress, loaded only then), lines otherwise. */
export async function progressDisplay(io: CliIO): Promise<ProgressDisplay> {
  if (!io.isTTY || io.stream === undefined) return new LineProgress(io);
  const { BarProgress } = await import('./progress-bars.js');
  return new BarProgress(io.stream);
}

/** `done in 0.41 s — train loss 3.275, test accuracy 91.0%` (or the failure): a finished run's line. */
export function runSummary(record: RunRecord): string {
  const r = record.result;
  if (r === null) return record.status === 'failed' ? `failed: ${record.error?.message ?? ''}` : record.status;
  const parts = [`train loss ${formatNumber(r.final.trainLoss)}`];
  if (r.final.testLoss !== undefined) parts.push(`test loss ${formatNumber(r.final.testLoss)}`);
  if (r.final.testAccuracy !== undefined) parts.push(`test accuracy ${formatPercent(r.final.testAccuracy)}`);
  const status = record.status === 'diverged' ? `diverged at step ${r.divergedAt ?? '?'}` : 'done';
  return `${status} in ${(r.durationMs / 1000).toFixed(2)} s — ${parts.join(', ')}`;
}

/**
 * Runs a batch (`run` gets the callbacks to hand to the runner) with a {@link progressDisplay} on
 * `io`: a run's start, progress and end ({@link runSummary}, or the failure). The display is stopped
 * before this returns or throws, so the command's results print below it.
 */
export async function withProgress<T>(io: CliIO, run: (callbacks: BatchCallbacks) => Promise<T>): Promise<T> {
  const progress = await progressDisplay(io);
  try {
    return await run({
      onStart: (r) => progress.start(r.name),
      onProgress: (r, step, total, loss) => progress.update(r.name, step, total, loss),
      onDone: (r, record, error) => progress.finish(r.name, record !== null ? runSummary(record) : `failed: ${error?.causeMessage ?? ''}`),
    });
  } finally {
    progress.stop();
  }
}
