/**
 * The cards of the histograms and distributions views: one per run that has the shown tag, kept
 * across updates (so canvases are redrawn, not rebuilt), in the runs' order, each titled with the
 * run's color and its number of steps; plus {@link settle}, which loads every run's series and
 * keeps each failure to show on its card.
 */
import type { RunInfo } from '../../shared/api-types.js';
import { h } from '../dom.js';
import type { RunColors } from '../run-colors.js';
import { runLabel } from './controls.js';
import { errorText } from './view.js';

/** What every card has. */
export interface TagCard {
  el: HTMLElement;
  title: HTMLElement;
  message: HTMLElement;
}

/** A run's loaded series, or why it could not be loaded. */
export type Settled<T> = { value: T } | { error: string };

/** Waits for every promise, keeping each value or error message. */
export function settle<T>(promises: readonly Promise<T>[]): Promise<Settled<T>[]> {
  return Promise.all(promises.map((p) => p.then((value): Settled<T> => ({ value }), (e: unknown): Settled<T> => ({ error: errorText(e) }))));
}

/** The cards of one tag's runs inside `grid`. */
export class RunCards<C extends TagCard> {
  private readonly cards = new Map<string, C>();

  constructor(
    private readonly grid: HTMLElement,
    private readonly make: (run: string, tag: string) => C,
  ) {}

  /** Shows a card per run of `runs` having `tag`, in order, and drops the others; `empty` is shown when there is no tag. */
  sync(runs: readonly RunInfo[], tag: string | null, colors: RunColors, empty: string): { run: RunInfo; card: C }[] {
    const shown = tag === null ? [] : runs.filter((r) => r.histogramTags.includes(tag));
    const keys = new Set(shown.map((r) => `${r.name}\u0000${tag}`));
    for (const [key, card] of this.cards) {
      if (keys.has(key)) continue;
      card.el.remove();
      this.cards.delete(key);
    }
    if (tag === null) {
      this.grid.replaceChildren(h('p', { class: 'empty', text: empty }));
      return [];
    }
    this.grid.querySelectorAll('.empty').forEach((e) => e.remove());
    return shown.map((run) => {
      const key = `${run.name}\u0000${tag}`;
      let card = this.cards.get(key);
      if (card === undefined) {
        card = this.make(run.name, tag);
        this.cards.set(key, card);
      }
      card.title.replaceChildren(runLabel('', colors.of(run.name)), `${run.histogramLengths[tag] ?? 0} steps`);
      this.grid.appendChild(card.el);
      return { run, card };
    });
  }
}

/** The message of a card whose series failed to load (cleared when it loads). */
export function showLoadError(card: TagCard, tag: string, run: string, result: Settled<unknown>): boolean {
  if ('error' in result) {
    card.message.textContent = `Cannot load ${tag} of ${run}: ${result.error}`;
    return true;
  }
  card.message.textContent = '';
  return false;
}
