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
import { runCardsView, type TagCard, tagCard } from './run-cards.js';
import type { ViewFactory } from './view.js';

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
  const canvas = h('canvas', { class: 'distribution-canvas' });
  const table = h('dl', { class: 'stats bps' });
  return { ...tagCard(run, tag, 'distribution-card', canvas, table), canvas, table, data: null, selected: -1 };
}

/** The distributions view. */
export const createDistributionsView: ViewFactory = (root, first) =>
  runCardsView(root, first, {
    name: 'distributions',
    modes: false,
    newCard,
    load: (ctx, run, tag) => ctx.store.distribution(run, tag),
    stepsOf: (d) => d.steps,
    draw: (card, d, { run, ctx, selectedStep, width }) => {
      card.data = d;
      card.selected = indexOfStep(d.steps, selectedStep);
      const layout = drawDistribution(card.canvas, d, { color: ctx.colors.of(run.name), width, height: 260, selected: card.selected });
      card.canvas.onmousemove = (ev) => fillTable(card, stepIndexAt(d, layout, ev.offsetX));
      card.canvas.onmouseleave = () => fillTable(card, card.selected);
      fillTable(card, card.selected);
    },
  });
