/**
 * Typed errors of the dashboard server: bad options given to {@link startBoard} and failures to
 * listen. Request-level problems are not thrown to callers; they become 4xx responses
 * (see server/http-error.ts).
 */
import { DecaylabError } from '../tensor/errors.js';

/** Base class of the errors thrown by `src/dashboard`. */
export class BoardError extends DecaylabError {}

/** An option of `startBoard` / `decaylab board` with a value it cannot use. */
export class BoardOptionError extends BoardError {
  constructor(
    message: string,
    /** The option name (`logDir`, `port`, `host`, `reloadIntervalMs`, `appDir`). */
    readonly option: string,
    readonly value: unknown,
  ) {
    super(message);
  }
}

/** The server could not listen (address in use, permission denied, unknown host). */
export class BoardListenError extends BoardError {
  constructor(
    message: string,
    readonly host: string,
    readonly port: number,
    /** The system error code (`EADDRINUSE`, `EACCES`, `ENOTFOUND`, …) when there is one. */
    readonly code: string | null,
  ) {
    super(message);
  }
}
