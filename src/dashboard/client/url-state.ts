/**
 * The view state lives in the URL hash, `#/<view>?key=value&…`, so a view can be shared by
 * copying the address. Only values that differ from the defaults are written; unknown keys and
 * invalid values read as the defaults.
 */
import { DEFAULT_SMOOTHING } from '../shared/smoothing.js';

/** The dashboard's views. */
export const VIEWS = ['scalars', 'histograms', 'distributions', 'compare', 'runs'] as const;
/** One view. */
export type ViewName = (typeof VIEWS)[number];

/** Everything a view shows that a shared link must reproduce. */
export interface ViewState {
  view: ViewName;
  /** Regular expression on run names (empty: all runs). */
  runFilter: string;
  /** Regular expression on scalar tags (empty: all tags). */
  tagFilter: string;
  /** TensorBoard's EMA weight, 0 … 0.999. */
  smoothing: number;
  xAxis: 'step' | 'relative' | 'wall';
  yScale: 'linear' | 'log';
  /** Histogram tag of the histograms, distributions and compare views (null: the first one). */
  tag: string | null;
  mode: 'offset' | 'overlay';
  /** Selected step (null: the last one). */
  step: number | null;
  /** Runs of the compare view (empty: the first two shown). */
  compare: string[];
  /** Runs table: sort column and direction, and a text filter on the rows. */
  sort: string;
  desc: boolean;
  rowFilter: string;
}

/** The state of an empty hash. */
export const DEFAULT_STATE: Readonly<ViewState> = Object.freeze({
  view: 'scalars',
  runFilter: '',
  tagFilter: '',
  smoothing: DEFAULT_SMOOTHING,
  xAxis: 'step',
  yScale: 'linear',
  tag: null,
  mode: 'offset',
  step: null,
  compare: [],
  sort: 'run',
  desc: false,
  rowFilter: '',
});

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.find((a) => a === value) ?? fallback;
}

/** The state a hash (`#/view?…`) describes. */
export function parseHash(hash: string): ViewState {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = text.indexOf('?');
  const path = (q < 0 ? text : text.slice(0, q)).replace(/^\/+/, '');
  const p = new URLSearchParams(q < 0 ? '' : text.slice(q + 1));
  const num = (key: string): number | null => {
    const v = p.get(key);
    if (v === null || v.trim() === '') return null;
    const x = Number(v);
    return Number.isFinite(x) ? x : null;
  };
  const smoothing = num('smoothing');
  const list = p.get('compare');
  return {
    view: oneOf(path, VIEWS, DEFAULT_STATE.view),
    runFilter: p.get('runs') ?? '',
    tagFilter: p.get('tags') ?? '',
    smoothing: smoothing !== null && smoothing >= 0 && smoothing < 1 ? smoothing : DEFAULT_STATE.smoothing,
    xAxis: oneOf(p.get('x'), ['step', 'relative', 'wall'] as const, DEFAULT_STATE.xAxis),
    yScale: oneOf(p.get('y'), ['linear', 'log'] as const, DEFAULT_STATE.yScale),
    tag: p.get('tag'),
    mode: oneOf(p.get('mode'), ['offset', 'overlay'] as const, DEFAULT_STATE.mode),
    step: num('step'),
    compare: list === null || list === '' ? [] : list.split(',').map(decodeURIComponent),
    sort: p.get('sort') ?? DEFAULT_STATE.sort,
    desc: p.get('desc') === '1',
    rowFilter: p.get('filter') ?? '',
  };
}

/** The hash describing `s` (defaults left out). */
export function formatHash(s: ViewState): string {
  const p = new URLSearchParams();
  const d = DEFAULT_STATE;
  if (s.runFilter !== d.runFilter) p.set('runs', s.runFilter);
  if (s.tagFilter !== d.tagFilter) p.set('tags', s.tagFilter);
  if (s.smoothing !== d.smoothing) p.set('smoothing', String(s.smoothing));
  if (s.xAxis !== d.xAxis) p.set('x', s.xAxis);
  if (s.yScale !== d.yScale) p.set('y', s.yScale);
  if (s.tag !== null) p.set('tag', s.tag);
  if (s.mode !== d.mode) p.set('mode', s.mode);
  if (s.step !== null) p.set('step', String(s.step));
  if (s.compare.length > 0) p.set('compare', s.compare.map(encodeURIComponent).join(','));
  if (s.sort !== d.sort) p.set('sort', s.sort);
  if (s.desc) p.set('desc', '1');
  if (s.rowFilter !== d.rowFilter) p.set('filter', s.rowFilter);
  const query = p.toString();
  return `#/${s.view}${query === '' ? '' : `?${query}`}`;
}

/** A compiled run or tag filter; an invalid expression matches nothing and is reported. */
export interface NameFilter {
  test(name: string): boolean;
  error: string | null;
}

/** Compiles a filter expression (case-insensitive regular expression; empty matches everything). */
export function nameFilter(expression: string): NameFilter {
  if (expression === '') return { test: () => true, error: null };
  try {
    const re = new RegExp(expression, 'i');
    return { test: (name) => re.test(name), error: null };
  } catch (e) {
    return { test: () => false, error: e instanceof Error ? e.message : String(e) };
  }
}
