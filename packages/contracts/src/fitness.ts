import { z } from 'zod';
import { IsoDateSchema } from './common.ts';

export const RecentRaceSchema = z.strictObject({
  distanceMeters: z.number().min(1000).max(250_000),
  timeSec: z
    .number()
    .positive()
    .max(60 * 60 * 72),
  date: IsoDateSchema,
});
export type RecentRace = z.infer<typeof RecentRaceSchema>;

export const FitnessSchema = z.strictObject({
  recentRace: RecentRaceSchema.optional(),
  weeklyDistanceMeters: z.number().min(0).max(400_000).optional(),
  longestRecentRunMeters: z.number().min(0).max(250_000).optional(),
});
export type Fitness = z.infer<typeof FitnessSchema>;
