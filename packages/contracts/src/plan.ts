import { z } from 'zod';
import { IsoDateSchema, RangeSchema, ReasonSchema } from './common.ts';
import { GoalSchema } from './goal.ts';
import { WorkoutSchema } from './workout.ts';

export const PHASE_NAMES = ['base', 'build', 'peak', 'taper'] as const;
export const PhaseNameSchema = z.enum(PHASE_NAMES);
export type PhaseName = z.infer<typeof PhaseNameSchema>;

export const PhaseSchema = z.object({
  name: PhaseNameSchema,
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
});
export type Phase = z.infer<typeof PhaseSchema>;

export const PlanWeekSchema = z.object({
  index: z.number().int().min(1),
  startDate: IsoDateSchema,
  phase: PhaseNameSchema,
  cutback: z.boolean(),
  /** Planned running volume for the whole week (a partial first week is prorated in its workouts). */
  targetDistanceMeters: z.number().nonnegative(),
});
export type PlanWeek = z.infer<typeof PlanWeekSchema>;

export const TrainingPacesSchema = z.object({
  easy: RangeSchema,
  marathon: z.number(),
  threshold: z.number(),
  interval: z.number(),
  repetition: z.number(),
});
export type TrainingPacesDto = z.infer<typeof TrainingPacesSchema>;

export const HrZoneSchema = z.object({
  zone: z.number().int().min(1).max(5),
  name: z.string(),
  minBpm: z.number(),
  maxBpm: z.number(),
  method: z.enum(['karvonen', 'percentMax', 'lthr']),
  /** true when max HR came from an age formula. */
  estimated: z.boolean(),
});
export type HrZoneDto = z.infer<typeof HrZoneSchema>;

export const TrainingPlanSchema = z.object({
  version: z.number().int().min(1),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  phases: z.array(PhaseSchema),
  workouts: z.array(WorkoutSchema),
  /** Extensions to API.md's TrainingPlan, all optional for older clients. */
  engineVersion: z.string().optional(),
  goal: GoalSchema.optional(),
  weeks: z.array(PlanWeekSchema).optional(),
  vdot: z.number().optional(),
  paces: TrainingPacesSchema.optional(),
  hrZones: z.array(HrZoneSchema).optional(),
  warnings: z.array(ReasonSchema).optional(),
});
export type TrainingPlan = z.infer<typeof TrainingPlanSchema>;
