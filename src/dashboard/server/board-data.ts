/**
 * The log dir as the dashboard sees it, kept up to date by {@link BoardData.poll}: runs are found
 * as TensorBoard finds them (src/events `discoverRuns`, which never follows symlinks), each is read
 * incrementally by an events-layer `RunReader` (per-file offsets: only appended bytes are read,
 * a torn last record is retried on the next poll, a corrupt record stops that file and is
 * reported for its run), and each run folder's `run.json` (experiments layer) is reread when it
 * changes. A run folder whose real path is not under the log dir's real path is refused.
 * Every change bumps a generation counter, per run and overall, that clients poll.
 *
 * A log dir that does not exist yet is waited for, as TensorBoard does: until it appears there
 * are no runs; the poll that first finds it as a folder fixes its real path as the root
 * (see inside-root.ts) and reads its runs.
 */
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { discoverRuns } from '../../events/reader/discover.js';
import { RunReader } from '../../events/reader/run-reader.js';
import { type RunRecord, RUN_FILE } from '../../experiments/run/run-record.js';
import { readRunRecord } from '../../experiments/run/run-record-read.js';
import { BoardOptionError } from '../errors.js';
import { realPathInside, resolveLogDirRoot } from './inside-root.js';

/** One run and what the dashboard knows about it. */
export interface BoardRun {
  readonly name: string;
  readonly dir: string;
  readonly reader: RunReader;
  /** Increases whenever this run's data or run.json changed. */
  generation: number;
  /** An error reading the run that is not a corrupt record (permissions, a vanished folder). */
  ioError: string | null;
  /** run.json when present and valid. */
  record: RunRecord | null;
  /** Why run.json was not used, when it is there but unusable. */
  recordProblem: string | null;
  recordStamp: string;
}

/** What one poll changed. */
export interface BoardPollResult {
  added: string[];
  updated: string[];
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The runs of a log dir, read incrementally. */
export class BoardData {
  /** Increases whenever anything changed (the log dir appeared, a run appeared or got data). */
  generation = 0;
  private realRoot: string | null = null;
  private readonly runMap = new Map<string, BoardRun>();
  /** Run folders refused because they resolve outside the log dir: name → reason. */
  readonly refused = new Map<string, string>();

  /**
   * `logDir` must be a folder or not exist yet (then it is waited for); a file, a path through a
   * file or an unreadable path is a {@link BoardOptionError}.
   */
  constructor(readonly logDir: string) {
    const r = resolveLogDirRoot(logDir);
    if (r.kind === 'unusable') throw new BoardOptionError(`log dir ${logDir} ${r.reason}`, 'logDir', logDir);
    if (r.kind === 'folder') this.realRoot = r.real;
  }

  /** The log dir's real path, fixed when it was first found as a folder (null while waiting for it): nothing outside it is read. */
  get root(): string | null {
    return this.realRoot;
  }

  /** Whether the log dir has not been found as a folder yet. */
  get waiting(): boolean {
    return this.realRoot === null;
  }

  /** The runs found so far, in discovery order. */
  get runs(): ReadonlyMap<string, BoardRun> {
    return this.runMap;
  }

  /** Finds new runs and reads what was appended to every run's files and run.json. */
  poll(): BoardPollResult {
    const result: BoardPollResult = { added: [], updated: [] };
    if (this.realRoot === null) {
      const r = resolveLogDirRoot(this.logDir);
      if (r.kind !== 'folder') return result; // not there yet (or not a folder yet): look again next poll
      this.realRoot = r.real;
      this.generation++;
    }
    const root = this.realRoot;
    let found: Map<string, string>;
    try {
      found = discoverRuns(root);
    } catch {
      return result; // the log dir vanished or became unreadable: keep what was read, try again later
    }
    for (const [name, dir] of found) {
      if (realPathInside(root, dir) === null) {
        this.refused.set(name, 'the run folder resolves outside the log dir');
        continue;
      }
      let run = this.runMap.get(name);
      if (run === undefined) {
        run = { name, dir, reader: new RunReader(name, dir), generation: 0, ioError: null, record: null, recordProblem: null, recordStamp: '' };
        this.runMap.set(name, run);
        result.added.push(name);
      }
      if (this.pollRun(run)) {
        run.generation++;
        result.updated.push(name);
      }
    }
    if (result.added.length > 0 || result.updated.length > 0) this.generation++;
    return result;
  }

  private pollRun(run: BoardRun): boolean {
    let changed = false;
    try {
      const r = run.reader.poll();
      changed = r.events > 0 || r.errors.length > 0;
      if (run.ioError !== null) changed = true;
      run.ioError = null;
    } catch (e) {
      const text = `reading stopped: ${errorText(e)}`;
      if (run.ioError !== text) changed = true;
      run.ioError = text;
    }
    return this.pollRecord(run) || changed;
  }

  /** Rereads run.json when its modification time or size changed. */
  private pollRecord(run: BoardRun): boolean {
    const path = join(run.dir, RUN_FILE);
    let stamp = 'absent';
    try {
      const st = lstatSync(path);
      stamp = st.isSymbolicLink() ? 'symlink' : st.isFile() ? `${st.mtimeMs}:${st.size}` : 'not-a-file';
    } catch {
      stamp = 'absent';
    }
    if (stamp === run.recordStamp) return false;
    run.recordStamp = stamp;
    run.record = null;
    run.recordProblem = null;
    if (stamp === 'symlink' || stamp === 'not-a-file') {
      run.recordProblem = `${RUN_FILE} is not a regular file; ignored`;
    } else if (stamp !== 'absent') {
      try {
        run.record = readRunRecord(run.dir);
      } catch (e) {
        run.recordProblem = `${RUN_FILE}: ${errorText(e)}`;
      }
    }
    return true;
  }
}
