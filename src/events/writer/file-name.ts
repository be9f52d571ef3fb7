/**
 * Names of event files and default log folders, as tensorboardX makes them:
 * - file: `events.out.tfevents.<T>.<hostname><suffix>`, T = the first 10 characters of
 *   `str(time.time())` (the whole seconds, 10 digits until the year 2286);
 * - default log dir: `runs/<%b%d_%H-%M-%S>_<hostname><comment>` in local time, e.g.
 *   `runs/May04_22-14-54_myhost-lr0.1`.
 */
import { hostname } from 'node:os';
import { join } from 'node:path';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `events.out.tfevents.<seconds>.<hostname><suffix>` for a time in seconds since the epoch. */
export function eventFileName(timeSeconds: number, suffix = '', host: string = hostname()): string {
  return `events.out.tfevents.${String(Math.floor(timeSeconds)).padStart(10, '0').slice(0, 10)}.${host}${suffix}`;
}

/** tensorboardX's default log dir for `date` (local time): `runs/Mon04_22-14-54_<host><comment>`. */
export function defaultLogDir(comment = '', date: Date = new Date(), host: string = hostname()): string {
  const stamp = `${MONTHS[date.getMonth()]}${pad2(date.getDate())}_${pad2(date.getHours())}-${pad2(date.getMinutes())}-${pad2(date.getSeconds())}`;
  return join('runs', `${stamp}_${host}${comment}`);
}
