/**
 * The elements of a TensorProto, as TensorBoard's `tensor_util.make_ndarray` reads them: a
 * non-empty `tensor_content` is raw little-endian element bytes; otherwise the typed field of the
 * dtype, a single element broadcast to the whole shape. Strings are decoded as UTF-8.
 */
import { DataType, type TensorProto } from '../proto/tensorboard/tensor_pb.js';

/** Shape of a tensor (a rank-0 tensor has `[]`). */
export function tensorShape(t: TensorProto): number[] {
  return (t.tensorShape?.dim ?? []).map((d) => Number(d.size));
}

function broadcast<T>(values: T[], size: number): T[] {
  return values.length === 1 && size > 1 ? new Array<T>(size).fill(values[0]!) : values;
}

/** IEEE half-precision bits to a number. */
function halfToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac === 0 ? sign * Infinity : NaN;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}

function fromContent(bytes: Uint8Array, dtype: DataType): number[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const read = (width: number, get: (at: number) => number): number[] =>
    Array.from({ length: Math.floor(bytes.byteLength / width) }, (_, i) => get(i * width));
  switch (dtype) {
    case DataType.DT_FLOAT:
      return read(4, (at) => view.getFloat32(at, true));
    case DataType.DT_DOUBLE:
      return read(8, (at) => view.getFloat64(at, true));
    case DataType.DT_INT32:
      return read(4, (at) => view.getInt32(at, true));
    case DataType.DT_INT64:
      return read(8, (at) => Number(view.getBigInt64(at, true)));
    case DataType.DT_INT16:
      return read(2, (at) => view.getInt16(at, true));
    case DataType.DT_INT8:
      return read(1, (at) => view.getInt8(at));
    case DataType.DT_UINT8:
    case DataType.DT_BOOL:
      return read(1, (at) => view.getUint8(at));
    case DataType.DT_HALF:
      return read(2, (at) => halfToNumber(view.getUint16(at, true)));
    default:
      return null;
  }
}

/** The numeric elements of a tensor, row-major; `null` for string or unsupported dtypes. */
export function tensorNumbers(t: TensorProto): number[] | null {
  const size = tensorShape(t).reduce((a, b) => a * b, 1);
  if (t.tensorContent.length > 0) return fromContent(t.tensorContent, t.dtype);
  switch (t.dtype) {
    case DataType.DT_FLOAT:
      return broadcast(t.floatVal, size);
    case DataType.DT_DOUBLE:
      return broadcast(t.doubleVal, size);
    case DataType.DT_INT32:
    case DataType.DT_INT16:
    case DataType.DT_INT8:
    case DataType.DT_UINT8:
      return broadcast(t.intVal, size);
    case DataType.DT_INT64:
      return broadcast(t.int64Val.map(Number), size);
    case DataType.DT_BOOL:
      return broadcast(t.boolVal.map((b) => (b ? 1 : 0)), size);
    case DataType.DT_HALF:
      return broadcast(t.halfVal.map(halfToNumber), size);
    default:
      return null;
  }
}

/** The strings of a DT_STRING tensor (UTF-8), broadcast like numbers; `null` for other dtypes. */
export function tensorStrings(t: TensorProto): string[] | null {
  if (t.dtype !== DataType.DT_STRING) return null;
  const size = tensorShape(t).reduce((a, b) => a * b, 1);
  const decoder = new TextDecoder();
  return broadcast(t.stringVal.map((b) => decoder.decode(b)), size);
}
