/** Globs on dotted parameter names. */

/** A glob as a RegExp: `*` matches any run of characters (dots included), everything else itself. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}
