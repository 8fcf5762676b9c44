import { z } from 'zod';
import { WeekdaySchema } from './common.ts';

export const AvailabilitySchema = z
  .strictObject({
    runDays: z.array(WeekdaySchema).min(2, 'needs at least 2 run days').max(7),
    longRunDay: WeekdaySchema,
    /** Optional strength sessions, placed on days without a run. */
    strengthDays: z.array(WeekdaySchema).max(7).optional(),
  })
  .refine((a) => new Set(a.runDays).size === a.runDays.length, {
    message: 'has a day twice',
    path: ['runDays'],
  })
  .refine((a) => a.runDays.includes(a.longRunDay), {
    message: 'must be one of runDays',
    path: ['longRunDay'],
  });
export type Availability = z.infer<typeof AvailabilitySchema>;
