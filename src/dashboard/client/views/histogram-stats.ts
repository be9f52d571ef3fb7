/** The statistics line of one histogram step (min, max, mean, std, count, L2 norm), as a `<dl>` with `data-field` cells. */
import { formatValue } from '../../shared/format.js';
import { h } from '../dom.js';
import type { PointStats } from '../histogram-model.js';

/** Fills `el` with the statistics of a step. */
export function renderStats(el: HTMLElement, s: PointStats | null): void {
  if (s === null) {
    el.replaceChildren();
    return;
  }
  const item = (field: string, label: string, value: number): HTMLElement[] => [h('dt', { text: label }), h('dd', { text: formatValue(value), dataset: { field } })];
  el.replaceChildren(
    ...item('step', 'step', s.step),
    ...item('min', 'min', s.min),
    ...item('max', 'max', s.max),
    ...item('mean', s.estimated ? 'mean≈' : 'mean', s.mean),
    ...item('std', s.estimated ? 'std≈' : 'std', s.std),
    ...item('count', 'count', s.count),
    ...item('norm', s.estimated ? '‖x‖₂≈' : '‖x‖₂', s.norm),
  );
}

/** The sorted union of several step arrays. */
export function unionSteps(all: readonly ArrayLike<number>[]): Float64Array {
  const set = new Set<number>();
  for (const steps of all) for (let i = 0; i < steps.length; i++) set.add(steps[i]!);
  return Float64Array.from([...set].sort((a, b) => a - b));
}
