/** Reading run.json back, validated (the schema mirrors the {@link RunRecord} type). */
import { join } from 'node:path';
import { z } from 'zod';
import { experimentSchema } from '../config/experiment-schema.js';
import { type Assignable, readValidatedJson } from './json-file.js';
import { RUN_FILE, RUN_FORMAT, RUN_STATUSES, type RunRecord } from './run-record.js';

/** A number as JSON stores it: NaN and ±Infinity become null on writing and NaN on reading. */
export const jsonNumber = z
  .number()
  .nullable()
  .transform((v) => v ?? Number.NaN);

const paramStatsSchema = z.object({
  name: z.string(),
  shape: z.array(z.number()),
  numel: z.number(),
  l2: jsonNumber,
  meanAbs: jsonNumber,
  maxAbs: jsonNumber,
  nearZeroShare: jsonNumber,
  exactZeros: z.number(),
});

const runResultSchema = z.object({
  steps: z.number(),
  epochs: z.number(),
  lastLoss: jsonNumber,
  divergedAt: z.number().nullable(),
  final: z.object({ trainLoss: jsonNumber, trainAccuracy: z.number().optional(), testLoss: jsonNumber.optional(), testAccuracy: z.number().optional() }),
  totalNorm: jsonNumber,
  numel: z.number(),
  exactZeros: z.number(),
  nearZeroShare: jsonNumber,
  params: z.array(paramStatsSchema),
  durationMs: z.number(),
});

/** The schema of run.json. */
export const runRecordSchema = z.object({
  format: z.literal(RUN_FORMAT),
  name: z.string(),
  status: z.enum(RUN_STATUSES),
  config: experimentSchema,
  hparams: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  dataset: z.object({ name: z.string(), description: z.string(), task: z.enum(['regression', 'classification']), trainSize: z.number(), testSize: z.number() }).nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  result: runResultSchema.nullable(),
  error: z.object({ name: z.string(), message: z.string() }).nullable(),
});

/** Compile-time check that what the schema produces is a RunRecord. */
const schemaProducesRunRecord: Assignable<z.output<typeof runRecordSchema>, RunRecord> = true;
void schemaProducesRunRecord;

/**
 * Reads and validates `<dir>/run.json`; null when the file does not exist. A file that is not a
 * valid run summary is a {@link RunFolderError} naming the file and the first problem.
 */
export function readRunRecord(dir: string): RunRecord | null {
  return readValidatedJson(join(dir, RUN_FILE), runRecordSchema, 'a decaylab run summary');
}
