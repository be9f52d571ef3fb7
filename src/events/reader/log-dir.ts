/**
 * A whole log dir: its runs (found as TensorBoard finds them) read incrementally, for a dashboard
 * that polls; and {@link loadLogDir}, which reads everything once.
 */
import { statSync } from 'node:fs';
import { EventsError } from '../errors.js';
import type { EventFileCorruptError } from '../errors.js';
import { discoverRuns } from './discover.js';
import type { RunData } from './run-data.js';
import { type ReaderOptions, RunReader } from './run-reader.js';

/** What one poll of a log dir found. */
export interface LogDirPollResult {
  /** Runs seen for the first time. */
  added: string[];
  /** Runs (new or old) that got new events. */
  updated: string[];
  /** Corruptions found (non-strict mode). */
  errors: EventFileCorruptError[];
}

/** Reads the runs of a log dir incrementally: call {@link LogDirReader.poll} whenever you want new data. */
export class LogDirReader {
  readonly runs = new Map<string, RunReader>();

  constructor(
    readonly logDir: string,
    private readonly options: ReaderOptions = {},
  ) {}

  /** Discovers new runs and reads what was appended to every run's files. */
  poll(): LogDirPollResult {
    const result: LogDirPollResult = { added: [], updated: [], errors: [] };
    for (const [name, dir] of discoverRuns(this.logDir)) {
      let run = this.runs.get(name);
      if (run === undefined) {
        run = new RunReader(name, dir, this.options);
        this.runs.set(name, run);
        result.added.push(name);
      }
      const r = run.poll();
      if (r.events > 0) result.updated.push(name);
      result.errors.push(...r.errors);
    }
    return result;
  }

  /** The data of every run read so far. */
  data(): Map<string, RunData> {
    return new Map([...this.runs].map(([name, r]) => [name, r.data]));
  }
}

/** The data of a log dir: run name → run data. */
export interface LogDirData {
  logDir: string;
  runs: Map<string, RunData>;
  /** Corruptions found when not strict. */
  errors: EventFileCorruptError[];
}

/**
 * Reads every run of `logDir` once. Strict by default: the first corrupt record throws
 * EventFileCorruptError (file and byte offset); with `{strict: false}` it is reported in `errors`
 * and the rest is read. Torn last records (files still being written) are not errors.
 */
export function loadLogDir(logDir: string, options: ReaderOptions = {}): LogDirData {
  let isDir = false;
  try {
    isDir = statSync(logDir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new EventsError(`log dir ${logDir} does not exist or is not a folder`);
  const reader = new LogDirReader(logDir, { strict: options.strict ?? true });
  const { errors } = reader.poll();
  return { logDir, runs: reader.data(), errors };
}
