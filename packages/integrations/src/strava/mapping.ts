import type { ActivitySamples } from '@runningcoach/contracts';
import { textSport } from '../files/sport.ts';
import type { ProviderActivity } from '../provider.ts';
import type { StravaActivity, StravaStreamSet } from './types.ts';

const round = (x: number) => Math.round(x);

/** Strava streams to our samples: seconds from the start; running cadence is per leg, ours per minute (x2). */
export function stravaSamples(streams: StravaStreamSet): ActivitySamples | undefined {
  const t = streams.time?.data as number[] | undefined;
  if (!t || t.length === 0) return undefined;
  const pick = (k: keyof StravaStreamSet, f: (v: number) => number = (v) => v) => {
    const d = streams[k]?.data as (number | null)[] | undefined;
    return d && d.length === t.length ? d.map((v) => (typeof v === 'number' ? f(v) : null)) : undefined;
  };
  const latlng = streams.latlng?.data as ([number, number] | null)[] | undefined;
  const samples: Record<string, unknown> = { t };
  const hr = pick('heartrate', round);
  const speed = pick('velocity_smooth');
  const cadence = pick('cadence', (v) => v * 2);
  const power = pick('watts');
  const altitude = pick('altitude');
  if (hr) samples.hr = hr;
  if (speed) samples.speed = speed;
  if (cadence) samples.cadence = cadence;
  if (power) samples.power = power;
  if (latlng && latlng.length === t.length) {
    samples.lat = latlng.map((p) => (p ? p[0] : null));
    samples.lon = latlng.map((p) => (p ? p[1] : null));
  }
  if (altitude) samples.altitude = altitude;
  return samples as ActivitySamples;
}

/** DetailedActivity (+ streams) to our activity; the device's summary wins over one computed from streams. */
export function stravaActivity(a: StravaActivity, streams?: StravaStreamSet): ProviderActivity {
  const samples = streams ? stravaSamples(streams) : undefined;
  return {
    source: 'strava',
    externalId: String(a.id),
    type: textSport(a.sport_type ?? a.type),
    startTime: new Date(a.start_date).toISOString(),
    durationSec: a.elapsed_time,
    ...(a.distance !== undefined && { distanceMeters: a.distance }),
    ...(a.average_heartrate !== undefined && { avgHr: round(a.average_heartrate) }),
    ...(a.max_heartrate !== undefined && { maxHr: round(a.max_heartrate) }),
    ...(a.total_elevation_gain !== undefined && { elevationGainMeters: a.total_elevation_gain }),
    ...(samples && { samples }),
  };
}
