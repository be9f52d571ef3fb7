/**
 * The app shell: header with the view tabs, the run sidebar, and the current view. The state is
 * the URL hash (url-state.ts); every change of state or data re-renders: the sidebar is synced and
 * the view updated in place (or replaced when the user switches views).
 */
import { h } from './dom.js';
import { createSidebar } from './sidebar.js';
import { RunColors } from './run-colors.js';
import { Store } from './store.js';
import { VIEWS, type ViewName, type ViewState, formatHash, nameFilter, parseHash } from './url-state.js';
import type { View, ViewContext, ViewFactory } from './views/view.js';

/** Each view is its own chunk, loaded when first shown (the histograms view does not load uPlot). */
const LOADERS: Record<ViewName, () => Promise<ViewFactory>> = {
  scalars: async () => (await import('./views/scalars-view.js')).createScalarsView,
  histograms: async () => (await import('./views/histograms-view.js')).createHistogramsView,
  distributions: async () => (await import('./views/distributions-view.js')).createDistributionsView,
  compare: async () => (await import('./views/compare-view.js')).createCompareView,
  runs: async () => (await import('./views/runs-view.js')).createRunsView,
};

const TITLES: Record<ViewName, string> = { scalars: 'Scalars', histograms: 'Histograms', distributions: 'Distributions', compare: 'Compare', runs: 'Runs / HParams' };

/** Mounts the dashboard into `root` and starts polling the server. */
export function startApp(root: HTMLElement): void {
  const store = new Store();
  const colors = new RunColors();
  let state: ViewState = parseHash(location.hash);
  let view: View | null = null;
  let viewName: ViewName | null = null;
  let ctx: ViewContext | null = null;

  const setState = (patch: Partial<ViewState>, mode: 'push' | 'replace' = 'push'): void => {
    state = { ...state, ...patch };
    const hash = formatHash(state);
    if (hash !== location.hash) {
      if (mode === 'push') history.pushState(null, '', hash);
      else history.replaceState(null, '', hash);
    }
    render();
  };

  const sidebar = createSidebar((text) => setState({ runFilter: text }, 'replace'));
  const tabs = VIEWS.map((v) => ({ view: v, el: h('a', { class: 'tab', text: TITLES[v], dataset: { view: v } }) }));
  const logDir = h('span', { class: 'logdir' });
  const main = h('main', { class: 'main' }, h('p', { class: 'loading', text: 'Loading runs…' }));
  root.replaceChildren(h('header', { class: 'top' }, h('h1', { text: 'decaylab board' }), h('nav', { class: 'tabs' }, ...tabs.map((t) => t.el)), logDir), h('div', { class: 'body' }, sidebar.el, main));

  function render(): void {
    const all = store.runs?.runs ?? [];
    for (const r of all) colors.of(r.name); // colors follow the server's run order, whatever the filter
    const filter = nameFilter(state.runFilter);
    const runs = all.filter((r) => filter.test(r.name));
    sidebar.sync(all, runs, state.runFilter, filter, colors, store.pollError);
    logDir.textContent = store.runs === null ? '' : store.runs.waitingForLogDir ? `${store.runs.logDir} — waiting for this folder to be created` : store.runs.logDir;
    logDir.classList.toggle('waiting', store.runs?.waitingForLogDir === true);
    for (const t of tabs) {
      t.el.href = formatHash({ ...state, view: t.view });
      t.el.classList.toggle('active', t.view === state.view);
    }
    if (store.runs === null) return;
    ctx = { store, state, colors, runs, setState };
    if (viewName !== state.view) {
      view?.destroy();
      view = null;
      const name = state.view;
      const section = h('section', { class: 'view', dataset: { view: name, rendered: '0' } });
      main.replaceChildren(section);
      viewName = name;
      LOADERS[name]().then(
        (create) => {
          if (viewName === name && view === null && ctx !== null) view = create(section, ctx);
        },
        (e: unknown) => section.replaceChildren(h('p', { class: 'message', text: `Cannot load the ${name} view: ${e instanceof Error ? e.message : String(e)}` })),
      );
    } else {
      view?.update(ctx);
    }
  }

  const fromLocation = (): void => {
    state = parseHash(location.hash);
    render();
  };
  window.addEventListener('hashchange', fromLocation);
  window.addEventListener('popstate', fromLocation);
  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(render, 150);
  });
  store.onChange(render);
  // Fetch the first view's code while the run list loads (it is needed right after).
  LOADERS[state.view]().catch(() => undefined);
  void store.start();
}
