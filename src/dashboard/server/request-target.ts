/**
 * Strict parsing of a request target (`/path?query`), before anything else looks at it:
 * - at most {@link MAX_TARGET_LENGTH} characters (414), origin-form only: it starts with `/` (400);
 * - the path is made of segments of `[A-Za-z0-9_~-][A-Za-z0-9_.~-]*`: no percent-encoding, no
 *   backslash, no empty, `.` or `..` segment, nothing hidden — every route the server has fits, so
 *   anything else is an attack or a typo (400);
 * - the query is `key=value` pairs separated by `&`; `+` is a space and percent-escapes are
 *   decoded once (a malformed escape is 400); keys are identifiers, duplicates are refused, and a
 *   decoded value may not hold control characters (NUL included).
 * Decoded values are still untrusted: run names are looked up among discovered runs, never joined
 * to a path.
 */
import { HttpError } from './http-error.js';

/** Longest request target accepted. */
export const MAX_TARGET_LENGTH = 8192;

const PATH_PATTERN = /^\/(?:[A-Za-z0-9_~-][A-Za-z0-9_.~-]*(?:\/[A-Za-z0-9_~-][A-Za-z0-9_.~-]*)*)?$/;
const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** A parsed request target. */
export interface RequestTarget {
  path: string;
  query: ReadonlyMap<string, string>;
}

function decode(part: string, what: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    throw new HttpError(400, `malformed percent-encoding in query ${what}`);
  }
}

/** Parses `raw` (the request line's target) or throws {@link HttpError} 400/414. */
export function parseRequestTarget(raw: string): RequestTarget {
  if (raw.length > MAX_TARGET_LENGTH) throw new HttpError(414, `request target longer than ${MAX_TARGET_LENGTH} characters`);
  if (!raw.startsWith('/')) throw new HttpError(400, 'request target must be a path starting with /');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const queryText = q < 0 ? '' : raw.slice(q + 1);
  if (!PATH_PATTERN.test(path)) throw new HttpError(400, 'invalid path: only plain segments are served (no %-escapes, backslashes, dot segments or empty segments)');
  if (queryText.includes('#')) throw new HttpError(400, 'request target must not contain a fragment');
  const query = new Map<string, string>();
  for (const part of queryText.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decode(eq < 0 ? part : part.slice(0, eq), 'key');
    const value = eq < 0 ? '' : decode(part.slice(eq + 1), `value of '${key}'`);
    if (!KEY_PATTERN.test(key)) throw new HttpError(400, `invalid query parameter name ${JSON.stringify(key)}`);
    if (query.has(key)) throw new HttpError(400, `query parameter '${key}' given more than once`);
    if (CONTROL_CHARACTERS.test(value)) throw new HttpError(400, `query parameter '${key}' contains control characters`);
    query.set(key, value);
  }
  return { path, query };
}
