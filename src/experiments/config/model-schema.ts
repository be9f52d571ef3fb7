/**
 * Config schema of the model. Three kinds:
 * - `article`: the article's reference model (2→20→20→20→20→1, Linear each followed by
 *   LayerNorm(20), parameters `linears.0 … linears.8`), for the article's data only;
 * - `mlp`: `hidden` sizes between the dataset's input and output sizes, with an optional
 *   LayerNorm after each hidden Linear and an activation after that;
 * - `sequential`: an explicit list of layers; a Linear's input size is the previous output size and
 *   a Linear without `out` gets the dataset's output size.
 */
import { z } from 'zod';
import { ACTIVATIONS } from './names.js';


const positiveInt = z.number().int().positive();

/** One layer of a `sequential` model. */
export const layerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('linear'), out: positiveInt.optional(), bias: z.boolean().default(true) }),
  z.strictObject({ type: z.literal('layernorm'), eps: z.number().positive().default(1e-5), affine: z.boolean().default(true) }),
  z.strictObject({ type: z.literal('relu') }),
  z.strictObject({ type: z.literal('tanh') }),
  z.strictObject({ type: z.literal('sigmoid') }),
  z.strictObject({ type: z.literal('gelu') }),
]);

/** The `model` section. */
export const modelSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('article') }),
  z.strictObject({
    kind: z.literal('mlp'),
    hidden: z.array(positiveInt).default(() => [20, 20, 20, 20]),
    activation: z.enum(ACTIVATIONS).default('relu'),
    norm: z.enum(['none', 'layernorm']).default('none'),
    bias: z.boolean().default(true),
  }),
  z.strictObject({ kind: z.literal('sequential'), layers: z.array(layerSchema).min(1) }),
]);

/** A validated `model` section. */
export type ModelConfig = z.output<typeof modelSchema>;
/** One validated layer of a `sequential` model. */
export type LayerConfig = z.output<typeof layerSchema>;
