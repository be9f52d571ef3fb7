import { DTypeError } from './errors.js';

/**
 * Element types. `float32` is the default, as in PyTorch; `float64` is for gradient
 * checks; `int32` holds indices and class labels (PyTorch uses int64 there) and takes
 * part in no arithmetic.
 */
export type DType = 'float32' | 'float64' | 'int32';

/** A floating-point dtype: the only kinds that carry gradients. */
export type FloatDType = 'float32' | 'float64';

/** Storage of a tensor: a contiguous typed array of its dtype. */
export type Storage = Float32Array | Float64Array | Int32Array;

/** Storage of a floating-point tensor. */
export type FloatStorage = Float32Array | Float64Array;

/**
 * Storages of more than {@link ON_HEAP_BYTES} and at most {@link SLAB_MAX_BYTES} bytes are views into
 * shared {@link SLAB_BYTES}-byte ArrayBuffers, bump-allocated and never reused (so they start zeroed).
 * Engines allocate every ArrayBuffer outside their garbage-collected heap, with bookkeeping that
 * costs ~0.3–0.5 µs per buffer and extra collections (V8 keeps only typed arrays of ≤ 64 bytes on
 * its heap); a view costs ~30 ns. A small training step makes dozens of such storages (layer
 * outputs, gradients), so this was a fifth of its time. The price: a slab is freed only when no view
 * into it is left, so one small tensor kept alive keeps its slab's 32 KiB alive — at most 16× the
 * memory of a 2 KiB tensor and 500× that of a 65-byte one; copy long-lived small tensors into
 * their own buffer (`new Float32Array(t.data)`) when that matters.
 */
export const SLAB_BYTES = 1 << 15;
/** Largest storage (bytes) carved from a slab; larger ones get their own ArrayBuffer. */
export const SLAB_MAX_BYTES = 1 << 11;
/** Storages of at most this many bytes are allocated normally: V8 keeps them on its heap, which is cheap. */
export const ON_HEAP_BYTES = 64;

let slab = new ArrayBuffer(SLAB_BYTES);
let slabOffset = 0;

/** Byte offset of `bytes` fresh zeroed bytes in `slab` (8-byte aligned), starting a new slab when full. */
function carve(bytes: number): number {
  let at = (slabOffset + 7) & ~7;
  if (at + bytes > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    at = 0;
  }
  slabOffset = at + bytes;
  return at;
}

/**
 * Allocates zero-filled storage of `size` elements of `dtype` (small ones from a shared slab, see
 * {@link SLAB_BYTES}); a DTypeError for any other dtype name (`int64`, `bool`, …).
 */
export function allocStorage(dtype: DType, size: number): Storage {
  // carve() may replace `slab`: call it before reading `slab`.
  switch (dtype) {
    case 'float32': {
      if (size <= ON_HEAP_BYTES / 4 || size > SLAB_MAX_BYTES / 4) return new Float32Array(size);
      const at = carve(size * 4);
      return new Float32Array(slab, at, size);
    }
    case 'float64': {
      if (size <= ON_HEAP_BYTES / 8 || size > SLAB_MAX_BYTES / 8) return new Float64Array(size);
      const at = carve(size * 8);
      return new Float64Array(slab, at, size);
    }
    case 'int32':
      return new Int32Array(size);
    default: {
      // Reached from JavaScript callers (or casts) only: TypeScript rules other names out.
      const name: string = dtype;
      throw new DTypeError(
        `unknown dtype ${JSON.stringify(name)}: decaylab tensors are float32, float64 or int32 (int32 holds class indices where PyTorch uses int64)`,
        [name],
      );
    }
  }
}

/** A copy of `data` in fresh storage from {@link allocStorage} (what `data.slice()` does, without its ArrayBuffer). */
export function copyStorage<S extends Storage>(data: S): S {
  const out = allocStorage(dtypeOfStorage(data), data.length) as S;
  out.set(data);
  return out;
}

/** The dtype a typed array stores. */
export function dtypeOfStorage(data: Storage): DType {
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Float64Array) return 'float64';
  return 'int32';
}

/** True for float32 and float64. */
export function isFloatDType(dtype: DType): dtype is FloatDType {
  return dtype !== 'int32';
}
