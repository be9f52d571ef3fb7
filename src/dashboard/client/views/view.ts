/**
 * What every view gets and provides. A view is created when the user navigates to it and is then
 * updated in place on every state or data change; it marks its root `data-rendered="1"` (and a
 * `decaylab:<view>:drawn` performance mark) once everything it shows is drawn with the current
 * data, which tests and the benchmark wait for.
 */
import type { RunInfo } from '../../shared/api-types.js';
import type { RunColors } from '../run-colors.js';
import type { Store } from '../store.js';
import type { ViewState } from '../url-state.js';

/** Inputs of a view. */
export interface ViewContext {
  store: Store;
  state: ViewState;
  colors: RunColors;
  /** Runs whose names match the run filter, in server order. */
  runs: RunInfo[];
  /** Changes the state: `push` adds a history entry, `replace` (sliders, typing) does not. */
  setState(patch: Partial<ViewState>, mode?: 'push' | 'replace'): void;
}

/** A mounted view. */
export interface View {
  update(ctx: ViewContext): void;
  destroy(): void;
}

/** Creates a view inside `root`. */
export type ViewFactory = (root: HTMLElement, ctx: ViewContext) => View;

/**
 * Tracks whether the latest update of a view is fully drawn: `begin()` returns a token and marks
 * the root not rendered; `done(token)` marks it rendered if no newer update began since.
 */
export class RenderTracker {
  private token = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly name: string,
  ) {
    root.dataset.rendered = '0';
  }

  begin(): number {
    this.root.dataset.rendered = '0';
    return ++this.token;
  }

  isCurrent(token: number): boolean {
    return token === this.token;
  }

  done(token: number): void {
    if (token !== this.token) return;
    this.root.dataset.rendered = '1';
    performance.mark(`decaylab:${this.name}:drawn`);
  }
}

/** The error text of a failed promise result. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A run's loaded series, or why it could not be loaded. */
export type Settled<T> = { value: T } | { error: string };

/** Waits for every promise (the runs' series of a view), keeping each value or error message. */
export function settle<T>(promises: readonly Promise<T>[]): Promise<Settled<T>[]> {
  return Promise.all(promises.map((p) => p.then((value): Settled<T> => ({ value }), (e: unknown): Settled<T> => ({ error: errorText(e) }))));
}
