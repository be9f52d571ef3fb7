/** Reading trace.json back, validated (the schema mirrors the {@link Trace} type). */
import { join } from 'node:path';
import { z } from 'zod';
import { RunFolderError } from '../errors.js';
import { jsonNumber, readJsonFile } from './run-record-read.js';
import { type Trace, TRACE_FILE } from './trace.js';

const snapshotSchema = z.object({ step: z.number(), min: jsonNumber, max: jsonNumber, counts: z.array(z.number()) });
const metricsSchema = z.object({ loss: jsonNumber, accuracy: z.number().optional() });

/** The schema of trace.json. */
export const traceSchema = z.object({
  format: z.literal('decaylab.trace/1'),
  steps: z.array(z.number()),
  loss: z.array(jsonNumber),
  norms: z.record(z.string(), z.array(jsonNumber)),
  rotations: z.record(z.string(), z.array(jsonNumber)).optional(),
  evals: z.array(z.object({ step: z.number(), train: metricsSchema, test: metricsSchema.nullable() })),
  snapshots: z.record(z.string(), z.array(snapshotSchema)),
});

type Assignable<A, B> = [A] extends [B] ? true : false;
const schemaProducesTrace: Assignable<z.output<typeof traceSchema>, Trace> = true;
void schemaProducesTrace;

/** Reads and validates `<dir>/trace.json`; null when missing; a {@link RunFolderError} when malformed. */
export function readTrace(dir: string): Trace | null {
  const path = join(dir, TRACE_FILE);
  const data = readJsonFile(path);
  if (data === null) return null;
  const parsed = traceSchema.safeParse(data);
  if (!parsed.success) throw new RunFolderError(`not a decaylab trace: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`, path);
  return parsed.data;
}
