/**
 * Finding runs and event files as TensorBoard does (`io_wrapper`): a file is an event file when
 * its name contains `tfevents` (and does not end in `.profile-empty`); every folder under the log
 * dir holding one is a run, named by its path relative to the log dir (`.` for the log dir
 * itself, `/` as separator); a run's files are read in lexicographic order (= creation order).
 */
import { type Dirent, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Whether TensorBoard would read `name` as an event file of summaries. */
export function isEventFileName(name: string): boolean {
  return name.includes('tfevents') && !name.endsWith('.profile-empty');
}

function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    if (e instanceof Error && 'code' in e && (e.code === 'ENOENT' || e.code === 'ENOTDIR')) return [];
    throw e;
  }
}

/** The event files of one run folder (not its subfolders), sorted. */
export function listEventFiles(runDir: string): string[] {
  return entries(runDir)
    .filter((e) => e.isFile() && isEventFileName(e.name))
    .map((e) => e.name)
    .sort()
    .map((name) => join(runDir, name));
}

/** Every run under `logDir`: run name → folder. A missing log dir has no runs. */
export function discoverRuns(logDir: string): Map<string, string> {
  const runs = new Map<string, string>();
  const walk = (dir: string, rel: string): void => {
    const list = entries(dir);
    if (list.some((e) => e.isFile() && isEventFileName(e.name))) runs.set(rel === '' ? '.' : rel, dir);
    for (const e of list.filter((x) => x.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      walk(join(dir, e.name), rel === '' ? e.name : `${rel}/${e.name}`);
    }
  };
  walk(logDir, '');
  return runs;
}
