/**
 * Typed errors of the experiments layer. Each carries the structured facts a caller needs to react
 * without parsing the message: the config key paths and allowed values, the file and byte offset,
 * the run that failed.
 */
import { DecaylabError } from '../tensor/errors.js';

/** One problem in a config or a command-line flag: where (a dotted key path) and what is allowed. */
export interface ConfigIssue {
  /** Dotted key path, e.g. `optimizer.decay`, `model.layers.2.size`, or a flag like `--decay`. */
  readonly path: string;
  /** What is wrong, in words. */
  readonly message: string;
  /** The values or keys that would have been accepted, when there is a finite list. */
  readonly allowed?: readonly string[];
}

/** Formats one issue as `path: message (allowed: a, b, c)`. */
export function formatConfigIssue(issue: ConfigIssue): string {
  const allowed = issue.allowed !== undefined && issue.allowed.length > 0 ? ` (allowed: ${issue.allowed.join(', ')})` : '';
  return `${issue.path === '' ? '(root)' : issue.path}: ${issue.message}${allowed}`;
}

/** A config file or flag that does not validate. Lists every issue with its key path and allowed values. */
export class ConfigError extends DecaylabError {
  constructor(
    readonly issues: readonly ConfigIssue[],
    /** Where the config came from (a file path, `--grid`, `flags`), for the message. */
    readonly source = 'config',
  ) {
    super(`invalid ${source}:\n${issues.map((i) => `  - ${formatConfigIssue(i)}`).join('\n')}`);
  }
}

/** A data file that cannot be read as what it claims to be: names the file and the byte offset. */
export class DatasetError extends DecaylabError {
  constructor(
    message: string,
    readonly file: string,
    readonly offset: number | null = null,
  ) {
    super(offset === null ? `${file}: ${message}` : `${file} (byte ${offset}): ${message}`);
  }
}

/** A run that threw (in a worker thread or in-process): names the run and keeps the original error's text. */
export class RunFailedError extends DecaylabError {
  constructor(
    readonly runName: string,
    readonly causeName: string,
    readonly causeMessage: string,
    readonly causeStack: string | undefined = undefined,
  ) {
    super(`run "${runName}" failed: ${causeName}: ${causeMessage}`);
  }
}

/**
 * A folder that cannot be used as asked without touching what is already there: a sweep folder
 * holding a different sweep, a run folder not written by decaylab, a report target that exists.
 */
export class RunFolderError extends DecaylabError {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${path}: ${message}`);
  }
}
