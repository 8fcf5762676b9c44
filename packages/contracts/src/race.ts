import { z } from 'zod';
import { IsoDateSchema } from './common.ts';

/** Race distances by name, as runners type them; anything else is metres. */
export const RACE_DISTANCE_NAMES = { '5k': 5000, '10k': 10_000, half: 21_097.5, marathon: 42_195 } as const;

/** A provider's race id (Ahotu's are short slugs); kept to a safe alphabet for paths and logs. */
export const RaceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a race id');
export const RaceIdParamSchema = z.strictObject({ id: RaceIdSchema });
export type RaceIdParam = z.infer<typeof RaceIdParamSchema>;

const coordinate = (max: number) => z.coerce.number().min(-max).max(max);

/**
 * `GET /races?query&from&to&distance&near`: `query` (alias `q`) matches the race name or place; `distance` is
 * metres or one of 5k, 10k, half, marathon; `near` is `lat,lon` with `radiusKm` (default 100).
 */
export const RaceSearchQuerySchema = z
  .strictObject({
    query: z.string().trim().min(1).max(100).optional(),
    q: z.string().trim().min(1).max(100).optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    distance: z
      .union([
        z.enum(Object.keys(RACE_DISTANCE_NAMES) as [keyof typeof RACE_DISTANCE_NAMES]),
        z.coerce.number().min(1000).max(250_000),
      ])
      .optional(),
    near: z
      .string()
      .regex(/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/, 'must be "lat,lon"')
      .refine((s) => {
        const [lat, lon] = s.split(',').map(Number) as [number, number];
        return Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
      }, 'is outside -90..90, -180..180')
      .optional(),
    radiusKm: z.coerce.number().min(1).max(1000).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .refine((q) => !(q.from && q.to && q.from > q.to), { path: ['from'], message: 'must not be after to' })
  .refine((q) => q.radiusKm === undefined || q.near !== undefined, {
    path: ['radiusKm'],
    message: 'needs near',
  });
export type RaceSearchQuery = z.infer<typeof RaceSearchQuerySchema>;

export const CourseProfilePointSchema = z.object({
  distanceMeters: z.number().min(0),
  elevationMeters: z.number(),
});

export const RaceSchema = z.object({
  id: RaceIdSchema,
  source: z.literal('ahotu'),
  name: z.string(),
  date: IsoDateSchema,
  place: z.object({
    city: z.string(),
    region: z.string().nullable(),
    country: z.string(),
    lat: coordinate(90).nullable(),
    lon: coordinate(180).nullable(),
  }),
  distanceMeters: z.number().positive(),
  elevationGainMeters: z.number().min(0).nullable(),
  elevationLossMeters: z.number().min(0).nullable(),
  /** Elevation along the course, start to finish; empty when the provider has none. */
  courseProfile: z.array(CourseProfilePointSchema),
  surface: z.string().nullable(),
  url: z.string().nullable(),
});
export type Race = z.infer<typeof RaceSchema>;

export const RaceListSchema = z.object({
  races: z.array(RaceSchema),
  /** True when the race search provider is down and these are this search's last results (up to 24 h old). */
  stale: z.boolean().optional(),
});
export type RaceList = z.infer<typeof RaceListSchema>;

/** `POST /races/:id/select` (body optional): a target time for the new goal. */
export const RaceSelectSchema = z.strictObject({
  targetTimeSec: z
    .number()
    .positive()
    .max(60 * 60 * 72)
    .optional(),
});
export type RaceSelect = z.infer<typeof RaceSelectSchema>;
