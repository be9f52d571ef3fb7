/** Progress bars on a terminal (cli-progress), used by {@link progressDisplay} when stdout is a TTY. */
import cliProgress from 'cli-progress';
import { formatNumber } from '../experiments/analysis/format.js';
import type { ProgressDisplay } from './progress.js';

/** One cli-progress bar per running run; finished runs leave a line above the bars. */
export class BarProgress implements ProgressDisplay {
  private readonly multi: cliProgress.MultiBar;
  private readonly bars = new Map<string, cliProgress.SingleBar>();
  constructor(stream: NodeJS.WritableStream) {
    this.multi = new cliProgress.MultiBar(
      { format: ' {name} [{bar}] {percentage}% {value}/{total} loss {loss} {eta_formatted}', stream, hideCursor: true, clearOnComplete: true, barsize: 28, etaBuffer: 50 },
      cliProgress.Presets.shades_classic,
    );
  }
  start(name: string): void {
    this.bars.set(name, this.multi.create(1, 0, { name: name.padEnd(12), loss: '' }));
  }
  update(name: string, step: number, total: number, loss: number): void {
    const bar = this.bars.get(name);
    if (bar === undefined) return;
    bar.setTotal(total);
    bar.update(step, { name: name.padEnd(12), loss: formatNumber(loss) });
  }
  finish(name: string, summary: string): void {
    const bar = this.bars.get(name);
    if (bar !== undefined) {
      this.multi.remove(bar);
      this.bars.delete(name);
    }
    this.multi.log(`[${name}] ${summary}\n`);
    // Draw now: the log line would otherwise wait for the next timed redraw, which stop() skips.
    this.multi.update();
  }
  stop(): void {
    this.multi.stop();
  }
}
