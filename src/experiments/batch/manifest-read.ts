/** Reading experiment.json back, validated (the schema mirrors the {@link Manifest} type). */
import { join } from 'node:path';
import { z } from 'zod';
import { experimentSchema } from '../config/experiment-schema.js';
import { type Assignable, readValidatedJson } from '../run/json-file.js';
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

const schemaProducesManifest: Assignable<z.output<typeof manifestSchema>, Manifest> = true;
void schemaProducesManifest;

/** Reads `<dir>/experiment.json`; null when absent; a RunFolderError when malformed (json-file.ts). */
export function readManifest(dir: string): Manifest | null {
  return readValidatedJson(join(dir, MANIFEST_FILE), manifestSchema, 'a decaylab experiment manifest');
}
