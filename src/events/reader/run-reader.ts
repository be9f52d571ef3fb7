/**
 * Incremental reading of one run: remembers, per event file, the offset after the last complete
 * record, and on each {@link RunReader.poll} reads only what was appended since (tailing). A torn
 * last record is left for the next poll; a corrupt record stops reading that file (TensorBoard
 * does the same) until the file changes size, and is reported — or thrown in strict mode. A file
 * removed between listing and reading is skipped; any other {@link EventFileReadError} is thrown.
 */
import { statSync } from 'node:fs';
import { EventFileCorruptError } from '../errors.js';
import { listEventFiles } from './discover.js';
import { readEventFile } from './event-reader.js';
import { EventFileReadError } from './read-error.js';
import type { TornTail } from './record-reader.js';
import { RunData } from './run-data.js';

/** Reading state of one event file. */
export interface EventFileState {
  path: string;
  /** Offset after the last complete record read. */
  offset: number;
  /** Size of the file when it was last read. */
  size: number;
  /** The incomplete record at the end, if any. */
  tornTail: TornTail | null;
  /** The corruption that stopped reading this file, if any. */
  error: EventFileCorruptError | null;
}

/** What one poll found. */
export interface PollResult {
  /** Events read by this poll. */
  events: number;
  /** Corruptions found by this poll (empty in strict mode, which throws instead). */
  errors: EventFileCorruptError[];
}

/** Options of run and log-dir readers. */
export interface ReaderOptions {
  /** Throw the first corruption (true) or report it and go on with the other files (false, default). */
  strict?: boolean;
}

/** Reads the event files of one run folder into a {@link RunData}, incrementally. */
export class RunReader {
  readonly data: RunData;
  private readonly files = new Map<string, EventFileState>();
  private readonly strict: boolean;

  constructor(
    readonly name: string,
    readonly dir: string,
    options: ReaderOptions = {},
  ) {
    this.data = new RunData(name);
    this.strict = options.strict ?? false;
  }

  /** The event files seen so far and how far each was read, in reading order. */
  get fileStates(): readonly EventFileState[] {
    return [...this.files.values()];
  }

  /** Reads what was appended to the run's event files since the last poll (new files included). */
  poll(): PollResult {
    const result: PollResult = { events: 0, errors: [] };
    for (const path of listEventFiles(this.dir)) {
      let state = this.files.get(path);
      if (state === undefined) {
        state = { path, offset: 0, size: -1, tornTail: null, error: null };
        this.files.set(path, state);
      }
      let size: number;
      try {
        size = statSync(path).size;
      } catch {
        continue; // removed between listing and reading
      }
      if (size === state.size || (size === state.offset && state.error === null)) {
        state.size = size;
        continue;
      }
      state.size = size;
      state.error = null;
      try {
        const it = readEventFile(path, { offset: state.offset });
        for (;;) {
          const next = it.next();
          if (next.done === true) {
            state.offset = next.value.nextOffset;
            state.tornTail = next.value.tornTail;
            break;
          }
          this.data.addEvent(next.value.event);
          state.offset = next.value.end;
          result.events++;
        }
      } catch (e) {
        if (e instanceof EventFileReadError && e.code === 'ENOENT' && e.operation === 'open') continue; // removed between stat and open
        if (!(e instanceof EventFileCorruptError) || this.strict) throw e;
        state.error = e;
        result.errors.push(e);
      }
    }
    return result;
  }
}
