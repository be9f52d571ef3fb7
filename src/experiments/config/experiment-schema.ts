/**
 * The whole experiment config: what `decaylab run <config.json>` reads and a sweep varies. Every
 * object is strict (an unknown key is an error naming the keys allowed there); defaults are filled
 * in by validation. docs/config.md documents each key; examples/experiment.json uses them all.
 */
import { z } from 'zod';
import { LOGGING_DEFAULTS } from './defaults.js';
import { LOSSES } from './names.js';
import { datasetSchema } from './dataset-schema.js';
import { modelSchema } from './model-schema.js';
import { optimizerSchema } from './optimizer-schema.js';
import { schedulesSchema } from './schedule-schema.js';


const positiveInt = z.number().int().positive();

/**
 * The `training` section: exactly one of `iterations` (optimizer steps) or `epochs` (passes over
 * the training set in mini-batches of `batchSize`; full batch when `batchSize` is omitted).
 * `evalEvery` steps the test-set loss (and accuracy) is measured and logged; 0 = only at the end.
 */
export const trainingSchema = z
  .strictObject({
    iterations: positiveInt.optional(),
    epochs: positiveInt.optional(),
    batchSize: positiveInt.optional(),
    shuffle: z.boolean().default(true),
    evalEvery: z.number().int().nonnegative().default(0),
  })
  .refine((t) => (t.iterations === undefined) !== (t.epochs === undefined), {
    message: 'give exactly one of "iterations" and "epochs"',
  });

/**
 * The `logging` section: every `every` steps, the `loss` scalar and (when `histograms`) each
 * selected parameter's `<name>_data` and `<name>_grad` histograms. `params` are globs on the
 * parameter names (all when omitted); `bins` is `compact` (the event writer's default, 30
 * equal-width buckets), `tensorflow` (tensorboardX's 1549 fixed edges) or a number of equal-width
 * buckets.
 */
export const loggingSchema = z.strictObject({
  every: positiveInt.default(1),
  histograms: z.boolean().default(true),
  gradients: z.boolean().default(true),
  params: z.array(z.string().min(1)).min(1).optional(),
  bins: z.union([z.number().int().min(1).max(10000), z.enum(['compact', 'tensorflow'])]).default('compact'),
});

/** The whole config. */
export const experimentSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z
    .string()
    .regex(/^[A-Za-z0-9._=+-]+$/, 'use letters, digits and . _ = + - only (it names a folder)')
    .optional(),
  description: z.string().optional(),
  seed: z.number().int().nonnegative().default(0),
  model: modelSchema,
  dataset: datasetSchema,
  loss: z.enum(LOSSES).optional(),
  optimizer: optimizerSchema,
  schedule: schedulesSchema.default(() => ({})),
  training: trainingSchema,
  logging: loggingSchema.default(() => ({ ...LOGGING_DEFAULTS })),
});

/** A validated config with every default filled in. */
export type ExperimentConfig = z.output<typeof experimentSchema>;
/** A config as written in a file (defaults may be omitted). */
export type ExperimentConfigInput = z.input<typeof experimentSchema>;
/** The validated `training` section. */
export type TrainingConfig = z.output<typeof trainingSchema>;
/** The validated `logging` section. */
export type LoggingConfig = z.output<typeof loggingSchema>;
