/**
 * The top of every view of one histogram tag (histograms, distributions, compare): a toolbar with
 * the tag picker, the offset/overlay switch (in views that have modes) and the step slider, then
 * the runs' read-error notes. The picker and switch write the URL state; the slider's step is the
 * one every card shows.
 */
import { h } from '../dom.js';
import { indexOfStep } from '../histogram-model.js';
import { histogramTagsOf, modeSwitch, pickTag, runErrorNotes, stepSlider, tagPicker } from './controls.js';
import { unionSteps } from './histogram-stats.js';
import type { ViewContext } from './view.js';

/** A view's tag toolbar and notes. */
export interface TagToolbar {
  /** The toolbar: tag picker, mode switch, step slider. */
  readonly bar: HTMLElement;
  /** The runs' read-error notes. */
  readonly notes: HTMLElement;
  /** Syncs the toolbar and notes with `ctx`; returns the tag to show (null when no run has a histogram tag). */
  sync(ctx: ViewContext): string | null;
  /**
   * Points the slider at the sorted union of `steps` and returns the selected step: the one of
   * the state at or before `wanted` ({@link indexOfStep}), the last when `wanted` is null, null
   * when there are no steps.
   */
  selectStep(steps: readonly ArrayLike<number>[], wanted: number | null): number | null;
}

/** Creates the toolbar; `modes` adds the offset/overlay switch. */
export function tagToolbar(first: ViewContext, modes: boolean): TagToolbar {
  let current = first;
  const tagSel = tagPicker((tag) => current.setState({ tag, step: null }));
  const mode = modes ? modeSwitch((m) => current.setState({ mode: m }, 'replace')) : null;
  const slider = stepSlider((step) => current.setState({ step }, 'replace'));
  const notes = h('div');
  return {
    bar: h('div', { class: 'toolbar' }, tagSel.el, mode?.el, slider.el),
    notes,
    sync(ctx) {
      current = ctx;
      const tags = histogramTagsOf(ctx.runs);
      const tag = pickTag(tags, ctx.state.tag);
      tagSel.sync(tags, tag);
      mode?.sync(ctx.state.mode);
      notes.replaceChildren(runErrorNotes(ctx.runs));
      return tag;
    },
    selectStep(steps, wanted) {
      const all = unionSteps(steps);
      const index = indexOfStep(all, wanted);
      slider.sync(all, index);
      return index >= 0 ? all[index]! : null;
    },
  };
}
