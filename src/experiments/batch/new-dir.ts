/** Fresh folder names for batches that are never resumed (demo, run): `<prefix>-<date>-<time>`. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** `YYYYMMDD-HHMMSS` in local time. */
export function timeStamp(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** A folder under `logdir` that does not exist yet: `<prefix>-<stamp>`, then `-2`, `-3`… */
export function newBatchDir(logdir: string, prefix: string, now = new Date()): string {
  const base = join(logdir, `${prefix}-${timeStamp(now)}`);
  let dir = base;
  for (let i = 2; existsSync(dir); i++) dir = `${base}-${i}`;
  return dir;
}
