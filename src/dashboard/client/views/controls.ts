/**
 * Toolbar widgets shared by the views. Each is created once and then synced with the state on
 * every update (never rebuilt, so a slider keeps working while it is dragged): tag picker, mode
 * switch, step slider; plus small helpers (tag lists, run labels, run error notes).
 */
import type { RunInfo } from '../../shared/api-types.js';
import { formatValue } from '../../shared/format.js';
import { h } from '../dom.js';
import { naturalCompare as naturalOrder } from '../../shared/natural-order.js';


/** The histogram tags of `runs`, in natural order (`linears.2` before `linears.10`). */
export function histogramTagsOf(runs: readonly RunInfo[]): string[] {
  return [...new Set(runs.flatMap((r) => r.histogramTags))].sort(naturalOrder);
}

/** The tag to show: `wanted` when some run has it, else the first one. */
export function pickTag(tags: readonly string[], wanted: string | null): string | null {
  if (wanted !== null && tags.includes(wanted)) return wanted;
  return tags[0] ?? null;
}

/** A synced control. */
export interface Control<A extends unknown[]> {
  el: HTMLElement;
  sync(...args: A): void;
}

/** A labelled `<select>` of tags. */
export function tagPicker(onChange: (tag: string) => void): Control<[tags: readonly string[], value: string | null]> {
  const sel = h('select', { class: 'tag-select', onChange: () => onChange(sel.value) });
  let shown = '';
  return {
    el: h('label', { class: 'control' }, 'Tag ', sel),
    sync(tags, value) {
      const key = tags.join('\u0000');
      if (key !== shown) {
        shown = key;
        sel.replaceChildren(...tags.map((t) => h('option', { text: t, attrs: { value: t } })));
      }
      sel.value = value ?? '';
    },
  };
}

/** Two toggle buttons for offset / overlay mode. */
export function modeSwitch(onChange: (m: 'offset' | 'overlay') => void): Control<[mode: 'offset' | 'overlay']> {
  const button = (m: 'offset' | 'overlay', label: string): HTMLButtonElement =>
    h('button', { class: 'toggle', text: label, dataset: { mode: m }, attrs: { type: 'button' }, onClick: () => onChange(m) });
  const buttons = [button('offset', 'Offset'), button('overlay', 'Overlay')];
  return {
    el: h('span', { class: 'control mode-switch' }, 'Mode ', ...buttons),
    sync(mode) {
      for (const b of buttons) {
        const on = b.dataset.mode === mode;
        b.classList.toggle('on', on);
        b.setAttribute('aria-pressed', String(on));
      }
    },
  };
}

/** A step slider: the index moves, the label shows the step; `onInput` gets the step. */
export function stepSlider(onInput: (step: number) => void): Control<[steps: ArrayLike<number>, index: number]> {
  let steps: ArrayLike<number> = [];
  const label = h('span', { class: 'step-label' });
  const input = h('input', {
    class: 'step-slider',
    attrs: { type: 'range', min: '0', max: '0', step: '1', value: '0', 'aria-label': 'step' },
    onInput: () => {
      const i = Number(input.value);
      if (i >= steps.length) return;
      label.textContent = `step ${formatValue(steps[i]!)}`;
      onInput(steps[i]!);
    },
  });
  return {
    el: h('label', { class: 'control slider' }, input, label),
    sync(s, index) {
      steps = s;
      input.max = String(Math.max(0, s.length - 1));
      input.value = String(Math.max(0, index));
      input.disabled = s.length === 0;
      label.textContent = s.length > 0 && index >= 0 ? `step ${formatValue(s[index]!)}` : '';
    },
  };
}

/** The read problems of a run, as a warning line (null when there are none). */
export function runErrorNote(run: RunInfo): HTMLElement | null {
  if (run.errors.length === 0) return null;
  const e = run.errors[0]!;
  const more = run.errors.length > 1 ? ` (and ${run.errors.length - 1} more)` : '';
  return h('div', { class: 'run-error', text: `⚠ run ${run.name}: ${e.message} [${e.kind}]${more} — showing the data read before it.`, dataset: { run: run.name } });
}

/** The notes of all `runs` with errors, as one element. */
export function runErrorNotes(runs: readonly RunInfo[]): HTMLElement {
  return h('div', { class: 'notes' }, ...runs.map(runErrorNote));
}

/** A colored dot and the run name. */
export function runLabel(run: string, color: string): HTMLElement {
  const swatch = h('span', { class: 'swatch' });
  swatch.style.background = color;
  return h('span', { class: 'run-label' }, swatch, run);
}
