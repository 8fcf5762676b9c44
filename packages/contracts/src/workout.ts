import { z } from 'zod';
import { IsoDateSchema, RangeSchema } from './common.ts';

export const WORKOUT_TYPES = [
  'easy',
  'long',
  'threshold',
  'intervals',
  'marathon_pace',
  'recovery',
  'rest',
  'race',
  'strength',
] as const;
export const WorkoutTypeSchema = z.enum(WORKOUT_TYPES);
export type WorkoutType = z.infer<typeof WorkoutTypeSchema>;

export const StepDurationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('time'), seconds: z.number().positive() }),
  z.object({ kind: z.literal('distance'), meters: z.number().positive() }),
  z.object({ kind: z.literal('open') }),
]);
export type StepDuration = z.infer<typeof StepDurationSchema>;

export const StepTargetSchema = z.object({
  /** Seconds per km; `min` is the faster end. */
  paceSecPerKm: RangeSchema.optional(),
  hrBpm: RangeSchema.optional(),
  /** Heart-rate zone, 1 (recovery) to 5 (VO2max). */
  zone: z.number().int().min(1).max(5).optional(),
});
export type StepTarget = z.infer<typeof StepTargetSchema>;

export const StepIntentSchema = z.enum(['warmup', 'active', 'recovery', 'rest', 'cooldown']);
export type StepIntent = z.infer<typeof StepIntentSchema>;

export const WorkoutStepSchema = z.object({
  type: z.literal('step'),
  intent: StepIntentSchema,
  duration: StepDurationSchema,
  target: StepTargetSchema.optional(),
  note: z.string().optional(),
});
export type WorkoutStep = z.infer<typeof WorkoutStepSchema>;

export const RepeatBlockSchema = z.object({
  type: z.literal('repeat'),
  count: z.number().int().min(1).max(100),
  steps: z.array(WorkoutStepSchema).min(1),
});
export type RepeatBlock = z.infer<typeof RepeatBlockSchema>;

export const WorkoutStructureSchema = z.object({
  steps: z.array(z.union([WorkoutStepSchema, RepeatBlockSchema])),
});
export type WorkoutStructure = z.infer<typeof WorkoutStructureSchema>;

/** A rule that changed a workout, so the same rule is not applied twice. */
export const WorkoutAdaptationSchema = z.object({
  rule: z.string(),
  on: IsoDateSchema,
  /** The workout this one stands in for, e.g. a missed long run moved here. */
  ref: z.string().optional(),
});
export type WorkoutAdaptation = z.infer<typeof WorkoutAdaptationSchema>;

export const WorkoutSchema = z.object({
  id: z.string().min(1),
  date: IsoDateSchema,
  type: WorkoutTypeSchema,
  targetDistanceMeters: z.number().nonnegative().optional(),
  targetDurationSec: z.number().nonnegative().optional(),
  /** Main heart-rate zone of the session, 1-5. */
  intensityZone: z.number().int().min(1).max(5).optional(),
  structure: WorkoutStructureSchema,
  description: z.string(),
  /** Extensions to API.md's Workout: where it sits in the plan and what changed it. */
  phase: z.enum(['base', 'build', 'peak', 'taper']).optional(),
  week: z.number().int().min(1).optional(),
  adaptations: z.array(WorkoutAdaptationSchema).optional(),
});
export type Workout = z.infer<typeof WorkoutSchema>;
