import { z } from 'zod';
import { ActivitySchema } from './activity.ts';
import { IsoDateSchema } from './common.ts';

const a = ActivitySchema.shape;

/** At most this many points per channel (a 13-hour run at 1 Hz); the 1 MiB request body is the other bound. */
export const MAX_ACTIVITY_SAMPLES = 50_000;

const channel = (min: number, max: number) =>
  z.array(z.number().min(min).max(max).nullable()).max(MAX_ACTIVITY_SAMPLES).optional();

/** Names of the optional channels, in the order the server stores them. */
export const SAMPLE_CHANNELS = ['hr', 'speed', 'cadence', 'power', 'lat', 'lon', 'altitude'] as const;
export type SampleChannel = (typeof SAMPLE_CHANNELS)[number];

/**
 * An activity's time series, columnar: `t` (seconds since the start, never decreasing) and any channels of
 * the same length, `null` where the device recorded nothing. Units: hr bpm, speed m/s, cadence steps/min,
 * power W, lat/lon degrees (WGS 84), altitude m. Stored to 1 ms, 1 bpm, 1 mm/s, 1 spm, 1 W, 1e-7°, 0.1 m.
 */
export const ActivitySamplesSchema = z
  .strictObject({
    t: z
      .array(
        z
          .number()
          .min(0)
          .max(60 * 60 * 72),
      )
      .min(1)
      .max(MAX_ACTIVITY_SAMPLES),
    hr: channel(0, 250),
    speed: channel(0, 100),
    cadence: channel(0, 300),
    power: channel(0, 3000),
    lat: channel(-90, 90),
    lon: channel(-180, 180),
    altitude: channel(-500, 9000),
  })
  .superRefine((s, ctx) => {
    for (const name of SAMPLE_CHANNELS) {
      const values = s[name];
      if (values && values.length !== s.t.length) {
        ctx.addIssue({ code: 'custom', path: [name], message: `must have ${s.t.length} values, like t` });
      }
    }
    const i = s.t.findIndex((x, j) => j > 0 && x < s.t[j - 1]!);
    if (i > 0) ctx.addIssue({ code: 'custom', path: ['t', i], message: 'must not decrease' });
  });
export type ActivitySamples = z.infer<typeof ActivitySamplesSchema>;

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
    /** Server extension: the time series; summary fields left out are computed from it. */
    samples: ActivitySamplesSchema.optional(),
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

/**
 * `PATCH /activities/:id` (extension): how it felt, added or corrected later — e.g. the RPE an imported run
 * is missing. `null` clears a field. The objective fields are the device's and are not editable here.
 */
export const ActivityFeedbackSchema = z
  .strictObject({
    rpe: a.rpe.unwrap().nullable().optional(),
    feeling: a.feeling.unwrap().nullable().optional(),
    notes: a.notes.unwrap().nullable().optional(),
  })
  .refine((x) => Object.keys(x).length > 0, { message: 'needs rpe, feeling or notes', path: ['rpe'] });
export type ActivityFeedback = z.infer<typeof ActivityFeedbackSchema>;
