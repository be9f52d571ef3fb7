/**
 * Runs / HParams: a table of the filtered runs with their hyperparameters and final metrics
 * (columns in runs-table.ts), sortable by clicking a header (again to reverse) and filterable by
 * text; sort and filter are kept in the URL. Runs with read problems list them under the table.
 */
import { h } from '../dom.js';
import { runErrorNotes, runLabel } from './controls.js';
import { runColumns, sortedRows } from './runs-table.js';
import { RenderTracker, type ViewContext, type ViewFactory } from './view.js';

/** The runs view. */
export const createRunsView: ViewFactory = (root, first) => {
  const tracker = new RenderTracker(root, 'runs');
  let current = first;
  const filter = h('input', {
    class: 'row-filter',
    attrs: { type: 'search', placeholder: 'filter rows (text)', 'aria-label': 'row filter' },
    onInput: () => current.setState({ rowFilter: filter.value }, 'replace'),
  });
  const count = h('span', { class: 'count' });
  const table = h('table', { class: 'runs-table' });
  const notes = h('div');
  root.append(h('div', { class: 'toolbar' }, filter, count), h('div', { class: 'table-scroll' }, table), notes);

  const update = (ctx: ViewContext): void => {
    current = ctx;
    const token = tracker.begin();
    if (filter.value !== ctx.state.rowFilter) filter.value = ctx.state.rowFilter;
    const columns = runColumns(ctx.runs);
    const rows = sortedRows(ctx.runs, columns, ctx.state.sort, ctx.state.desc, ctx.state.rowFilter);
    count.textContent = `${rows.length} of ${ctx.runs.length} runs`;
    const head = h(
      'tr',
      {},
      ...columns.map((c) => {
        const sorted = c.id === ctx.state.sort;
        return h('th', {
          text: `${c.label}${sorted ? (ctx.state.desc ? ' ▼' : ' ▲') : ''}`,
          dataset: { col: c.id },
          attrs: { 'aria-sort': sorted ? (ctx.state.desc ? 'descending' : 'ascending') : 'none' },
          onClick: () => ctx.setState({ sort: c.id, desc: sorted ? !ctx.state.desc : false }, 'replace'),
        });
      }),
    );
    const body = rows.map((r) =>
      h(
        'tr',
        { dataset: { run: r.name }, class: r.errors.length > 0 ? 'has-error' : '' },
        ...columns.map((c) => {
          const cell = c.cell(r);
          return h('td', { dataset: { col: c.id } }, c.id === 'run' ? runLabel(r.name, ctx.colors.of(r.name)) : cell.text);
        }),
      ),
    );
    table.replaceChildren(h('thead', {}, head), h('tbody', {}, ...body));
    notes.replaceChildren(runErrorNotes(ctx.runs));
    tracker.done(token);
  };
  update(first);
  return { update, destroy: () => root.replaceChildren() };
};
