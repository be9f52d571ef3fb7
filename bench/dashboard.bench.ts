/**
 * The dashboard with the article's runs: Adam with weight decay 0.01 and 0.1, 1000 iterations,
 * every parameter's `_data` and `_grad` histogram logged each step (2 runs × 36 histogram tags ×
 * 1000 steps, trained by the experiments layer, compact bins). Measures, in the same run:
 * - the server's cold start (reading every event file) — once;
 * - the API answer for one tag's whole histogram series: the binary columnar encoding (built by
 *   the server; fetched and decoded into typed arrays) against TensorBoard's JSON shape
 *   `[wall, step, rows]` (stringified; fetched and parsed) as the baseline; also the
 *   distributions and scalar series;
 * - in Chromium, navigation → histogram view drawn (`data-rendered`, every step of both runs
 *   fetched, re-binned and drawn): a fresh page load, and a tag switch in an open page, beside the
 *   runs table (no series) as the page-load floor.
 * Budgets (issue 7): a tag's histogram view drawn within 1 s of navigation, a tag's whole series
 * from the API within 200 ms.
 *
 * Run alone: `node --import tsx bench/dashboard.bench.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { startBoard } from '../src/dashboard/server/start-board.js';
import { histogramBinaryBody, histogramJsonBody } from '../src/dashboard/server/series-bodies.js';
import { decodeHistogramColumns } from '../src/dashboard/shared/histogram-codec.js';
import { launchChromium } from '../src/dashboard/test-support/browser.js';
import { buildDashboardApp } from '../src/dashboard/test-support/build-app.js';
import { waitRendered } from '../src/dashboard/test-support/page-probes.js';
import { DEMO_DEFAULTS, demoPlan } from '../src/experiments/demo/demo-plan.js';
import { runExperiment } from '../src/experiments/run/run-experiment.js';
import { line, summarize, timeIt } from './dashboard-timing.js';

const TAG = 'linears.2.weight_data';
const OTHER_TAG = 'linears.4.weight_grad';

/** Switches the open page to `tag` and returns the ms from the hash change to the view's drawn mark. */
async function switchTag(page: Page, tag: string): Promise<number> {
  // Plain expressions only inside evaluate: tsx names functions with a helper the page does not have.
  const t0 = await page.evaluate((hash) => {
    const t = performance.now();
    location.hash = hash;
    return t;
  }, `#/histograms?tag=${encodeURIComponent(tag)}`);
  await page.waitForFunction(
    (t) => document.querySelector('section.view')?.getAttribute('data-rendered') === '1' && (document.querySelector('select.tag-select') as HTMLSelectElement | null)?.value === t,
    tag,
    { timeout: 20_000 },
  );
  return (await page.evaluate(() => performance.getEntriesByName('decaylab:histograms:drawn').at(-1)?.startTime ?? NaN)) - t0;
}

async function trainArticleRuns(logDir: string): Promise<void> {
  for (const p of demoPlan(DEMO_DEFAULTS)) await runExperiment(p.config, { dir: join(logDir, p.name), name: p.name, hparams: p.hparams });
}

