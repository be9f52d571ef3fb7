/**
 * Python's `bisect.bisect_right`: the index at which `x` would be inserted into the sorted array `sorted`
 * after any entries equal to it, i.e. how many entries are ≤ x.
 */
export function bisectRight(sorted: readonly number[], x: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (x < sorted[mid]!) high = mid;
    else low = mid + 1;
  }
  return low;
}
