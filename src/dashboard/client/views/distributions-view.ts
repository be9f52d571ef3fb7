/**
 * Distributions: for one histogram tag, a card per filtered run with TensorBoard's percentile
 * bands over steps (values at basis points 0, 668, 1587, 3085, 5000, 6915, 8413, 9332, 10000,
 * computed by the server with TensorBoard's compressor) and the values at the selected step (the
 * slider's, or the one under the mouse).
 */
import { formatValue } from '../../shared/format.js';
import type { DistributionData } from '../api-client.js';
import { drawDistribution, stepIndexAt } from '../distribution-canvas.js';
import { h } from '../dom.js';
import { indexOfStep } from '../histogram-model.js';
import { histogramTagsOf, pickTag, runErrorNotes, stepSlider, tagPicker } from './controls.js';
import { unionSteps } from './histogram-stats.js';
import { RunCards, type TagCard, settle, showLoadError } from './run-cards.js';
import { RenderTracker, type ViewContext, type ViewFactory } from './view.js';

interface Card extends TagCard {
  canvas: HTMLCanvasElement;
  table: HTMLElement;
  data: DistributionData | null;
  selected: number;
}

function fillTable(card: Card, index: number): void {
  const d = card.data;
  if (d === null || index < 0) {
    card.table.replaceChildren();
    return;
  }
  const k = d.bps.length;
  card.table.replaceChildren(
    h('dt', { text: 'step' }),
    h('dd', { text: formatValue(d.steps[index]!), dataset: { field: 'step' } }),
    ...d.bps.flatMap((bp, j) => [h('dt', { text: `${bp / 100}%` }), h('dd', { text: formatValue(d.values[index * k + j]!), dataset: { bp: String(bp) } })]),
  );
}

function newCard(run: string, tag: string): Card {
  const card: Card = {
    el: h('div'),
    title: h('span', { class: 'subtitle' }),
    canvas: h('canvas', { class: 'distribution-canvas' }),
    table: h('dl', { class: 'stats bps' }),
    message: h('div', { class: 'message' }),
    data: null,
    selected: -1,
  };
  card.el = h('section', { class: 'card distribution-card', dataset: { run, tag } }, h('header', {}, h('h3', {}, run), card.title), card.canvas, card.table, card.message);
  return card;
}

/** The distributions view. */
export const createDistributionsView: ViewFactory = (root, first) => {
  const tracker = new RenderTracker(root, 'distributions');
  let current = first;
  const tagSel = tagPicker((tag) => current.setState({ tag, step: null }));
  const slider = stepSlider((step) => current.setState({ step }, 'replace'));
  const notes = h('div');
  const grid = h('div', { class: 'cards' });
  root.append(h('div', { class: 'toolbar' }, tagSel.el, slider.el), notes, grid);
  const cards = new RunCards(grid, newCard);

  const update = (ctx: ViewContext): void => {
    current = ctx;
    const token = tracker.begin();
    const tags = histogramTagsOf(ctx.runs);
    const tag = pickTag(tags, ctx.state.tag);
    tagSel.sync(tags, tag);
    notes.replaceChildren(runErrorNotes(ctx.runs));
    const list = cards.sync(ctx.runs, tag, ctx.colors, 'No histogram tags in the runs shown.');
    if (tag === null) {
      slider.sync([], -1);
      tracker.done(token);
      return;
    }
    void settle(list.map(({ run }) => ctx.store.distribution(run, tag))).then((loaded) => {
      if (!tracker.isCurrent(token)) return;
      const steps = unionSteps(loaded.flatMap((x) => ('value' in x ? [x.value.steps] : [])));
      const selectedStep = steps.length > 0 ? steps[indexOfStep(steps, ctx.state.step)]! : null;
      slider.sync(steps, indexOfStep(steps, ctx.state.step));
      loaded.forEach((x, k) => {
        const { run, card } = list[k]!;
        if (showLoadError(card, tag, run.name, x) || !('value' in x)) return;
        const d = x.value;
        card.data = d;
        card.selected = indexOfStep(d.steps, selectedStep);
        const width = Math.max(300, card.el.clientWidth - 24);
        const layout = drawDistribution(card.canvas, d, { color: ctx.colors.of(run.name), width, height: 260, selected: card.selected });
        card.canvas.onmousemove = (ev) => fillTable(card, stepIndexAt(d, layout, ev.offsetX));
        card.canvas.onmouseleave = () => fillTable(card, card.selected);
        fillTable(card, card.selected);
      });
      tracker.done(token);
    });
  };
  update(first);
  return { update, destroy: () => root.replaceChildren() };
};
