/**
 * Scalars: one card per scalar tag (filtered by the tag regex) with the filtered runs overlaid,
 * a shared toolbar (smoothing slider, x axis, y scale, tag filter), per card a table of each
 * run's last point (value and smoothed value) and CSV/JSON downloads.
 */
import type uPlot from 'uplot';
import type { RunInfo } from '../../shared/api-types.js';
import { formatValue } from '../../shared/format.js';
import { smoothScalars } from '../../shared/smoothing.js';
import { clear, h, select } from '../dom.js';
import { type RunSeries, download, fileNameOf, scalarsCsv, scalarsJson } from '../downloads.js';
import { type ViewState, nameFilter } from '../url-state.js';
import { runErrorNotes, runLabel } from './controls.js';
import { drawScalarChart } from './scalar-chart.js';
import { RenderTracker, settle, type ViewContext, type ViewFactory } from './view.js';
import { naturalCompare as naturalOrder } from '../../shared/natural-order.js';


interface Card {
  el: HTMLElement;
  chart: HTMLElement;
  readout: HTMLElement;
  table: HTMLTableSectionElement;
  plot: uPlot | null;
  series: RunSeries[];
}

function toolbar(getCtx: () => ViewContext): { el: HTMLElement; sync(state: ViewState): void } {
  const set = (patch: Partial<ViewState>, mode: 'push' | 'replace' = 'push'): void => getCtx().setState(patch, mode);
  const value = h('span', { class: 'smoothing-value' });
  const slider = h('input', {
    class: 'smoothing',
    attrs: { type: 'range', min: '0', max: '0.99', step: '0.01', 'aria-label': 'smoothing' },
    onInput: () => set({ smoothing: Number(slider.value) }, 'replace'),
  });
  const xAxis = select([{ value: 'step', label: 'step' }, { value: 'relative', label: 'relative' }, { value: 'wall', label: 'wall time' }], 'step', (v) => set({ xAxis: v === 'wall' ? 'wall' : v === 'relative' ? 'relative' : 'step' }), 'x-axis');
  const yScale = select([{ value: 'linear', label: 'linear' }, { value: 'log', label: 'log' }], 'linear', (v) => set({ yScale: v === 'log' ? 'log' : 'linear' }), 'y-scale');
  const tagFilter = h('input', {
    class: 'tag-filter',
    attrs: { type: 'search', placeholder: 'filter tags (regex)', 'aria-label': 'tag filter' },
    onInput: () => set({ tagFilter: tagFilter.value }, 'replace'),
  });
  return {
    el: h('div', { class: 'toolbar' }, h('label', { class: 'control' }, 'Smoothing ', slider, value), h('label', { class: 'control' }, 'X ', xAxis), h('label', { class: 'control' }, 'Y ', yScale), tagFilter),
    sync(s) {
      slider.value = String(s.smoothing);
      value.textContent = s.smoothing.toFixed(2);
      xAxis.value = s.xAxis;
      yScale.value = s.yScale;
      if (tagFilter.value !== s.tagFilter) tagFilter.value = s.tagFilter;
    },
  };
}

function newCard(tag: string): Card {
  const table = h('tbody');
  const card: Card = {
    el: h('div'),
    chart: h('div', { class: 'chart' }),
    readout: h('div', { class: 'readout' }),
    table,
    plot: null,
    series: [],
  };
  const csv = h('button', { class: 'download-csv', text: 'CSV', attrs: { type: 'button' }, onClick: () => download(`${fileNameOf(tag)}.csv`, scalarsCsv(card.series), 'text/csv') });
  const json = h('button', { class: 'download-json', text: 'JSON', attrs: { type: 'button' }, onClick: () => download(`${fileNameOf(tag)}.json`, scalarsJson(tag, card.series), 'application/json') });
  card.el = h(
    'section',
    { class: 'card scalar-card', dataset: { tag } },
    h('header', {}, h('h3', { text: tag }), h('span', { class: 'actions' }, csv, json)),
    card.chart,
    card.readout,
    h('table', { class: 'values' }, h('thead', {}, h('tr', {}, h('th', { text: 'run' }), h('th', { text: 'step' }), h('th', { text: 'value' }), h('th', { text: 'smoothed' }))), table),
  );
  return card;
}

