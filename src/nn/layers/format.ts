/** Python-style formatting for module printouts (`extra_repr`), so they read like PyTorch's. */

/** A boolean as Python prints it: `True` / `False`. */
export function pyBool(value: boolean): string {
  return value ? 'True' : 'False';
}

/**
 * A float as Python's `repr` prints it: the shortest round-trip digits, scientific notation
 * with a two-digit exponent below 1e-4 or from 1e16 on (`1e-05`, `1e+16`), else positional
 * with at least one decimal (`1.0`, `0.1`).
 */
export function pyFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa = '', expText = '0'] = value.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  const text = String(value);
  return text.includes('.') ? text : `${text}.0`;
}

/** A number as Python prints an int or float argument given as a JavaScript number. */
export function pyNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : pyFloat(value);
}
