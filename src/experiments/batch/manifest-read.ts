/** Reading experiment.json back, validated (the schema mirrors the {@link Manifest} type). */
import { join } from 'node:path';
import { z } from 'zod';
import { experimentSchema } from '../config/experiment-schema.js';
import { RunFolderError } from '../errors.js';
import { readJsonFile } from '../run/run-record-read.js';
import { BATCH_KINDS, type Manifest, MANIFEST_FILE } from './manifest.js';

/** The schema of experiment.json. */
export const manifestSchema = z.object({
  format: z.literal('decaylab.experiment/1'),
  kind: z.enum(BATCH_KINDS),
  name: z.string(),
  createdAt: z.string(),
  meta: z.record(z.string(), z.unknown()).default(() => ({})),
  runs: z.array(
    z.object({
      name: z.string(),
      group: z.string(),
      hparams: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
      config: experimentSchema,
    }),
  ),
});

type Assignable<A, B> = [A] extends [B] ? true : false;
const schemaProducesManifest: Assignable<z.output<typeof manifestSchema>, Manifest> = true;
void schemaProducesManifest;

/** Reads `<dir>/experiment.json`; null when absent; a {@link RunFolderError} when malformed. */
export function readManifest(dir: string): Manifest | null {
  const path = join(dir, MANIFEST_FILE);
  const data = readJsonFile(path);
  if (data === null) return null;
  const parsed = manifestSchema.safeParse(data);
  if (!parsed.success) throw new RunFolderError(`not a decaylab experiment manifest: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`, path);
  return parsed.data;
}
