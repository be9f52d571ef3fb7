/**
 * tensorboardX's `_clean_tag`: every character outside `[-/\w.]` (Python's Unicode `\w`: letters,
 * digits, underscore) becomes `_`, then leading `/` are stripped. Dots are kept, so
 * `linears.0.weight_data` stays as it is.
 */
const INVALID_TAG_CHARACTERS = /[^-/\p{L}\p{N}_.]/gu;

/** The tag tensorboardX would write for `name`. */
export function cleanTag(name: string): string {
  return name.replace(INVALID_TAG_CHARACTERS, '_').replace(/^\/+/, '');
}
