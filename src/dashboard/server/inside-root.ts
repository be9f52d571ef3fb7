/**
 * Containment checks on resolved paths: the server reads only what lies under the real path of
 * the log dir (symlinks resolved), so a folder swapped for a symlink to `/etc` is refused.
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';

/** Whether the real path `real` is `root` or lies below it (both already resolved). */
export function isInside(root: string, real: string): boolean {
  const rel = relative(root, real);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The real path of `path` when it lies under `root`, else null (also null when it does not exist). */
export function realPathInside(root: string, path: string): string | null {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return null;
  }
  return isInside(root, real) ? real : null;
}
