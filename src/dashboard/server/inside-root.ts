/**
 * Containment checks on resolved paths: the server reads only what lies under the real path of
 * the log dir (symlinks resolved), so a folder swapped for a symlink to `/etc` is refused.
 *
 * The log dir may not exist yet when the board starts ("start the board, then train"). A path
 * that does not exist has no real path (`realpath` fails with ENOENT), so the root is resolved
 * by {@link resolveLogDirRoot} when the folder first exists — exactly what starting the board at
 * that moment would have resolved — and is then fixed for the board's lifetime: replacing the
 * folder later by a symlink elsewhere does not move the root.
 */
import { realpathSync, statSync } from 'node:fs';
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

/**
 * What a log dir path is right now:
 * - `folder`: it is a folder (possibly through symlinks) whose real path is `real`;
 * - `missing`: it does not exist yet (nor does the target of a dangling symlink), it may appear;
 * - `unusable`: it exists but cannot be a log dir (`reason`: a file, a path through a file, no permission).
 */
export type LogDirRoot = { kind: 'folder'; real: string } | { kind: 'missing' } | { kind: 'unusable'; reason: string };

function codeOf(e: unknown): string | null {
  return e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : null;
}

function unusable(e: unknown): LogDirRoot {
  const code = codeOf(e);
  if (code === 'ENOENT') return { kind: 'missing' };
  if (code === 'ENOTDIR') return { kind: 'unusable', reason: 'is not a folder: a part of its path is a file' };
  return { kind: 'unusable', reason: `cannot be read: ${e instanceof Error ? e.message : String(e)}` };
}

/**
 * Resolves the log dir `path` (see {@link LogDirRoot}). The real path is taken first and the
 * folder test is made on it, so the answer is about the folder that will be read.
 */
export function resolveLogDirRoot(path: string): LogDirRoot {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (e) {
    return unusable(e);
  }
  try {
    const st = statSync(real);
    if (st.isDirectory()) return { kind: 'folder', real };
    return { kind: 'unusable', reason: st.isFile() ? 'is a file, not a folder' : 'is not a folder' };
  } catch (e) {
    return unusable(e);
  }
}
