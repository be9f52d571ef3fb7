/** Reading trace.json back, validated (the schema mirrors the {@link Trace} type). */
import { join } from 'node:path';
import { z } from 'zod';
import { type Assignable, readValidatedJson } from './json-file.js';
import { jsonNumber } from './run-record-read.js';
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

const schemaProducesTrace: Assignable<z.output<typeof traceSchema>, Trace> = true;
void schemaProducesTrace;

/** Reads and validates `<dir>/trace.json`; null when missing; a RunFolderError when malformed (json-file.ts). */
export function readTrace(dir: string): Trace | null {
  return readValidatedJson(join(dir, TRACE_FILE), traceSchema, 'a decaylab trace');
}
