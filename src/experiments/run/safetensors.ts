/**
 * The final parameters of a run as a `.safetensors` file (Hugging Face's format, readable with
 * `safetensors.torch.load_file`): an 8-byte little-endian header length N, N bytes of JSON
 * `{name: {dtype: "F32", shape, data_offsets: [begin, end]}, "__metadata__": {...}}` padded with
 * spaces to a multiple of 8, then the tensors' little-endian bytes back to back.
 */
import { readFileSync } from 'node:fs';
import { RunFolderError } from '../errors.js';
import { writeFileAtomicBytes } from './atomic.js';

/** File name of the final parameters inside a run folder. */
export const FINAL_PARAMS_FILE = 'final.safetensors';

/** A named float32 tensor. */
export interface NamedTensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: ArrayLike<number>;
}

/** The bytes of a safetensors file holding `tensors` as F32 (values rounded to float32), with string metadata. */
export function encodeSafetensors(tensors: readonly NamedTensor[], metadata: Readonly<Record<string, string>> = {}): Uint8Array {
  const header: Record<string, unknown> = { __metadata__: metadata };
  let offset = 0;
  for (const t of tensors) {
    header[t.name] = { dtype: 'F32', shape: [...t.shape], data_offsets: [offset, offset + 4 * t.data.length] };
    offset += 4 * t.data.length;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - ((8 + new TextEncoder().encode(json).length) % 8)) % 8);
  const head = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + head.length + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(head.length), true);
  out.set(head, 8);
  let at = 8 + head.length;
  for (const t of tensors) {
    for (let i = 0; i < t.data.length; i++, at += 4) view.setFloat32(at, t.data[i]!, true);
  }
  return out;
}

/** Writes a safetensors file atomically. */
export function writeSafetensors(path: string, tensors: readonly NamedTensor[], metadata: Readonly<Record<string, string>> = {}): void {
  writeFileAtomicBytes(path, encodeSafetensors(tensors, metadata));
}

/** Reads the F32 tensors of a safetensors file, in file order; a malformed file is a {@link RunFolderError}. */
export function readSafetensors(path: string): Map<string, { shape: number[]; data: Float32Array }> {
  const bytes = readFileSync(path);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 8) throw new RunFolderError(`safetensors file of ${bytes.length} bytes has no header (byte 0)`, path);
  const n = Number(view.getBigUint64(0, true));
  if (8 + n > bytes.length) throw new RunFolderError(`header length ${n} runs past the end of the file (byte 0)`, path);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n)));
  } catch {
    throw new RunFolderError('header is not JSON (byte 8)', path);
  }
  if (header === null || typeof header !== 'object') throw new RunFolderError('header is not a JSON object (byte 8)', path);
  const out = new Map<string, { shape: number[]; data: Float32Array }>();
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const e: unknown = entry;
    if (e === null || typeof e !== 'object' || !('dtype' in e) || !('shape' in e) || !('data_offsets' in e) || e.dtype !== 'F32' || !Array.isArray(e.shape) || !Array.isArray(e.data_offsets)) {
      throw new RunFolderError(`tensor "${name}" is not an F32 entry with shape and data_offsets`, path);
    }
    const [begin, end] = e.data_offsets.map(Number);
    const shape = e.shape.map(Number);
    const count = shape.reduce((a, b) => a * b, 1);
    if (begin === undefined || end === undefined || end - begin !== 4 * count || 8 + n + end > bytes.length) {
      throw new RunFolderError(`tensor "${name}" has data_offsets [${begin}, ${end}] that do not fit its shape [${shape.join(', ')}] or the file`, path);
    }
    const data = new Float32Array(count);
    for (let i = 0; i < count; i++) data[i] = view.getFloat32(8 + n + begin + 4 * i, true);
    out.set(name, { shape, data });
  }
  return out;
}
