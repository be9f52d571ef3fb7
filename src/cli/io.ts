/** Where the CLI writes: text to stdout and stderr, and whether stdout is a terminal (progress bars). */

/** The CLI's output channels (process streams in `main`, buffers in tests). */
export interface CliIO {
  /** Writes to standard output (the caller adds newlines). */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  /** True when stdout is a terminal: progress bars instead of plain lines. */
  readonly isTTY: boolean;
  /** The stream progress bars draw on (only used when `isTTY`). */
  readonly stream?: NodeJS.WritableStream;
}

/** The process's own streams. */
export function processIO(): CliIO {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    isTTY: process.stdout.isTTY === true,
    stream: process.stdout,
  };
}
