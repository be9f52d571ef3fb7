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
import { renderStats } from './histogram-stats.js';
import { runCardsView, type TagCard, tagCard } from './run-cards.js';
import type { ViewFactory } from './view.js';

interface Card extends TagCard {
  canvas: HTMLCanvasElement;
  stats: HTMLElement;
}

function newCard(run: string, tag: string): Card {
  const canvas = h('canvas', { class: 'histogram-canvas' });
  const stats = h('dl', { class: 'stats' });
  return { ...tagCard(run, tag, 'histogram-card', canvas, stats), canvas, stats };
}

/** The histograms view. */
export const createHistogramsView: ViewFactory = (root, first) => {
  // A series is re-binned for drawing once, the first time it is drawn.
  const views = new WeakMap<DecodedHistogramColumns, HistogramView>();
  const viewOf = (d: DecodedHistogramColumns): HistogramView => {
    let v = views.get(d);
    if (v === undefined) {
      v = buildHistogramView(d);
      views.set(d, v);
    }
    return v;
  };
  return runCardsView(root, first, {
    name: 'histograms',
    modes: true,
    newCard,
    load: (ctx, run, tag) => ctx.store.histograms(run, tag),
    stepsOf: (d) => d.steps,
    draw: (card, d, { run, ctx, selectedStep, width }) => {
      const selected = indexOfStep(d.steps, selectedStep);
      drawHistogramView(card.canvas, viewOf(d), { mode: ctx.state.mode, selected, color: ctx.colors.of(run.name), width, height: ctx.state.mode === 'offset' ? 340 : 260 });
      renderStats(card.stats, selected >= 0 ? pointStats(d, selected) : null);
    },
  });
};
