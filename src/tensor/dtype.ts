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

/** Allocates zero-filled storage of `size` elements of `dtype`. */
export function allocStorage(dtype: DType, size: number): Storage {
  switch (dtype) {
    case 'float32':
      return new Float32Array(size);
    case 'float64':
      return new Float64Array(size);
    case 'int32':
      return new Int32Array(size);
  }
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
