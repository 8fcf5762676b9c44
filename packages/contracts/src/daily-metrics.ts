import { z } from 'zod';
import { IsoDateSchema } from './common.ts';

/** Subjective answers are 1-5; for soreness and stress 5 is the worst, for the rest 5 is the best. */
const likert = z.number().int().min(1).max(5);

export const DailyMetricsSchema = z.strictObject({
  date: IsoDateSchema,
  restingHr: z.number().int().min(25).max(150).optional(),
  hrvRmssd: z.number().min(3).max(300).optional(),
  sleepDurationMinutes: z
    .number()
    .min(0)
    .max(24 * 60)
    .optional(),
  sleepQuality: likert.optional(),
  soreness: likert.optional(),
  stress: likert.optional(),
  mood: likert.optional(),
  morningReadiness: likert.optional(),
  weightKg: z.number().min(25).max(250).optional(),
});
export type DailyMetrics = z.infer<typeof DailyMetricsSchema>;
