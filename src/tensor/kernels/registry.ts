/**
 * Which kernel set the ops use. Three sets are registered: `reference` (plain TypeScript, the
 * specification), `wasm` (WebAssembly SIMD for every float32 gemm and ReLU) and `auto` (wasm
 * where it pays, reference elsewhere). The default is `auto`, or the set named by the DECAYLAB_KERNELS
 * environment variable; {@link useKernels} switches at run time.
 */
import { ArgumentError } from '../errors.js';
import { autoKernels } from './auto.js';
import { KERNELS_ENV, kernelsFromEnvironment } from './environment.js';
import { referenceKernels } from './reference.js';
import type { Kernels } from './types.js';
import { wasmKernels } from './wasm/kernels.js';

/** The set used when DECAYLAB_KERNELS is unset. */
export const DEFAULT_KERNELS = 'auto';

const available = new Map<string, Kernels>([
  [referenceKernels.name, referenceKernels],
  [wasmKernels.name, wasmKernels],
  [autoKernels.name, autoKernels],
]);
let current: Kernels | null = null;

function unknownSet(name: string, argument: string): ArgumentError {
  return new ArgumentError(`unknown kernel set '${name}' (${argument}); available: ${kernelNames().join(', ')}`, argument, name);
}

/** The set DECAYLAB_KERNELS names (or the default), prepared; ArgumentError for an unknown name. */
function initialKernels(): Kernels {
  const name = kernelsFromEnvironment() ?? DEFAULT_KERNELS;
  const k = available.get(name);
  if (k === undefined) throw unknownSet(name, KERNELS_ENV);
  k.prepare?.();
  return k;
}

/** The kernel set ops currently call. */
export function getKernels(): Kernels {
  if (current === null) current = initialKernels();
  return current;
}

/** The registered kernel set called `name` (without selecting it). */
export function getKernelSet(name: string): Kernels {
  const k = available.get(name);
  if (k === undefined) throw unknownSet(name, 'kernels');
  return k;
}

/** Makes a kernel set selectable by name (replacing a set of the same name). */
export function registerKernels(kernels: Kernels): void {
  available.set(kernels.name, kernels);
}

/** Names of the registered kernel sets. */
export function kernelNames(): string[] {
  return [...available.keys()];
}

/**
 * Selects a registered kernel set by name; returns the previous set's name. Throws an
 * ArgumentError for an unknown name and a KernelError when the set cannot run here.
 */
export function useKernels(name: string): string {
  const k = getKernelSet(name);
  k.prepare?.();
  const previous = current === null ? (kernelsFromEnvironment() ?? DEFAULT_KERNELS) : current.name;
  current = k;
  return previous;
}
