import type { ActivitySamples } from '@runningcoach/contracts';
import { textSport } from '../files/sport.ts';
import type { ProviderActivity, ProviderDailyMetrics } from '../provider.ts';
import type {
  GarminActivityDetails,
  GarminActivitySummary,
  GarminDaily,
  GarminHrv,
  GarminSample,
  GarminSleep,
} from './types.ts';

const iso = (sec: number) => new Date(sec * 1000).toISOString();

export function garminActivity(
  s: Omit<GarminActivitySummary, 'userId' | 'summaryId'> & { summaryId?: string },
  samples?: GarminSample[],
): ProviderActivity {
  const mapped = samples && samples.length > 0 ? garminSamples(s.startTimeInSeconds, samples) : undefined;
  return {
    source: 'garmin',
    externalId: String(s.activityId ?? s.summaryId),
    type: textSport(s.activityType),
    startTime: iso(s.startTimeInSeconds),
    durationSec: s.durationInSeconds,
    ...(s.distanceInMeters !== undefined && { distanceMeters: s.distanceInMeters }),
    ...(s.averageHeartRateInBeatsPerMinute !== undefined && { avgHr: s.averageHeartRateInBeatsPerMinute }),
    ...(s.maxHeartRateInBeatsPerMinute !== undefined && { maxHr: s.maxHeartRateInBeatsPerMinute }),
    ...(s.totalElevationGainInMeters !== undefined && { elevationGainMeters: s.totalElevationGainInMeters }),
    ...(mapped && { samples: mapped }),
  };
}

export const garminActivityDetails = (d: GarminActivityDetails): ProviderActivity =>
  garminActivity(
    { ...d.summary, summaryId: d.summaryId, activityId: d.activityId ?? d.summary.activityId },
    d.samples,
  );

function garminSamples(start: number, samples: GarminSample[]): ActivitySamples {
  const ch = (f: (s: GarminSample) => number | undefined) => {
    const v = samples.map((s) => f(s) ?? null);
    return v.some((x) => x !== null) ? v : undefined;
  };
  const out: Record<string, unknown> = { t: samples.map((s) => s.startTimeInSeconds - start) };
  const channels = {
    hr: ch((s) => s.heartRate),
    speed: ch((s) => s.speedMetersPerSecond),
    cadence: ch((s) => s.stepsPerMinute),
    power: ch((s) => s.powerInWatts),
    lat: ch((s) => s.latitudeInDegree),
    lon: ch((s) => s.longitudeInDegree),
    altitude: ch((s) => s.elevationInMeters),
  };
  for (const [k, v] of Object.entries(channels)) if (v) out[k] = v;
  return out as ActivitySamples;
}

/** Garmin's 0-100 stress level on our 1-5 scale (5 the worst); -1 means not measured. */
const stress5 = (level: number | undefined) =>
  level === undefined || level < 0 ? undefined : Math.min(5, 1 + Math.floor(level / 20));

const SLEEP_QUALITY = { EXCELLENT: 5, GOOD: 4, FAIR: 3, POOR: 2 } as const;

export function garminDaily(d: GarminDaily): ProviderDailyMetrics {
  const stress = stress5(d.averageStressLevel);
  return {
    date: d.calendarDate,
    ...(d.restingHeartRateInBeatsPerMinute !== undefined && {
      restingHr: d.restingHeartRateInBeatsPerMinute,
    }),
    ...(stress !== undefined && { stress }),
  };
}

export function garminSleep(s: GarminSleep): ProviderDailyMetrics {
  return {
    date: s.calendarDate,
    sleepDurationMinutes: Math.round(s.durationInSeconds / 60),
    ...(s.overallSleepScore && { sleepQuality: SLEEP_QUALITY[s.overallSleepScore.qualifierKey] }),
  };
}

export function garminHrv(h: GarminHrv): ProviderDailyMetrics {
  return { date: h.calendarDate, ...(h.lastNightAvg !== undefined && { hrvRmssd: h.lastNightAvg }) };
}