/** Runs the dashboard benchmark (see the module comment). */
export async function runDashboardBench(): Promise<void> {
  const logDir = mkdtempSync(join(tmpdir(), 'decaylab-bench-board-'));
  const appDir = `${logDir}-app`;
  try {
    let t = performance.now();
    await trainArticleRuns(logDir);
    console.log(`  article runs trained and logged in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await buildDashboardApp(appDir);

    t = performance.now();
    const board = await startBoard({ logDir, port: 0, appDir, reloadIntervalMs: 60_000 });
    const coldStart = performance.now() - t;
    try {
      const runs = [...board.data.runs.values()].filter((r) => r.reader.data.histograms.size > 0);
      const shape = runs.map((r) => `${r.name}: ${r.reader.data.histograms.size} histogram tags × ${r.reader.data.histograms.get(TAG)?.length ?? 0} steps`);
      console.log(`  ${shape.join('; ')}`);
      console.log(`  server cold start (read ${board.data.runs.size} runs' event files):          ${coldStart.toFixed(0)} ms (once)`);

      const q = `run=${encodeURIComponent(runs[1]!.name)}&tag=${encodeURIComponent(TAG)}`;
      const url = (path: string): URL => new URL(path, board.url);
      let rows = 0;
      const binary = await timeIt(15, async () => {
        const d = decodeHistogramColumns(await (await fetch(url(`/api/histograms?${q}`))).arrayBuffer());
        rows = d.rows.length / 3;
      });
      let jsonBytes = 0;
      const json = await timeIt(15, async () => {
        const text = await (await fetch(url(`/api/histograms?${q}&format=json`))).text();
        jsonBytes = text.length;
        JSON.parse(text);
      });
      const binBytes = (await (await fetch(url(`/api/histograms?${q}`))).arrayBuffer()).byteLength;
      const dist = await timeIt(15, async () => (await fetch(url(`/api/distributions?${q}`))).json());
      const scalars = await timeIt(15, async () => (await fetch(url(`/api/scalars?run=${encodeURIComponent(runs[1]!.name)}&tag=loss`))).json());
      const series = runs[1]!.reader.data.histograms.get(TAG)!;
      const buildJson = await timeIt(10, async () => JSON.stringify(histogramJsonBody(runs[1]!.name, series)));
      const buildBinary = await timeIt(10, async () => histogramBinaryBody(series));
      console.log(`\n  API, one tag's whole series (${rows} rows; budget 200 ms):`);
      console.log(line('server body, baseline: TensorBoard-shaped JSON', buildJson));
      console.log(line('server body, binary columnar', buildBinary, buildJson));
      console.log(line(`baseline: TensorBoard-shaped JSON (${(jsonBytes / 1e6).toFixed(2)} MB)`, json));
      console.log(line(`histograms, binary columnar (${(binBytes / 1e6).toFixed(2)} MB)`, binary, json));
      console.log(line('distributions (server-side compressor, cached)', dist));
      console.log(line('scalars (loss)', scalars));

      const browser = await launchChromium();
      try {
        const view = `#/histograms?tag=${encodeURIComponent(TAG)}`;
        const drawnMark = (page: Page, name: string): Promise<number> =>
          page.evaluate((n) => performance.getEntriesByName(n).at(-1)?.startTime ?? NaN, `decaylab:${name}:drawn`);
        const floor: number[] = [];
        const fresh: number[] = [];
        const freshWall: number[] = [];
        const inPage: number[] = [];
        for (let i = 0; i < 7; i++) {
          const page = await browser.context.newPage();
          await page.goto(`${board.url}#/runs`);
          await waitRendered(page, 'runs');
          floor.push(await drawnMark(page, 'runs'));
          await page.close();
          const p2 = await browser.context.newPage();
          const t0 = performance.now();
          await p2.goto(`${board.url}${view}`);
          await waitRendered(p2, 'histograms');
          freshWall.push(performance.now() - t0);
          fresh.push(await drawnMark(p2, 'histograms'));
          inPage.push(await switchTag(p2, OTHER_TAG));
          await p2.close();
        }
        console.log(`\n  Chromium, navigation start → view drawn (performance marks; 2 runs × 1000 steps of one tag; budget 1000 ms):`);
        console.log(line('baseline: runs table (no series fetched)', summarize(floor)));
        console.log(line('histograms view, fresh page load', summarize(fresh)));
        console.log(line('histograms view, tag switch in an open page', summarize(inPage)));
        console.log(line('histograms view, fresh page (wall clock incl. new tab)', summarize(freshWall)));
        const worst = Math.max(...fresh);
        console.log(`  within budget: API ${binary.worst < 200 ? 'yes' : 'NO'} (worst ${binary.worst.toFixed(0)} ms); view ${worst < 1000 ? 'yes' : 'NO'} (worst ${worst.toFixed(0)} ms)`);
        console.log(`  (load average during the run: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${availableParallelism()} cores)`);
      } finally {
        await browser.close();
      }
    } finally {
      await board.close();
    }
  } finally {
    rmSync(logDir, { recursive: true, force: true });
    rmSync(appDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runDashboardBench();
