/**
 * Copies between JavaScript typed arrays and the float32 view of WebAssembly linear memory. Short
 * runs are copied by a loop: for them `set(subarray(...))` costs more (a view object and a call)
 * than the copy itself.
 */

/** Runs shorter than this are copied element by element. */
export const SET_MIN = 64;

/** heap[at .. at+n) ← src[start .. start+n). */
export function stageIn(heap: Float32Array, at: number, src: Float32Array, start: number, n: number): void {
  if (n < SET_MIN) {
    for (let i = 0; i < n; i++) heap[at + i] = src[start + i]!;
  } else if (start === 0 && n === src.length) {
    heap.set(src, at);
  } else {
    heap.set(src.subarray(start, start + n), at);
  }
}

/** dst[start .. start+n) ← heap[at .. at+n). */
export function stageOut(heap: Float32Array, at: number, dst: Float32Array, start: number, n: number): void {
  if (n < SET_MIN) {
    for (let i = 0; i < n; i++) dst[start + i] = heap[at + i]!;
  } else {
    dst.set(heap.subarray(at, at + n), start);
  }
}
