/**
 * The `DECAYLAB_KERNELS` environment variable, read without importing Node modules: in a browser
 * `globalThis.process` is absent and the value is undefined.
 */

/** Name of the environment variable that selects the kernel set at start-up. */
export const KERNELS_ENV = 'DECAYLAB_KERNELS';

/** The variable's value, or undefined when unset, empty, or there is no `process` (browsers). */
export function kernelsFromEnvironment(): string | undefined {
  const value = globalThis.process?.env?.[KERNELS_ENV];
  return value === undefined || value === '' ? undefined : value;
}
