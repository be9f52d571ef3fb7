/**
 * The two sizes every study runs at: `full` (the study as documented in docs/studies.md) and
 * `small` (fewer and shorter runs on less data, for tests and quick looks; `--size small`, which
 * the core's study options call `quick`).
 */
import type { StudyOptions } from '../../study/types.js';

/** A study size. */
export type StudySize = 'small' | 'full';

/** The study sizes, in the order `--size` lists them. */
export const STUDY_SIZES: readonly StudySize[] = ['small', 'full'];

/** The size the options ask for. */
export function sizeOf(options: Pick<StudyOptions, 'quick'>): StudySize {
  return options.quick ? 'small' : 'full';
}

/** Seeds `0 … n−1` (a study's runs of one configuration differ only in `seed`). */
export function seedList(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
