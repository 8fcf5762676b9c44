import { z } from 'zod';
import { IsoDateSchema } from './common.ts';

export const GoalSchema = z.strictObject({
  raceDate: IsoDateSchema,
  /** 1 km up to 250 km: 5K to marathon and beyond. */
  distanceMeters: z.number().min(1000).max(250_000),
  name: z.string().max(200).optional(),
  targetTimeSec: z
    .number()
    .positive()
    .max(60 * 60 * 72)
    .optional(),
  elevationGainMeters: z.number().min(0).max(20_000).optional(),
  /** Extension: total descent of the course (a race chosen from search carries it). */
  elevationLossMeters: z.number().min(0).max(20_000).optional(),
  /** Extension: the provider race this goal came from (`POST /races/:id/select`). */
  raceId: z.string().max(64).optional(),
});
export type Goal = z.infer<typeof GoalSchema>;
