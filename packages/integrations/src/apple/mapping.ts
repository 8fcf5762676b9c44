import { textSport } from '../files/sport.ts';
import type { ProviderActivity, ProviderDailyMetrics } from '../provider.ts';
import type { AppleDaily, AppleWorkout } from './types.ts';

/** HKWorkoutActivityType names (`running`, `walking`, `cycling`, ...) map like a file's sport text. */
export function appleWorkout(w: AppleWorkout): ProviderActivity {
  return {
    source: 'apple',
    externalId: w.uuid,
    type: textSport(w.activityType),
    startTime: new Date(w.startDate).toISOString(),
    durationSec: w.durationSec,
    ...(w.totalDistanceMeters !== undefined && { distanceMeters: w.totalDistanceMeters }),
    ...(w.averageHeartRate !== undefined && { avgHr: Math.round(w.averageHeartRate) }),
    ...(w.maxHeartRate !== undefined && { maxHr: Math.round(w.maxHeartRate) }),
    ...(w.elevationAscendedMeters !== undefined && { elevationGainMeters: w.elevationAscendedMeters }),
  };
}

export function appleDaily(d: AppleDaily): ProviderDailyMetrics {
  return {
    date: d.date,
    ...(d.restingHeartRate !== undefined && { restingHr: Math.round(d.restingHeartRate) }),
    ...(d.hrvRmssd !== undefined && { hrvRmssd: d.hrvRmssd }),
    ...(d.sleepMinutes !== undefined && { sleepDurationMinutes: d.sleepMinutes }),
  };
}
