/**
 * End-to-end: the built app in real Chromium (Debian's /usr/bin/chromium via playwright-core)
 * against runs trained by the experiments layer (the article's model, weight decay 0.01 vs 0.1)
 * plus a run with a corrupt record. Every view must draw its data (pixels of the run's color on
 * the canvases) and show the numbers that are in the files (read independently with the events
 * reader); the run filter, smoothing, histogram mode, step slider, CSV download, URL state and
 * live pick-up of a new run are exercised. Screenshots go to test-output/dashboard/.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressHistogram } from '../events/histogram/tensorboard-view.js';
import { loadLogDir } from '../events/reader/log-dir.js';
import type { RunData } from '../events/reader/run-data.js';
import { DEMO_DEFAULTS, demoPlan } from '../experiments/demo/demo-plan.js';
import { runExperiment } from '../experiments/run/run-experiment.js';
import type { RunRecord } from '../experiments/run/run-record.js';
import { startBoard, type BoardHandle } from './server/start-board.js';
import { formatValue } from './shared/format.js';
import { smoothScalars } from './shared/smoothing.js';
import { type TestBrowser, launchChromium } from './test-support/browser.js';
import { buildDashboardApp } from './test-support/build-app.js';
import { canvasPixels, colorPixels, runColor, screenshot, waitRendered } from './test-support/page-probes.js';
import { SummaryWriter } from '../events/writer/summary-writer.js';
import { appendCorruptRecord, eventFileOf, writeSyntheticRun } from './test-support/runs.js';

const TAG = 'linears.0.weight_data';
const ITERATIONS = 60;
let logDir: string;
let board: BoardHandle;
let browser: TestBrowser;
let page: Page;
let data: Map<string, RunData>;
const records = new Map<string, RunRecord>();
const pageErrors: string[] = [];

const text = async (selector: string): Promise<string> => (await page.locator(selector).first().textContent())?.trim() ?? '';
const lastOf = (a: ArrayLike<number>): number => a[a.length - 1]!;
const scalarValues = (run: string, tag = 'loss'): Float64Array => data.get(run)!.scalars.get(tag)!.values;
const histogram = (run: string, tag = TAG) => data.get(run)!.histograms.get(tag)!;

async function open(hash: string, view: string): Promise<void> {
  await page.goto(`${board.url}${hash}`);
  await waitRendered(page, view);
}

beforeAll(async () => {
  logDir = mkdtempSync(join(tmpdir(), 'decaylab-e2e-'));
  for (const p of demoPlan({ ...DEMO_DEFAULTS, iterations: ITERATIONS })) {
    records.set(p.name, await runExperiment(p.config, { dir: join(logDir, p.name), name: p.name, hparams: p.hparams }));
  }
  const broken = writeSyntheticRun(logDir, 'broken', { steps: 12, seed: 5 });
  appendCorruptRecord(eventFileOf(broken.dir));
  data = loadLogDir(logDir, { strict: false }).runs;
  const app = join(logDir, '..', `${logDir.split('/').pop()}-app`);
  await buildDashboardApp(app);
  board = await startBoard({ logDir, port: 0, reloadIntervalMs: 250, appDir: app });
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await board?.close();
  rmSync(logDir, { recursive: true, force: true });
  rmSync(`${logDir}-app`, { recursive: true, force: true });
});

describe('dashboard in Chromium', () => {
  it('scalars: every run drawn in its color, last value and smoothed value as in the files', async () => {
    await open('#/scalars', 'scalars');
    const card = 'section.scalar-card[data-tag="loss"]';
    for (const run of ['wd=0.01', 'wd=0.1']) {
      const values = scalarValues(run);
      expect(await text(`${card} tr[data-run="${run}"] td.value`)).toBe(formatValue(lastOf(values)));
      expect(await text(`${card} tr[data-run="${run}"] td.step`)).toBe(String(ITERATIONS - 1));
      expect(await text(`${card} tr[data-run="${run}"] td.smoothed`)).toBe(formatValue(lastOf(smoothScalars(values, 0.6))));
    }
    await screenshot(page, 'scalars');
    const colors = new Map<string, [number, number, number]>();
    for (const run of ['wd=0.01', 'wd=0.1']) colors.set(run, await runColor(page, run));
    expect(colors.get('wd=0.01')).not.toEqual(colors.get('wd=0.1'));
    // The runs' curves nearly coincide (same seed, 60 steps): check each run's pixels on its own.
    for (const run of ['wd=0.01', 'wd=0.1']) {
      await open(`#/scalars?runs=${encodeURIComponent(`^${run.replace('.', '\\.')}$`)}`, 'scalars');
      const [pixels] = await colorPixels(page, `${card} .uplot canvas`, await runColor(page, run));
      expect(pixels, `pixels of ${run}`).toBeGreaterThan(200);
      expect(await runColor(page, run)).toEqual(colors.get(run));
      // the probe tells colors apart: the other run, filtered out, has no pixels here
      const other = colors.get(run === 'wd=0.1' ? 'wd=0.01' : 'wd=0.1')!;
      expect((await colorPixels(page, `${card} .uplot canvas`, other))[0]).toBeLessThan(10);
    }
  });

  it('scalars: the smoothing slider changes the curve and the smoothed values', async () => {
    await open('#/scalars', 'scalars');
    const card = 'section.scalar-card[data-tag="loss"]';
    const before = await canvasPixels(page, `${card} .uplot canvas`);
    await page.locator('input.smoothing').fill('0.95');
    await waitRendered(page, 'scalars');
    const values = scalarValues('wd=0.1');
    expect(await text(`${card} tr[data-run="wd=0.1"] td.smoothed`)).toBe(formatValue(lastOf(smoothScalars(values, 0.95))));
    expect(await canvasPixels(page, `${card} .uplot canvas`)).not.toBe(before);
    expect(page.url()).toContain('smoothing=0.95');
    await page.locator('input.smoothing').fill('0');
    await waitRendered(page, 'scalars');
    expect(await text(`${card} tr[data-run="wd=0.1"] td.smoothed`)).toBe(formatValue(lastOf(values)));
  });

  it('scalars: log y and wall-time x still draw the runs', async () => {
    await open('#/scalars?y=log&x=wall&runs=%5Ewd%3D0%5C.01%24', 'scalars');
    const [pixels] = await colorPixels(page, 'section.scalar-card[data-tag="loss"] .uplot canvas', await runColor(page, 'wd=0.01'));
    expect(pixels).toBeGreaterThan(200);
    expect(await page.locator('select.y-scale').inputValue()).toBe('log');
  });

  it('scalars: CSV download holds every point of every run', async () => {
    await open('#/scalars?runs=%5Ewd%3D', 'scalars');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('section.scalar-card[data-tag="loss"] button.download-csv').click()]);
    expect(download.suggestedFilename()).toBe('loss.csv');
    const lines = readFileSync(await download.path(), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('run,wall_time,step,value');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.length).toBe(2 * ITERATIONS);
    const mine = rows.filter((r) => r[0] === 'wd=0.1').map((r) => Number(r[3]));
    expect(mine).toEqual(Array.from(scalarValues('wd=0.1')));
  });

  it('run filter: a regular expression on run names, kept in the URL', async () => {
    await open('#/scalars', 'scalars');
    await page.locator('input.run-filter').fill('^wd=0\\.1$');
    await page.waitForFunction(() => document.querySelectorAll('ul.run-list li').length === 1);
    await waitRendered(page, 'scalars');
    expect(await page.locator('ul.run-list li').getAttribute('data-run')).toBe('wd=0.1');
    expect(await page.locator('section.scalar-card[data-tag="loss"] tbody tr').count()).toBe(1);
    expect(decodeURIComponent(page.url())).toContain('runs=^wd=0\\.1$');
    await page.locator('input.run-filter').fill('(');
    await page.waitForFunction(() => document.querySelectorAll('ul.run-list li').length === 0);
    expect(await page.locator('input.run-filter').getAttribute('class')).toContain('invalid');
  });

  it('histograms: both modes drawn, statistics of the selected step as in the files, every step selectable', async () => {
    await open(`#/histograms?tag=${TAG}`, 'histograms');
    for (const run of ['wd=0.01', 'wd=0.1']) {
      const card = `section.histogram-card[data-run="${run}"]`;
      const h = histogram(run);
      const i = h.length - 1;
      expect(await text(`${card} dd[data-field="step"]`)).toBe(String(ITERATIONS - 1));
      expect(await text(`${card} dd[data-field="min"]`)).toBe(formatValue(h.min[i]!));
      expect(await text(`${card} dd[data-field="max"]`)).toBe(formatValue(h.max[i]!));
      expect(await text(`${card} dd[data-field="count"]`)).toBe(formatValue(h.num[i]!));
      expect(await text(`${card} dd[data-field="norm"]`)).toBe(formatValue(Math.sqrt(h.sumSquares[i]!)));
      expect(await text(`${card} header`)).toContain(`${ITERATIONS} steps`);
      const [pixels] = await colorPixels(page, `${card} canvas`, await runColor(page, run));
      expect(pixels, `ridges of ${run}`).toBeGreaterThan(300);
    }
    await screenshot(page, 'histograms');
    const offset = await canvasPixels(page, 'section.histogram-card[data-run="wd=0.1"] canvas');
    await page.locator('button.toggle[data-mode="overlay"]').click();
    await waitRendered(page, 'histograms');
    expect(await page.locator('button.toggle[data-mode="overlay"]').getAttribute('aria-pressed')).toBe('true');
    expect(page.url()).toContain('mode=overlay');
    expect(await canvasPixels(page, 'section.histogram-card[data-run="wd=0.1"] canvas')).not.toBe(offset);
    expect((await colorPixels(page, 'section.histogram-card[data-run="wd=0.1"] canvas', await runColor(page, 'wd=0.1')))[0]).toBeGreaterThan(300);
    await screenshot(page, 'histograms-overlay');
    await page.locator('input.step-slider').fill('17');
    await waitRendered(page, 'histograms');
    const h = histogram('wd=0.01');
    expect(await text('section.histogram-card[data-run="wd=0.01"] dd[data-field="step"]')).toBe(formatValue(h.steps[17]!));
    expect(await text('section.histogram-card[data-run="wd=0.01"] dd[data-field="min"]')).toBe(formatValue(h.min[17]!));
    expect(page.url()).toContain(`step=${h.steps[17]}`);
  });

  it('distributions: bands drawn, values at the basis points as TensorBoard computes them', async () => {
    await open(`#/distributions?tag=${TAG}`, 'distributions');
    for (const run of ['wd=0.01', 'wd=0.1']) {
      const card = `section.distribution-card[data-run="${run}"]`;
      const h = histogram(run);
      const expected = compressHistogram(h.rowsAt(h.length - 1));
      const shown = await page.locator(`${card} dd[data-bp]`).allTextContents();
      expect(shown).toEqual(Array.from(expected, formatValue));
      const [pixels] = await colorPixels(page, `${card} canvas`, await runColor(page, run));
      expect(pixels).toBeGreaterThan(1000);
    }
    await screenshot(page, 'distributions');
  });

  it('compare: runs side by side with weight-norm curves and the norms of the files', async () => {
    await open(`#/compare?tag=${TAG}&compare=${encodeURIComponent('wd=0.01')},${encodeURIComponent('wd=0.1')}`, 'compare');
    expect(await page.locator('section.compare-card').count()).toBe(2);
    for (const run of ['wd=0.01', 'wd=0.1']) {
      const h = histogram(run);
      expect(await text(`table.compare-stats tr[data-run="${run}"] td[data-field="norm"]`)).toBe(formatValue(Math.sqrt(lastOf(h.sumSquares))));
      const color = await runColor(page, run);
      expect((await colorPixels(page, `section.compare-card[data-run="${run}"] canvas`, color))[0]).toBeGreaterThan(300);
      expect((await colorPixels(page, '.norm-chart .uplot canvas', color))[0], `norm curve of ${run}`).toBeGreaterThan(100);
      expect((await colorPixels(page, 'canvas.step-overlay-canvas', color))[0]).toBeGreaterThan(50);
    }
    await screenshot(page, 'compare');
    await page.locator('.run-chooser input[value="broken"]').check();
    await waitRendered(page, 'compare');
    expect(await page.locator('section.compare-card').count()).toBe(3);
  });

  it('runs: hyperparameters and final metrics from run.json and the files, sortable and filterable', async () => {
    await open('#/runs', 'runs');
    for (const run of ['wd=0.01', 'wd=0.1']) {
      const row = `table.runs-table tr[data-run="${run}"]`;
      const record = records.get(run)!;
      expect(await text(`${row} td[data-col="hp:weightDecay"]`)).toBe(formatValue(record.config.optimizer.weightDecay));
      expect(await text(`${row} td[data-col="last:loss"]`)).toBe(formatValue(lastOf(scalarValues(run))));
      expect(await text(`${row} td[data-col="result:lastLoss"]`)).toBe(formatValue(record.result!.lastLoss));
      expect(await text(`${row} td[data-col="result:totalNorm"]`)).toBe(formatValue(record.result!.totalNorm));
      expect(await text(`${row} td[data-col="status"]`)).toBe('done');
    }
    expect(await text('table.runs-table tr[data-run="broken"] td[data-col="status"]')).toBe('read error');
    await screenshot(page, 'runs');
    const order = async (): Promise<string[]> => (await page.locator('table.runs-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-run') ?? ''))).filter((r) => r.startsWith('wd=') && !r.includes('/'));
    await page.locator('th[data-col="hp:weightDecay"]').click();
    await waitRendered(page, 'runs');
    expect(await order()).toEqual(['wd=0.01', 'wd=0.1']);
    await page.locator('th[data-col="hp:weightDecay"]').click();
    await waitRendered(page, 'runs');
    expect(await order()).toEqual(['wd=0.1', 'wd=0.01']);
    expect(page.url()).toContain('desc=1');
    await page.locator('input.row-filter').fill('broken');
    await waitRendered(page, 'runs');
    expect(await page.locator('table.runs-table tbody tr').count()).toBe(1);
  });

  it('a shared URL reproduces the view: tag, mode and step', async () => {
    const other = await browser.context.newPage();
    try {
      await other.goto(`${board.url}#/histograms?tag=linears.2.weight_data&mode=overlay&step=20`);
      await waitRendered(other, 'histograms');
      expect(await other.locator('select.tag-select').inputValue()).toBe('linears.2.weight_data');
      expect(await other.locator('button.toggle[data-mode="overlay"]').getAttribute('aria-pressed')).toBe('true');
      expect(await other.locator('section.histogram-card[data-run="wd=0.1"] dd[data-field="step"]').textContent()).toBe('20');
    } finally {
      await other.close();
    }
  });

  it('a corrupt event file shows an error for its run while its earlier data and the other runs work', async () => {
    await open('#/scalars', 'scalars');
    const note = page.locator('.run-error[data-run="broken"]').first();
    expect(await note.textContent()).toMatch(/data-crc/);
    expect(await page.locator('ul.run-list li[data-run="broken"] .error-badge').count()).toBe(1);
    expect(await text('section.scalar-card[data-tag="loss"] tr[data-run="broken"] td.step')).toBe('11');
    expect(await text('section.scalar-card[data-tag="loss"] tr[data-run="wd=0.1"] td.step')).toBe(String(ITERATIONS - 1));
  });

  it('a run added while the page is open appears, and its new events too', async () => {
    await open('#/scalars', 'scalars');
    const writer = new SummaryWriter({ logDir: join(logDir, 'late') });
    const losses = [3, 2.5, 2.25, 2, 1.75, 1.5];
    const row = 'section.scalar-card[data-tag="loss"] tr[data-run="late"]';
    try {
      for (let s = 0; s < 3; s++) writer.addScalar('loss', losses[s]!, s);
      writer.flush();
      await page.waitForSelector('ul.run-list li[data-run="late"]', { timeout: 10_000 });
      await page.waitForSelector(`${row} td.value`, { timeout: 10_000 });
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === '2', `${row} td.step`, { timeout: 10_000 });
      for (let s = 3; s < 6; s++) writer.addScalar('loss', losses[s]!, s);
      writer.flush();
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === '5', `${row} td.step`, { timeout: 10_000 });
    } finally {
      writer.close();
    }
    await waitRendered(page, 'scalars');
    expect(await text(`${row} td.value`)).toBe('1.5');
    expect((await colorPixels(page, 'section.scalar-card[data-tag="loss"] .uplot canvas', await runColor(page, 'late')))[0]).toBeGreaterThan(50);
    expect(pageErrors.join('\n')).toBe('');
  });

  it('a board started on a log dir that does not exist yet says it waits, then shows the runs written into it', async () => {
    const later = join(`${logDir}-later`, 'logs');
    const app = join(logDir, '..', `${logDir.split('/').pop()}-app`);
    const waiting = await startBoard({ logDir: later, port: 0, reloadIntervalMs: 250, appDir: app });
    try {
      await page.goto(`${waiting.url}#/runs`);
      await page.waitForSelector('header .logdir.waiting', { timeout: 10_000 });
      expect(await text('header .logdir')).toBe(`${later} — waiting for this folder to be created`);
      writeSyntheticRun(later, 'first', { steps: 5, seed: 9 });
      await page.waitForSelector('ul.run-list li[data-run="first"]', { timeout: 10_000 });
      await page.waitForSelector('header .logdir:not(.waiting)', { timeout: 10_000 });
      expect(await text('header .logdir')).toBe(later);
      await screenshot(page, 'waiting-log-dir-appeared');
    } finally {
      await waiting.close();
      rmSync(`${logDir}-later`, { recursive: true, force: true });
    }
    expect(pageErrors.join('\n')).toBe('');
  });
});
