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
});
export type Goal = z.infer<typeof GoalSchema>;
