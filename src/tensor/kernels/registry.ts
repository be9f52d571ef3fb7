/**
 * Which kernel set the ops use. The reference set is always available; faster sets register
 * themselves and are chosen with {@link useKernels}.
 */
import { ArgumentError } from '../errors.js';
import { referenceKernels } from './reference.js';
import type { Kernels } from './types.js';

const available = new Map<string, Kernels>([[referenceKernels.name, referenceKernels]]);
let current: Kernels = referenceKernels;

/** The kernel set ops currently call. */
export function getKernels(): Kernels {
  return current;
}

/** Makes a kernel set selectable by name. */
export function registerKernels(kernels: Kernels): void {
  available.set(kernels.name, kernels);
}

/** Names of the registered kernel sets. */
export function kernelNames(): string[] {
  return [...available.keys()];
}

/** Selects a registered kernel set by name; returns the previous set's name. */
export function useKernels(name: string): string {
  const k = available.get(name);
  if (k === undefined) {
    throw new ArgumentError(`unknown kernel set '${name}'; available: ${kernelNames().join(', ')}`, 'kernels', name);
  }
  const previous = current.name;
  current = k;
  return previous;
}
