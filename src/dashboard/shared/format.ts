/**
 * How the dashboard prints numbers, so that tests can compare what a page shows with the values
 * in the event files: 6 significant digits (`toPrecision(6)`, trailing zeros kept off), plain
 * `NaN`/`Infinity`, and integers (steps, counts) as they are.
 */

/** A value with 6 significant digits: `0.0123457`, `1.23457e+6`, `-3`, `NaN`. */
export function formatValue(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e6) return String(x);
  const p = x.toPrecision(6);
  if (p.includes('e')) {
    const [mant, exp] = p.split('e');
    return `${stripZeros(mant!)}e${exp}`;
  }
  return stripZeros(p);
}

function stripZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** An axis tick label: {@link formatValue} of the tick rounded to 12 digits (no `0.30000000000000004`), blank for a missing tick. */
export function formatTick(v: number | null | undefined): string {
  return typeof v === 'number' && Number.isFinite(v) ? formatValue(Number(v.toPrecision(12))) : '';
}

/** A wall time (seconds since the epoch) as an ISO-like local date and time. */
export function formatWallTime(seconds: number): string {
  const d = new Date(seconds * 1000);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** A duration in seconds as `1h 02m`, `3m 05s` or `4.2s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m}m ${String(Math.floor(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}
