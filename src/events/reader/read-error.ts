/**
 * The typed error for an event file that cannot be opened or read (missing, a folder, no
 * permission, an I/O error), as opposed to one whose bytes are damaged (EventFileCorruptError).
 * It names the file, what failed, the system error code and — for reads — the byte offset, and
 * keeps the system error as `cause`.
 */
import { EventsError } from '../errors.js';

/** Plain words for the system error codes a reader meets most. */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'it does not exist',
  ENOTDIR: 'a part of its path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
};

function codeOf(e: unknown): string | null {
  return e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : null;
}

/** An event file could not be opened or read; `cause` is the original system error. */
export class EventFileReadError extends EventsError {
  /** The system error code (`ENOENT`, `EISDIR`, `EACCES`, …), or null when there is none. */
  readonly code: string | null;

  constructor(
    /** The file that could not be read. */
    readonly file: string,
    /** `open` (opening or checking the file) or `read` (reading its bytes). */
    readonly operation: 'open' | 'read',
    /** Byte offset where the failed read started (null for `open`). */
    readonly offset: number | null,
    cause: unknown,
  ) {
    const code = codeOf(cause);
    const reason = code !== null && REASONS[code] !== undefined ? `${REASONS[code]} (${code})` : cause instanceof Error ? cause.message : String(cause);
    super(`cannot ${operation} event file ${file}${offset === null ? '' : ` at byte offset ${offset}`}: ${reason}`);
    this.code = code;
    // Non-enumerable, like the `cause` set by `new Error(message, {cause})`.
    Object.defineProperty(this, 'cause', { value: cause, writable: true, configurable: true, enumerable: false });
  }
}
