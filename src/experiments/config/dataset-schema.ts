/**
 * Config schema of the dataset. Every synthetic dataset is drawn from its own generator seeded with
 * `seed` (default 0), so the data stay the same across a sweep's seeds (which vary the
 * initialisation and batch order) unless the sweep varies `dataset.seed` itself.
 */
import { z } from 'zod';

const positiveInt = z.number().int().positive();
const seed = z.number().int().nonnegative().default(0);

/** Default folder of Debian's `dataset-fashion-mnist` package. */
export const DEFAULT_FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';

/** The `dataset` section. */
export const datasetSchema = z.discriminatedUnion('name', [
  z.strictObject({ name: z.literal('article') }),
  z.strictObject({
    name: z.literal('polynomial'),
    n: positiveInt.default(30),
    testN: z.number().int().nonnegative().default(200),
    degree: positiveInt.default(3),
    coefficients: z.array(z.number()).optional(),
    noise: z.number().nonnegative().default(0.1),
    featureDegree: positiveInt.default(1),
    seed,
  }),
  z.strictObject({ name: z.literal('moons'), n: positiveInt.default(200), testN: z.number().int().nonnegative().default(200), noise: z.number().nonnegative().default(0.1), seed }),
  z.strictObject({
    name: z.literal('spirals'),
    n: positiveInt.default(300),
    testN: z.number().int().nonnegative().default(300),
    classes: z.number().int().min(2).default(2),
    turns: z.number().positive().default(1),
    noise: z.number().nonnegative().default(0.2),
    seed,
  }),
  z.strictObject({
    name: z.literal('csv'),
    path: z.string().min(1),
    target: z.union([z.string().min(1), z.number().int()]).default(-1),
    task: z.enum(['regression', 'classification']).default('regression'),
    header: z.boolean().default(true),
    testFraction: z.number().min(0).max(0.9).default(0.2),
    standardize: z.boolean().default(true),
    seed,
  }),
  z.strictObject({
    name: z.literal('fashion-mnist'),
    dir: z.string().min(1).default(DEFAULT_FASHION_MNIST_DIR),
    trainSubset: z.number().int().positive().max(60000).default(1000),
    testSubset: z.number().int().positive().max(10000).default(10000),
    normalize: z.enum(['unit', 'standard']).default('unit'),
  }),
]);

/** A validated `dataset` section. */
export type DatasetConfig = z.output<typeof datasetSchema>;
