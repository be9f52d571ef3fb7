/** The run sidebar: the run filter (a regular expression, kept in the URL) and the matching runs with their colors and read problems. */
import type { RunInfo } from '../shared/api-types.js';
import { h } from './dom.js';
import type { RunColors } from './run-colors.js';
import type { NameFilter } from './url-state.js';
import { runLabel } from './views/controls.js';

/** The sidebar element and its sync function. */
export interface Sidebar {
  el: HTMLElement;
  sync(all: readonly RunInfo[], shown: readonly RunInfo[], filterText: string, filter: NameFilter, colors: RunColors, pollError: string | null): void;
}

/** Creates the sidebar; `onFilter` gets the new filter text. */
export function createSidebar(onFilter: (text: string) => void): Sidebar {
  const input = h('input', {
    class: 'run-filter',
    attrs: { type: 'search', placeholder: 'filter runs (regex)', 'aria-label': 'run filter', spellcheck: 'false' },
    onInput: () => onFilter(input.value),
  });
  const error = h('div', { class: 'filter-error' });
  const list = h('ul', { class: 'run-list' });
  const count = h('div', { class: 'count' });
  const poll = h('div', { class: 'poll-error' });
  return {
    el: h('aside', { class: 'sidebar' }, h('h2', { text: 'Runs' }), input, error, list, count, poll),
    sync(all, shown, filterText, filter, colors, pollError) {
      if (input.value !== filterText) input.value = filterText; // typing already put it in the state: no caret jump
      input.classList.toggle('invalid', filter.error !== null);
      error.textContent = filter.error === null ? '' : `invalid expression: ${filter.error}`;
      list.replaceChildren(
        ...shown.map((r) => {
          const item = h('li', { dataset: { run: r.name } }, runLabel(r.name, colors.of(r.name)));
          if (r.errors.length > 0) item.appendChild(h('span', { class: 'error-badge', text: '⚠', title: r.errors.map((e) => `${e.file}: ${e.message}`).join('\n') }));
          return item;
        }),
      );
      count.textContent = `${shown.length} of ${all.length} runs`;
      poll.textContent = pollError === null ? '' : `cannot reach the server: ${pollError}`;
    },
  };
}
