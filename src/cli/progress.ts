/**
 * Progress of runs: one cli-progress bar per running run on a terminal; otherwise plain lines (a
 * run starting, every quarter of its steps, and its end), which logs and CI output keep readable.
 */
import { formatNumber } from '../experiments/analysis/format.js';
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
