/**
 * The views of one card per run for one histogram tag (histograms, distributions), built by
 * {@link runCardsView}: the tag toolbar, then a card per run that has the tag, kept across updates
 * (so canvases are redrawn, not rebuilt), in the runs' order, each titled with the run's color and
 * its number of steps. Every run's series is loaded ({@link settle}); a failure shows on its card.
 */
import type { RunInfo } from '../../shared/api-types.js';
import { h } from '../dom.js';
import type { RunColors } from '../run-colors.js';
import { runLabel } from './controls.js';
import { tagToolbar } from './tag-toolbar.js';
import { RenderTracker, type Settled, settle, type View, type ViewContext } from './view.js';

/** What every card has. */
export interface TagCard {
  el: HTMLElement;
  title: HTMLElement;
  message: HTMLElement;
}

/** A card's frame: `<section class="card <kind>">` headed by the run's name and the title line, then `body`, then the message line. */
export function tagCard(run: string, tag: string, kind: string, ...body: HTMLElement[]): TagCard {
  const title = h('span', { class: 'subtitle' });
  const message = h('div', { class: 'message' });
  const el = h('section', { class: `card ${kind}`, dataset: { run, tag } }, h('header', {}, h('h3', {}, run), title), ...body, message);
  return { el, title, message };
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

/** Where and how a loaded series is drawn on its card. */
export interface CardDrawing {
  readonly run: RunInfo;
  readonly ctx: ViewContext;
  /** The slider's step (null when no run has a step). */
  readonly selectedStep: number | null;
  /** The drawing's width in CSS pixels: the card's inner width, at least 300. */
  readonly width: number;
}

/** What a view of one card per run supplies. */
export interface RunCardsSpec<C extends TagCard, D> {
  /** The view's name (its `decaylab:<name>:drawn` mark). */
  readonly name: string;
  /** Whether the toolbar has the offset/overlay switch. */
  readonly modes: boolean;
  readonly newCard: (run: string, tag: string) => C;
  /** Loads a run's series of `tag`. */
  readonly load: (ctx: ViewContext, run: RunInfo, tag: string) => Promise<D>;
  /** The steps of a loaded series (the slider shows their union). */
  readonly stepsOf: (data: D) => ArrayLike<number>;
  /** Draws a loaded series on its card. */
  readonly draw: (card: C, data: D, at: CardDrawing) => void;
}

/** Mounts a view of one card per run inside `root` (see the module comment). */
export function runCardsView<C extends TagCard, D>(root: HTMLElement, first: ViewContext, spec: RunCardsSpec<C, D>): View {
  const tracker = new RenderTracker(root, spec.name);
  const toolbar = tagToolbar(first, spec.modes);
  const grid = h('div', { class: 'cards' });
  root.append(toolbar.bar, toolbar.notes, grid);
  const cards = new RunCards(grid, spec.newCard);

  const update = (ctx: ViewContext): void => {
    const token = tracker.begin();
    const tag = toolbar.sync(ctx);
    const list = cards.sync(ctx.runs, tag, ctx.colors, 'No histogram tags in the runs shown.');
    if (tag === null) {
      toolbar.selectStep([], null);
      tracker.done(token);
      return;
    }
    void settle(list.map(({ run }) => spec.load(ctx, run, tag))).then((loaded) => {
      if (!tracker.isCurrent(token)) return;
      const selectedStep = toolbar.selectStep(loaded.flatMap((x) => ('value' in x ? [spec.stepsOf(x.value)] : [])), ctx.state.step);
      loaded.forEach((x, k) => {
        const { run, card } = list[k]!;
        if (showLoadError(card, tag, run.name, x) || !('value' in x)) return;
        spec.draw(card, x.value, { run, ctx, selectedStep, width: Math.max(300, card.el.clientWidth - 24) });
      });
      tracker.done(token);
    });
  };
  update(first);
  return { update, destroy: () => root.replaceChildren() };
}
