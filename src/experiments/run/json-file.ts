/**
 * Reading the JSON files of a run or batch folder back (run.json, trace.json, experiment.json):
 * parsed, validated against the file's schema, or a {@link RunFolderError} naming the file and
 * the first problem.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { RunFolderError } from '../errors.js';

/** `true` when `A` is assignable to `B`: a compile-time check that a schema produces its type. */
export type Assignable<A, B> = [A] extends [B] ? true : false;

/** Parses JSON text of a file at `path`; null when the file does not exist; a {@link RunFolderError} names the file when it is not JSON. */
export function readJsonFile(path: string): unknown | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'ENOENT') return null;
    throw e;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new RunFolderError(`not valid JSON (${e instanceof Error ? e.message : String(e)})`, path);
  }
}

/**
 * Reads `path` and validates it with `schema`; null when the file does not exist. A file that does
 * not match is a {@link RunFolderError} `not <what>: <key path, or (root)>: <problem>`.
 */
export function readValidatedJson<S extends z.ZodType>(path: string, schema: S, what: string): z.output<S> | null {
  const data = readJsonFile(path);
  if (data === null) return null;
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RunFolderError(`not ${what}: ${issue.path.join('.') || '(root)'}: ${issue.message}`, path);
  }
  return parsed.data;
}
