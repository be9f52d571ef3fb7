/** Test helper: the issues of the {@link ConfigError} a call throws (a test fails when it throws nothing or something else). */
import { ConfigError, type ConfigIssue } from '../errors.js';

/** Calls `fn` and returns the issues of the ConfigError it throws; rethrows any other error; throws when `fn` returns. */
export function configIssues(fn: () => unknown): ConfigIssue[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return [...e.issues];
    throw e;
  }
  throw new Error('expected a ConfigError');
}
