/**
 * Compare: two or more runs side by side for one histogram tag — the article's "weight decay 0.01
 * vs 0.1" at a glance. The runs' histograms share one x range and one count scale, so a narrower
 * distribution really looks narrower; below them, the selected step of every run on one pair of
 * axes, the L2 norm of the tag over steps per run, and a table of the selected step's statistics.
 * Runs are chosen with checkboxes (default: the first two runs that have the tag).
 */
import type uPlot from 'uplot';
import type { RunInfo } from '../../shared/api-types.js';
import { formatValue } from '../../shared/format.js';
import type { DecodedHistogramColumns } from '../../shared/histogram-codec.js';
import { h } from '../dom.js';
import { drawHistogramView, drawStepOverlay, drawnRidges } from '../histogram-canvas.js';
import { buildHistogramView, indexOfStep, pointStats, seriesRange, unionRange } from '../histogram-model.js';
import { runLabel } from './controls.js';
import { renderStats } from './histogram-stats.js';
import { drawNormChart } from './norm-chart.js';
import { tagToolbar } from './tag-toolbar.js';
import { RenderTracker, settle, type ViewContext, type ViewFactory } from './view.js';

/** The runs to compare: the chosen ones that have the tag, else the first two that have it. */
export function compareRuns(runs: readonly RunInfo[], tag: string, chosen: readonly string[]): RunInfo[] {
  const withTag = runs.filter((r) => r.histogramTags.includes(tag));
  const picked = withTag.filter((r) => chosen.includes(r.name));
  return picked.length > 0 ? picked : withTag.slice(0, 2);
}

function statsTable(rows: { run: string; color: string; d: DecodedHistogramColumns; index: number }[]): HTMLTableElement {
  const head = h('tr', {}, ...['run', 'step', '‖x‖₂', 'mean', 'std', 'min', 'max'].map((t) => h('th', { text: t })));
  const body = rows.map(({ run, color, d, index }) => {
    const s = pointStats(d, index);
    const cell = (field: string, v: number): HTMLElement => h('td', { text: formatValue(v), dataset: { field } });
    return h('tr', { dataset: { run } }, h('td', {}, runLabel(run, color)), cell('step', s.step), cell('norm', s.norm), cell('mean', s.mean), cell('std', s.std), cell('min', s.min), cell('max', s.max));
  });
  return h('table', { class: 'values compare-stats' }, h('thead', {}, head), h('tbody', {}, ...body));
}

/** The compare view. */
export const createCompareView: ViewFactory = (root, first) => {
  const tracker = new RenderTracker(root, 'compare');
  const toolbar = tagToolbar(first, true);
  const chooser = h('div', { class: 'run-chooser' });
  const side = h('div', { class: 'side-by-side' });
  const overlayCanvas = h('canvas', { class: 'step-overlay-canvas' });
  const overlayTitle = h('h3');
  const normTarget = h('div', { class: 'chart norm-chart' });
  const tableHolder = h('div');
  let normPlot: uPlot | null = null;
  root.append(
    toolbar.bar,
    chooser,
    toolbar.notes,
    side,
    h('div', { class: 'cards' }, h('section', { class: 'card step-overlay' }, overlayTitle, overlayCanvas), h('section', { class: 'card norms' }, h('h3', { text: '‖x‖₂ over steps' }), normTarget, tableHolder)),
  );

  const update = (ctx: ViewContext): void => {
    const token = tracker.begin();
    const tag = toolbar.sync(ctx);
    const runs = tag === null ? [] : compareRuns(ctx.runs, tag, ctx.state.compare);
    const names = runs.map((r) => r.name);
    chooser.replaceChildren(
      'Runs: ',
      ...ctx.runs
        .filter((r) => tag !== null && r.histogramTags.includes(tag))
        .map((r) => {
          const box = h('input', { attrs: { type: 'checkbox', value: r.name }, onChange: () => ctx.setState({ compare: box.checked ? [...names, r.name] : names.filter((n) => n !== r.name) }) });
          box.checked = names.includes(r.name);
          return h('label', { class: 'run-choice' }, box, runLabel(r.name, ctx.colors.of(r.name)));
        }),
    );
    if (tag === null || runs.length === 0) {
      side.replaceChildren(h('p', { class: 'empty', text: 'No histogram tags in the runs shown.' }));
      tracker.done(token);
      return;
    }
    void settle(runs.map((r) => ctx.store.histograms(r, tag))).then((results) => {
      if (!tracker.isCurrent(token)) return;
      const loaded = results.map((x, k) => ({ run: runs[k]!, ...x }));
      const ok = loaded.flatMap((x) => ('value' in x ? [{ run: x.run.name, color: ctx.colors.of(x.run.name), d: x.value }] : []));
      const range = unionRange(ok.map((x) => seriesRange(x.d)));
      const views = ok.map((x) => buildHistogramView(x.d, range));
      const height = ctx.state.mode === 'offset' ? 320 : 240;
      const maxCount = Math.max(0, ...views.map((v) => v.maxOver(drawnRidges(v, { mode: ctx.state.mode, selected: -1, height }))));
      const selectedStep = toolbar.selectStep(ok.map((x) => x.d.steps), ctx.state.step);
      side.style.gridTemplateColumns = `repeat(${Math.max(1, loaded.length)}, minmax(0, 1fr))`;
      const width = Math.max(260, Math.floor((side.clientWidth || 900) / Math.max(1, loaded.length)) - 28);
      const indices = ok.map((x) => indexOfStep(x.d.steps, selectedStep));
      side.replaceChildren(
        ...loaded.map((x) => {
          const card = h('section', { class: 'card compare-card', dataset: { run: x.run.name, tag } }, h('header', {}, h('h3', {}, runLabel(x.run.name, ctx.colors.of(x.run.name)))));
          if ('error' in x) {
            card.appendChild(h('div', { class: 'message', text: `Cannot load ${tag} of ${x.run.name}: ${x.error}` }));
            return card;
          }
          const k = ok.findIndex((o) => o.run === x.run.name);
          const canvas = h('canvas', { class: 'histogram-canvas' });
          const stats = h('dl', { class: 'stats' });
          drawHistogramView(canvas, views[k]!, { mode: ctx.state.mode, selected: indices[k]!, color: ok[k]!.color, width, height, maxCount });
          renderStats(stats, pointStats(ok[k]!.d, indices[k]!));
          card.append(canvas, stats);
          return card;
        }),
      );
      overlayTitle.textContent = `${tag} at step ${selectedStep === null ? '–' : formatValue(selectedStep)}`;
      const wide = Math.max(300, (root.clientWidth || 900) / 2 - 40);
      drawStepOverlay(overlayCanvas, views.map((view, k) => ({ view, index: indices[k]!, color: ok[k]!.color })), wide, 240);
      normPlot = drawNormChart(normTarget, ok.map((x) => ({ run: x.run, color: x.color, data: x.d })), wide, normPlot);
      tableHolder.replaceChildren(statsTable(ok.map((x, k) => ({ ...x, index: indices[k]! }))));
      tracker.done(token);
    });
  };
  update(first);
  return {
    update,
    destroy: () => {
      normPlot?.destroy();
      root.replaceChildren();
    },
  };
};
