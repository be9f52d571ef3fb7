/**
 * Gradient mode, as `torch.no_grad()` / `torch.enable_grad()`: while disabled, ops record
 * no graph, so their results do not require grad. The mode is global and synchronous.
 */

let enabled = true;

/** True when ops record the autograd graph (the default). */
export function isGradEnabled(): boolean {
  return enabled;
}

/** Sets gradient mode; returns the previous mode (like `torch.set_grad_enabled`). */
export function setGradEnabled(value: boolean): boolean {
  const previous = enabled;
  enabled = value;
  return previous;
}

/**
 * Runs `fn` with gradient recording disabled and restores the previous mode afterwards,
 * even if `fn` throws (`with torch.no_grad(): ...`). `fn` must be synchronous.
 */
export function noGrad<T>(fn: () => T): T {
  const previous = setGradEnabled(false);
  try {
    return fn();
  } finally {
    enabled = previous;
  }
}

/** Runs `fn` with gradient recording enabled (`with torch.enable_grad(): ...`). */
export function enableGrad<T>(fn: () => T): T {
  const previous = setGradEnabled(true);
  try {
    return fn();
  } finally {
    enabled = previous;
  }
}
