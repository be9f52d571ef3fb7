/**
 * TensorBoard's scalar smoothing (vz_line_chart2 `resmoothDataset`): a debiased exponential moving
 * average. With weight w ∈ [0, 1), over the finite values v₁, v₂, … in order:
 *   last ← w·last + (1 − w)·vₜ (last starts at 0),  smoothedₜ = last / (1 − w^t)
 * where t counts the finite values so far; non-finite values pass through unchanged and do not
 * count; a constant series is returned unchanged (TensorBoard #786); w = 1 skips the debiasing.
 */

/** The smoothing TensorBoard applies by default (its slider starts at 0.6). */
export const DEFAULT_SMOOTHING = 0.6;

/** The debiased EMA of `values` with weight `weight` (see the module comment). */
export function smoothScalars(values: ArrayLike<number>, weight: number): Float64Array {
  const out = new Float64Array(values.length);
  if (values.length === 0) return out;
  const first = values[0]!;
  let constant = true;
  for (let i = 1; i < values.length && constant; i++) constant = values[i] === first;
  let last = 0;
  let numAccum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (constant || !Number.isFinite(v)) {
      out[i] = v;
      continue;
    }
    last = last * weight + (1 - weight) * v;
    numAccum++;
    const debias = weight === 1 ? 1 : 1 - Math.pow(weight, numAccum);
    out[i] = last / debias;
  }
  return out;
}
