import { z } from 'zod';

/** Strava webhook event (developers.strava.com/docs/webhooks): ids only, never the activity itself. */
export const StravaEventSchema = z.object({
  object_type: z.enum(['activity', 'athlete']),
  object_id: z.number().int(),
  aspect_type: z.enum(['create', 'update', 'delete']),
  owner_id: z.number().int(),
  subscription_id: z.number().int(),
  event_time: z.number().int(),
  updates: z.record(z.string(), z.unknown()).optional(),
});
export type StravaEvent = z.infer<typeof StravaEventSchema>;

/** The fields of DetailedActivity (GET /api/v3/activities/{id}) we read. */
export interface StravaActivity {
  id: number;
  name?: string;
  type?: string;
  sport_type?: string;
  start_date: string;
  start_date_local?: string;
  timezone?: string;
  elapsed_time: number;
  moving_time?: number;
  distance?: number;
  total_elevation_gain?: number;
  has_heartrate?: boolean;
  average_heartrate?: number;
  max_heartrate?: number;
  manual?: boolean;
  athlete?: { id: number };
}

/** GET /api/v3/activities/{id}/streams?keys=...&key_by_type=true: a StreamSet keyed by type. */
export type StravaStreamSet = Partial<
  Record<
    'time' | 'distance' | 'heartrate' | 'altitude' | 'cadence' | 'velocity_smooth' | 'latlng' | 'watts',
    { data: unknown[]; series_type?: string; original_size?: number; resolution?: string }
  >
>;

export const STRAVA_STREAM_KEYS = 'time,distance,heartrate,altitude,cadence,velocity_smooth,latlng,watts';
