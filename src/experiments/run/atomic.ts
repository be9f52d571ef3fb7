/**
 * Atomic file replacement: write a temporary file beside the target, then rename it over the
 * target. A reader, or a process killed at any point, sees the old file or the new one, never half
 * of one. (No fsync: this guards against killed processes, not against power loss, and an fsync
 * per file would cost more than a short run's training.)
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

let counter = 0;

/** Writes `text` to `path` atomically (creating the folder if needed). */
export function writeFileAtomic(path: string, text: string): void {
  writeFileAtomicBytes(path, text);
}

/** Writes bytes (or text, as UTF-8) to `path` atomically (creating the folder if needed). */
export function writeFileAtomicBytes(path: string, content: Uint8Array | string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${counter++}`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      // Two calls because writeSync's string and buffer overloads do not accept the union.
      if (typeof content === 'string') writeSync(fd, content);
      else writeSync(fd, content);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * {@link writeFileAtomic} of `value` as JSON plus a newline: indented by default; `compact` writes
 * one line with non-integer numbers rounded to 9 significant digits (enough for every float32
 * value to read back exactly), for bulky curves.
 */
export function writeJsonAtomic(path: string, value: unknown, compact = false): void {
  const text = compact ? JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(9)) : v)) : JSON.stringify(value, null, 2);
  writeFileAtomic(path, `${text}\n`);
}