function fillTable(card: Card, ctx: ViewContext, failures: { run: string; message: string }[]): void {
  clear(card.table);
  for (const { run, data } of card.series) {
    const n = data.values.length;
    const smoothed = smoothScalars(data.values, ctx.state.smoothing);
    card.table.appendChild(
      h(
        'tr',
        { dataset: { run } },
        h('td', {}, runLabel(run, ctx.colors.of(run))),
        h('td', { class: 'step', text: n > 0 ? formatValue(data.steps[n - 1]!) : '' }),
        h('td', { class: 'value', text: n > 0 ? formatValue(data.values[n - 1]!) : '' }),
        h('td', { class: 'smoothed', text: n > 0 ? formatValue(smoothed[n - 1]!) : '' }),
      ),
    );
  }
  for (const f of failures) card.table.appendChild(h('tr', { class: 'failed', dataset: { run: f.run } }, h('td', { text: f.run }), h('td', { text: f.message, attrs: { colspan: '3' } })));
}

/** The scalars view. */
export const createScalarsView: ViewFactory = (root, first) => {
  const tracker = new RenderTracker(root, 'scalars');
  let current = first;
  const bar = toolbar(() => current);
  const notes = h('div', { class: 'notes' });
  const grid = h('div', { class: 'cards' });
  root.append(bar.el, notes, grid);
  const cards = new Map<string, Card>();

  async function drawCard(card: Card, tag: string, runs: RunInfo[], ctx: ViewContext, token: number): Promise<void> {
    const results = await settle(runs.map((r) => ctx.store.scalars(r, tag)));
    if (!tracker.isCurrent(token)) return;
    card.series = results.flatMap((x, k) => ('value' in x ? [{ run: runs[k]!.name, data: x.value }] : []));
    const failures = results.flatMap((x, k) => ('error' in x ? [{ run: runs[k]!.name, message: x.error }] : []));
    const width = Math.max(280, card.chart.clientWidth || 480);
    const settings = { smoothing: ctx.state.smoothing, xAxis: ctx.state.xAxis, yScale: ctx.state.yScale, width, height: 240 };
    const chartSeries = card.series.map((x) => ({ ...x, color: ctx.colors.of(x.run) }));
    card.plot = drawScalarChart(card.chart, chartSeries, settings, card.plot, (text) => (card.readout.textContent = text));
    fillTable(card, ctx, failures);
  }

  const update = (ctx: ViewContext): void => {
    current = ctx;
    const token = tracker.begin();
    bar.sync(ctx.state);
    clear(notes);
    const tagFilter = nameFilter(ctx.state.tagFilter);
    if (tagFilter.error !== null) notes.appendChild(h('div', { class: 'filter-error', text: `tag filter: ${tagFilter.error}` }));
    notes.appendChild(runErrorNotes(ctx.runs));
    grid.querySelectorAll('.empty').forEach((e) => e.remove());
    const tags = [...new Set(ctx.runs.flatMap((r) => r.scalarTags))].filter((t) => tagFilter.test(t)).sort(naturalOrder);
    for (const [tag, card] of cards) {
      if (tags.includes(tag)) continue;
      card.plot?.destroy();
      card.el.remove();
      cards.delete(tag);
    }
    if (tags.length === 0) grid.replaceChildren(h('p', { class: 'empty', text: ctx.runs.length === 0 ? 'No runs match the run filter.' : 'No scalar tags.' }));
    const draws = tags.map((tag) => {
      let card = cards.get(tag);
      if (card === undefined) {
        card = newCard(tag);
        cards.set(tag, card);
      }
      grid.appendChild(card.el);
      return drawCard(card, tag, ctx.runs.filter((r) => r.scalarTags.includes(tag)), ctx, token);
    });
    void Promise.all(draws).then(() => tracker.done(token));
  };
  update(first);
  return {
    update,
    destroy: () => {
      for (const c of cards.values()) c.plot?.destroy();
      root.replaceChildren();
    },
  };
};
