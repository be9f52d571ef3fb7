/**
 * Histograms: for one tag, a card per filtered run with the series drawn in offset (ridgeline)
 * or overlay mode, a step slider over every logged step (shared by the cards and kept in the URL)
 * and the selected step's statistics. Every step is fetched and selectable; only the drawing
 * picks a subset of ridges.
 */
import type { DecodedHistogramColumns } from '../../shared/histogram-codec.js';
import { h } from '../dom.js';
import { drawHistogramView } from '../histogram-canvas.js';
import { type HistogramView, buildHistogramView, indexOfStep, pointStats } from '../histogram-model.js';
import { histogramTagsOf, modeSwitch, pickTag, runErrorNotes, stepSlider, tagPicker } from './controls.js';
import { renderStats, unionSteps } from './histogram-stats.js';
import { RunCards, type TagCard, settle, showLoadError } from './run-cards.js';
import { RenderTracker, type ViewContext, type ViewFactory } from './view.js';

interface Card extends TagCard {
  canvas: HTMLCanvasElement;
  stats: HTMLElement;
}

function newCard(run: string, tag: string): Card {
  const card: Card = {
    el: h('div'),
    title: h('span', { class: 'subtitle' }),
    canvas: h('canvas', { class: 'histogram-canvas' }),
    stats: h('dl', { class: 'stats' }),
    message: h('div', { class: 'message' }),
  };
  card.el = h('section', { class: 'card histogram-card', dataset: { run, tag } }, h('header', {}, h('h3', {}, run), card.title), card.canvas, card.stats, card.message);
  return card;
}

/** The histograms view. */
export const createHistogramsView: ViewFactory = (root, first) => {
  const tracker = new RenderTracker(root, 'histograms');
  let current = first;
  const tagSel = tagPicker((tag) => current.setState({ tag, step: null }));
  const mode = modeSwitch((m) => current.setState({ mode: m }, 'replace'));
  const slider = stepSlider((step) => current.setState({ step }, 'replace'));
  const notes = h('div');
  const grid = h('div', { class: 'cards' });
  root.append(h('div', { class: 'toolbar' }, tagSel.el, mode.el, slider.el), notes, grid);
  const cards = new RunCards(grid, newCard);
  const views = new WeakMap<DecodedHistogramColumns, HistogramView>();

  const viewOf = (d: DecodedHistogramColumns): HistogramView => {
    let v = views.get(d);
    if (v === undefined) {
      v = buildHistogramView(d);
      views.set(d, v);
    }
    return v;
  };

  const update = (ctx: ViewContext): void => {
    current = ctx;
    const token = tracker.begin();
    const tags = histogramTagsOf(ctx.runs);
    const tag = pickTag(tags, ctx.state.tag);
    tagSel.sync(tags, tag);
    mode.sync(ctx.state.mode);
    notes.replaceChildren(runErrorNotes(ctx.runs));
    const list = cards.sync(ctx.runs, tag, ctx.colors, 'No histogram tags in the runs shown.');
    if (tag === null) {
      slider.sync([], -1);
      tracker.done(token);
      return;
    }
    void settle(list.map(({ run }) => ctx.store.histograms(run, tag))).then((loaded) => {
      if (!tracker.isCurrent(token)) return;
      const steps = unionSteps(loaded.flatMap((x) => ('value' in x ? [x.value.steps] : [])));
      const selectedStep = steps.length > 0 ? steps[indexOfStep(steps, ctx.state.step)]! : null;
      slider.sync(steps, indexOfStep(steps, ctx.state.step));
      loaded.forEach((x, k) => {
        const { run, card } = list[k]!;
        if (showLoadError(card, tag, run.name, x) || !('value' in x)) return;
        const selected = indexOfStep(x.value.steps, selectedStep);
        const width = Math.max(300, card.el.clientWidth - 24);
        drawHistogramView(card.canvas, viewOf(x.value), { mode: ctx.state.mode, selected, color: ctx.colors.of(run.name), width, height: ctx.state.mode === 'offset' ? 340 : 260 });
        renderStats(card.stats, selected >= 0 ? pointStats(x.value, selected) : null);
      });
      tracker.done(token);
    });
  };
  update(first);
  return { update, destroy: () => root.replaceChildren() };
};
