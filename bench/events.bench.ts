/**
 * Logging the article's volume (1000 iterations × (36 histograms over 3002 values + 1 scalar))
 * with `SummaryWriter` at its defaults, to real files in the temp folder, timed from the writer's
 * creation to `close()`: with the compact default bins and with tensorboardX's 'tensorflow' bins.
 * Baseline in the same run: the same events built as messages and serialized with the library's
 * generic `toBinary` (what the writer would do without its histogram hot path). Also prints the
 * file sizes and how long `loadLogDir` takes to read each run back.
 * (tensorboardX, measured outside this repo: about 45–59 s and 291 MB for the same volume.)
 *
 * Run alone: `node --import tsx bench/events.bench.ts`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EventFileWriter } from '../src/events/writer/event-file-writer.js';
import { type HistogramBins, HistogramBuilder } from '../src/events/histogram/make-histogram.js';
import { histogramValue, scalarValue, summaryOf } from '../src/events/summary/summaries.js';
import { create } from '@bufbuild/protobuf';
import { EventSchema } from '../src/events/proto/tensorboard/event_pb.js';
import { SummaryWriter, loadLogDir, listEventFiles } from '../src/events/index.js';
import { type ArticleStep, articleRun } from './events-data.js';

/** Wall and CPU (user + system) milliseconds of `f`. */
function timed(f: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  f();
  const c = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}

function logWithSummaryWriter(run: readonly ArticleStep[], logDir: string, bins: HistogramBins): void {
  const w = new SummaryWriter({ logDir });
  for (let step = 0; step < run.length; step++) {
    const s = run[step]!;
    for (const h of s.histograms) w.addHistogram(h.tag, h.values, step, { bins });
    w.addScalar('loss', s.loss, step);
  }
  w.close();
}

/** Baseline: the same events through message objects and the library's generic toBinary. */
function logWithToBinary(run: readonly ArticleStep[], logDir: string, bins: HistogramBins): void {
  const w = new EventFileWriter(logDir);
  const builder = new HistogramBuilder();
  for (let step = 0; step < run.length; step++) {
    const s = run[step]!;
    const wallTime = Date.now() / 1000;
    for (const h of s.histograms) {
      const summary = summaryOf(histogramValue(h.tag, builder.build(h.values, { bins })));
      w.addEvent(create(EventSchema, { wallTime, step: BigInt(step), what: { case: 'summary', value: summary } }));
    }
    w.addEvent(create(EventSchema, { wallTime, step: BigInt(step), what: { case: 'summary', value: summaryOf(scalarValue('loss', s.loss)) } }));
  }
  w.close();
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number, width = 8): string => `${x.toFixed(0)} ms`.padStart(width);

export async function runEventsBench(): Promise<void> {
  const run = articleRun(1000);
  const values = run[0]!.histograms.reduce((n, h) => n + h.values.length, 0);
  console.log(`article volume: ${run.length} iterations × (${run[0]!.histograms.length} histograms over ${values} values + 1 scalar)`);
  console.log('wall = elapsed time; cpu = this process\'s user + system time (what other load on the machine cannot inflate)');
  const root = mkdtempSync(join(tmpdir(), 'decaylab-bench-events-'));
  const repeats = 5;
  try {
    console.log('bins          SummaryWriter wall: cold  median    best   cpu median | toBinary baseline wall / cpu | speed-up (cpu) | file size | loadLogDir');
    for (const bins of ['compact', 'tensorflow'] as const) {
      const ours: { wall: number; cpu: number }[] = [];
      const baseline: { wall: number; cpu: number }[] = [];
      let size = 0;
      let readMs = 0;
      for (let r = 0; r <= repeats; r++) {
        const dirW = join(root, `${bins}-w${r}`);
        ours.push(timed(() => logWithSummaryWriter(run, dirW, bins)));
        if (r === 0) {
          size = statSync(listEventFiles(dirW)[0]!).size;
          const t0 = performance.now();
          const data = loadLogDir(dirW);
          readMs = performance.now() - t0;
          if (data.runs.get('.')!.histograms.size !== 36) throw new Error('bench run did not read back');
        }
        rmSync(dirW, { recursive: true, force: true });
        const dirB = join(root, `${bins}-b${r}`);
        baseline.push(timed(() => logWithToBinary(run, dirB, bins)));
        rmSync(dirB, { recursive: true, force: true });
      }
      const warm = ours.slice(1);
      const wallMed = median(warm.map((t) => t.wall));
      const cpuMed = median(warm.map((t) => t.cpu));
      const baseWall = median(baseline.slice(1).map((t) => t.wall));
      const baseCpu = median(baseline.slice(1).map((t) => t.cpu));
      console.log(
        `${bins.padEnd(12)}${ms(ours[0]!.wall, 26)}${ms(wallMed)}${ms(Math.min(...warm.map((t) => t.wall)))}${ms(cpuMed, 13)} |` +
          `${ms(baseWall, 20)} /${ms(baseCpu)} |${`${(baseCpu / cpuMed).toFixed(2)}×`.padStart(15)} |${`${(size / 1e6).toFixed(1)} MB`.padStart(10)} |${ms(readMs, 11)}`,
      );
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runEventsBench();
