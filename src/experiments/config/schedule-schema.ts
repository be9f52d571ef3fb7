/**
 * Config schema of the learning-rate and weight-decay schedules. Each maps onto one of PyTorch's
 * schedulers from src/optim/lr-scheduler (the weight-decay one with `target: 'weightDecay'`),
 * stepped after every optimizer step (`per: "iteration"`, the default) or after every epoch
 * (`per: "epoch"`). With t the number of scheduler steps so far and v₀ each group's base value:
 * - `constant`: v₀;
 * - `step`: v₀·γ^⌊t / stepSize⌋ (StepLR);
 * - `multistep`: v₀·γ^(milestones ≤ t) (MultiStepLR);
 * - `exponential`: v₀·γ^t (ExponentialLR);
 * - `cosine`: etaMin + (v₀ − etaMin)(1 + cos(π·t/tMax))/2 (CosineAnnealingLR; `tMax` defaults to
 *   the number of scheduler steps of the run);
 * - `linear`: v₀ times a factor going linearly from `startFactor` to `endFactor` over `totalIters`
 *   steps (LinearLR; `totalIters` defaults to all steps of the run), then flat.
 */
import { z } from 'zod';

const per = z.enum(['iteration', 'epoch']).default('iteration');
const positiveInt = z.number().int().positive();

/** One schedule. */
export const scheduleSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('constant'), per }),
  z.strictObject({ type: z.literal('step'), stepSize: positiveInt, gamma: z.number().positive().default(0.1), per }),
  z.strictObject({ type: z.literal('multistep'), milestones: z.array(positiveInt).min(1), gamma: z.number().positive().default(0.1), per }),
  z.strictObject({ type: z.literal('exponential'), gamma: z.number().positive(), per }),
  z.strictObject({ type: z.literal('cosine'), tMax: positiveInt.optional(), etaMin: z.number().nonnegative().default(0), per }),
  z.strictObject({
    type: z.literal('linear'),
    startFactor: z.number().gt(0).max(1).default(1 / 3),
    endFactor: z.number().min(0).max(1).default(1),
    totalIters: positiveInt.optional(),
    per,
  }),
]);

/** The `schedule` section: an optional schedule for the learning rate and for the weight decay. */
export const schedulesSchema = z.strictObject({ lr: scheduleSchema.optional(), weightDecay: scheduleSchema.optional() });

/** A validated schedule. */
export type ScheduleConfig = z.output<typeof scheduleSchema>;
/** A validated `schedule` section. */
export type SchedulesConfig = z.output<typeof schedulesSchema>;
