import { z } from 'zod';

const lat = z.coerce.number().min(-90).max(90);
const lon = z.coerce.number().min(-180).max(180);

/** `GET /weather/forecast?lat&lon`: the runner's location (the device's, never stored). */
export const WeatherQuerySchema = z.strictObject({ lat, lon });
export type WeatherQuery = z.infer<typeof WeatherQuerySchema>;

/** `GET /activities/:id/effort?lat&lon`: where the run was, when the activity has no GPS. */
export const EffortQuerySchema = z
  .strictObject({ lat: lat.optional(), lon: lon.optional() })
  .refine((q) => (q.lat === undefined) === (q.lon === undefined), {
    path: ['lat'],
    message: 'lat and lon go together',
  });
export type EffortQuery = z.infer<typeof EffortQuerySchema>;

/** An activity id in a path (server uuids or client-made sync ids). */
export const ActivityIdParamSchema = z.strictObject({ id: z.string().min(1).max(64) });
export type ActivityIdParam = z.infer<typeof ActivityIdParamSchema>;
