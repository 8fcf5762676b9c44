import { z } from 'zod';
import { ActivitySchema } from './activity.ts';
import { IsoDateSchema } from './common.ts';

const a = ActivitySchema.shape;

/** `POST /activities`: a manual log. The server adds id, source, internalLoad and trimp. */
export const ManualActivitySchema = z
  .strictObject({
    date: a.date,
    startTime: a.startTime,
    type: a.type,
    durationSec: a.durationSec,
    distanceMeters: a.distanceMeters,
    avgHr: a.avgHr,
    maxHr: a.maxHr,
    elevationGainMeters: a.elevationGainMeters,
    rpe: a.rpe,
    feeling: a.feeling,
    notes: a.notes,
    workoutId: z.string().min(1).max(200).optional(),
  })
  .refine((x) => x.avgHr === undefined || x.maxHr === undefined || x.maxHr >= x.avgHr, {
    message: 'must not be below avgHr',
    path: ['maxHr'],
  });
export type ManualActivity = z.infer<typeof ManualActivitySchema>;

/** `?from&to` of the date-ranged lists (activities, stats/load); both days inclusive. */
export const DateRangeQuerySchema = z
  .strictObject({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after to', path: ['from'] });
export type DateRangeQuery = z.infer<typeof DateRangeQuerySchema>;
