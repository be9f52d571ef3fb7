/**
 * Storage for tensors that never reach the caller: the gradients backward functions hand to the
 * autograd engine, and values a fused op saves for its own backward. Each is a view into a
 * shared 64 KiB slab, bump-allocated and never reused, so creating one costs a small object
 * instead of a fresh ArrayBuffer (which V8 allocates outside its heap, at a cost that dominated
 * small training steps). A slab is freed by the garbage collector once no view into it is left.
 *
 * This is safe because such storage does not outlive what owns it: the engine hands each
 * gradient to the next backward function or sums it into a fresh buffer, and copies it
 * (`slice()`) when it becomes a `.grad`; saved values live as long as their graph. Never use it
 * for tensors returned to the caller (forward outputs, `.grad` buffers): one retained view
 * would pin its whole slab.
 *
 * A second pool beside `allocStorage`'s slab (src/tensor/dtype.ts) on purpose: sharing one 32 KiB
 * pool measured ~10% slower on the reference model's training step (more slab replacements).
 */
import type { FloatStorage } from '../../tensor/dtype.js';
import type { Tensor } from '../../tensor/tensor.js';
import { allocLike } from './util.js';

const SLAB_BYTES = 1 << 16;
/** Larger storages get their own ArrayBuffer: there the allocation is cheap relative to the work. */
const MAX_VIEW_BYTES = 1 << 13;

let slab = new ArrayBuffer(SLAB_BYTES);
let offset = 0;

/** Zero-filled storage of `like`'s dtype and `n` elements that never escapes to the caller. */
export function arenaStorage(like: Tensor, n: number = like.size): FloatStorage {
  const wide = like.dtype === 'float64';
  const bytes = n * (wide ? 8 : 4);
  if (bytes === 0 || bytes > MAX_VIEW_BYTES) return allocLike(like, n);
  offset = (offset + 7) & ~7;
  if (offset + bytes > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    offset = 0;
  }
  const view = wide ? new Float64Array(slab, offset, n) : new Float32Array(slab, offset, n);
  offset += bytes;
  return view;
}
