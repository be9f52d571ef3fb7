/**
 * A request the server refuses: thrown by request parsing and API handlers, turned into a JSON
 * `{error: {status, message}}` answer with that status by the server (never a stack trace).
 */
import { BoardError } from '../errors.js';

/** An HTTP error answer (4xx for the client's mistakes, 5xx for the server's). */
export class HttpError extends BoardError {
  constructor(
    readonly status: number,
    message: string,
    /** Extra response headers (e.g. `Allow` for 405). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}
