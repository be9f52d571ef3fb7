/** Errors of the kernel layer. */
import { DecaylabError } from '../errors.js';

/**
 * A kernel set that cannot run here (no WebAssembly, no SIMD, no shared memory), or a kernel
 * module that does not have the expected shape. `kernels` names the set, `reason` the cause.
 */
export class KernelError extends DecaylabError {
  constructor(
    message: string,
    readonly kernels: string,
    readonly reason: string,
  ) {
    super(message);
  }
}
