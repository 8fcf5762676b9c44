import { z } from 'zod';
import { IsoDateSchema } from './common.ts';

export const ActivityTypeSchema = z.enum([
  'run',
  'trail_run',
  'treadmill',
  'walk',
  'bike',
  'swim',
  'strength',
  'other',
]);
export type ActivityType = z.infer<typeof ActivityTypeSchema>;

export const ActivitySourceSchema = z.enum(['manual', 'fit', 'gpx', 'tcx', 'garmin', 'strava', 'apple']);
export type ActivitySource = z.infer<typeof ActivitySourceSchema>;

export const ActivitySchema = z.object({
  id: z.string().min(1),
  /** The runner's local calendar day the activity started on. */
  date: IsoDateSchema,
  startTime: z.iso.datetime({ offset: true }).optional(),
  type: ActivityTypeSchema,
  source: ActivitySourceSchema,
  distanceMeters: z.number().min(0).max(500_000).optional(),
  durationSec: z
    .number()
    .positive()
    .max(60 * 60 * 72),
  avgHr: z.number().int().min(25).max(250).optional(),
  maxHr: z.number().int().min(25).max(250).optional(),
  elevationGainMeters: z.number().min(0).max(20_000).optional(),
  /** Session RPE, CR-10 scale (Foster). */
  rpe: z.number().min(0).max(10).optional(),
  feeling: z.number().int().min(1).max(5).optional(),
  notes: z.string().max(5000).optional(),
  /** sRPE load (RPE x minutes), the PRD's internal_load. */
  internalLoad: z.number().nonnegative().optional(),
  trimp: z.number().nonnegative().optional(),
  workoutId: z.string().optional(),
});
export type Activity = z.infer<typeof ActivitySchema>;
