export { StravaClient } from './client.ts';
export { stravaActivity, stravaSamples } from './mapping.ts';
export {
  STRAVA_STREAM_KEYS,
  type StravaActivity,
  type StravaEvent,
  StravaEventSchema,
  type StravaStreamSet,
} from './types.ts';
