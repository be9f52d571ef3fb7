/** Reading a config file: JSON syntax errors name the file, line and column. */
import { readFileSync } from 'node:fs';
import { ConfigError } from '../errors.js';
import type { ExperimentConfig } from './experiment-schema.js';
import { parseExperimentConfig } from './parse.js';

/** Line and column (1-based) of a character offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** The parsed JSON of a config file (not yet validated); a {@link ConfigError} when unreadable or not JSON. */
export function readConfigJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? String(e.code) : 'unreadable';
    throw new ConfigError([{ path: '', message: `cannot read the file (${code})` }], path);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const m = /position (\d+)/.exec(msg);
    const where = m === null ? '' : (({ line, column }) => ` at line ${line}, column ${column}`)(lineColumn(text, Number(m[1])));
    throw new ConfigError([{ path: '', message: `not valid JSON${where}: ${msg}` }], path);
  }
}

/** Reads and validates a config file (see {@link parseExperimentConfig}). */
export function loadExperimentConfig(path: string): ExperimentConfig {
  return parseExperimentConfig(readConfigJson(path), path);
}
