/**
 * Config schema of the optimizer, its weight-decay mode and its parameter groups.
 *
 * Decay modes (λ = `weightDecay`, η = the learning rate, g = the gradient):
 * - `l2`: coupled L2, PyTorch's `weight_decay`: g ← g + λw before the optimizer's scaling;
 * - `decoupled`: AdamW's decay, w ← w − ηλw beside the optimizer's update;
 * - `l1`: coupled L1 subgradient, g ← g + λ·sign(w) (sign(0) = 0);
 * - `l1-proximal`: soft-thresholding after the step, w ← sign(w)·max(|w| − ηλ, 0).
 * `adamw` defaults to `decoupled`, every other optimizer to `l2`.
 */
import { z } from 'zod';
import { OPTIMIZER_DEFAULTS } from './defaults.js';
import { DECAY_MODES, GROUP_LAYERS, GROUP_TENSORS } from './names.js';

export { DECAY_MODES, GROUP_LAYERS, GROUP_TENSORS, OPTIMIZER_NAMES, decayModeOf, type DecayMode, type OptimizerName } from './names.js';

const nonNegative = z.number().nonnegative();

/**
 * A parameter group: the parameters matching every selector given (`params` globs on the dotted
 * name, where `*` matches any characters; `layer` kinds; `tensor` roles) get these settings. The
 * first matching group wins; parameters matching none use the optimizer's own settings.
 */
export const groupSchema = z.strictObject({
  params: z.array(z.string().min(1)).min(1).optional(),
  layer: z.array(z.enum(GROUP_LAYERS)).min(1).optional(),
  tensor: z.array(z.enum(GROUP_TENSORS)).min(1).optional(),
  lr: z.number().positive().optional(),
  weightDecay: nonNegative.optional(),
  decay: z.enum(DECAY_MODES).optional(),
});

const common = {
  lr: z.number().positive(),
  weightDecay: nonNegative.default(0),
  decay: z.enum(DECAY_MODES).optional(),
  groups: z.array(groupSchema).default(() => []),
};
const betas = z.tuple([z.number().min(0).lt(1), z.number().min(0).lt(1)]);

const D = OPTIMIZER_DEFAULTS;
const eps = (v: number): z.ZodDefault<z.ZodNumber> => z.number().positive().default(v);
const betasDefault = (v: readonly [number, number]): z.ZodDefault<typeof betas> => betas.default((): [number, number] => [v[0], v[1]]);

/** The `optimizer` section (PyTorch's option names in camelCase; defaults from defaults.ts). */
export const optimizerSchema = z.discriminatedUnion('name', [
  z.strictObject({ name: z.literal('sgd'), ...common, momentum: nonNegative.default(D.sgd.momentum), dampening: nonNegative.default(D.sgd.dampening), nesterov: z.boolean().default(D.sgd.nesterov) }),
  z.strictObject({ name: z.literal('adam'), ...common, betas: betasDefault(D.adam.betas), eps: eps(D.adam.eps), amsgrad: z.boolean().default(D.adam.amsgrad) }),
  z.strictObject({ name: z.literal('adamw'), ...common, betas: betasDefault(D.adamw.betas), eps: eps(D.adamw.eps), amsgrad: z.boolean().default(D.adamw.amsgrad) }),
  z.strictObject({
    name: z.literal('rmsprop'),
    ...common,
    alpha: z.number().min(0).max(1).default(D.rmsprop.alpha),
    eps: eps(D.rmsprop.eps),
    momentum: nonNegative.default(D.rmsprop.momentum),
    centered: z.boolean().default(D.rmsprop.centered),
  }),
  z.strictObject({
    name: z.literal('adagrad'),
    ...common,
    lrDecay: nonNegative.default(D.adagrad.lrDecay),
    initialAccumulatorValue: nonNegative.default(D.adagrad.initialAccumulatorValue),
    eps: eps(D.adagrad.eps),
  }),
  z.strictObject({ name: z.literal('adamax'), ...common, betas: betasDefault(D.adamax.betas), eps: eps(D.adamax.eps) }),
  z.strictObject({ name: z.literal('nadam'), ...common, betas: betasDefault(D.nadam.betas), eps: eps(D.nadam.eps), momentumDecay: nonNegative.default(D.nadam.momentumDecay) }),
  z.strictObject({ name: z.literal('radam'), ...common, betas: betasDefault(D.radam.betas), eps: eps(D.radam.eps) }),
  z.strictObject({ name: z.literal('adadelta'), ...common, rho: z.number().min(0).max(1).default(D.adadelta.rho), eps: eps(D.adadelta.eps) }),
]);

/** A validated `optimizer` section. */
export type OptimizerConfig = z.output<typeof optimizerSchema>;
/** A validated parameter group. */
export type GroupConfig = z.output<typeof groupSchema>;
