/** A tiny DOM builder: `h('div', {class: 'card'}, child, 'text')`. */

/** Properties {@link h} understands. */
export interface Props {
  class?: string;
  text?: string;
  title?: string;
  attrs?: Readonly<Record<string, string>>;
  dataset?: Readonly<Record<string, string>>;
  onClick?: (ev: MouseEvent) => void;
  onInput?: (ev: Event) => void;
  onChange?: (ev: Event) => void;
}

/** A child: a node, text, or nothing. */
export type Child = Node | string | null | undefined | false;

/** Creates an element with `props` and `children`. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class !== undefined) el.className = props.class;
  if (props.text !== undefined) el.textContent = props.text;
  if (props.title !== undefined) el.title = props.title;
  for (const [k, v] of Object.entries(props.attrs ?? {})) el.setAttribute(k, v);
  for (const [k, v] of Object.entries(props.dataset ?? {})) el.dataset[k] = v;
  const base: HTMLElement = el;
  if (props.onClick !== undefined) base.addEventListener('click', props.onClick);
  if (props.onInput !== undefined) base.addEventListener('input', props.onInput);
  if (props.onChange !== undefined) base.addEventListener('change', props.onChange);
  append(el, ...children);
  return el;
}

/** Appends children (skipping null/false). */
export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/** Removes every child of `el`. */
export function clear(el: Node): void {
  while (el.firstChild !== null) el.removeChild(el.firstChild);
}

/** A `<select>` of `options` with `value` selected. */
export function select(options: readonly { value: string; label: string }[], value: string, onChange: (v: string) => void, cls = ''): HTMLSelectElement {
  const el = h('select', { class: cls, onChange: () => onChange(el.value) });
  for (const o of options) {
    const opt = h('option', { text: o.label, attrs: { value: o.value } });
    if (o.value === value) opt.selected = true;
    el.appendChild(opt);
  }
  return el;
}
