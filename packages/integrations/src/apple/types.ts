import { z } from 'zod';

/**
 * What the iOS app relays from HealthKit (Apple has no server API): workouts and daily values, each with
 * the HealthKit UUID (or the day) as its id, so a relay sent twice changes nothing.
 */
const Workout = z.strictObject({
  uuid: z.string().min(1).max(100),
  activityType: z.string().min(1).max(60),
  startDate: z.iso.datetime({ offset: true }),
  durationSec: z
    .number()
    .positive()
    .max(72 * 3600),
  totalDistanceMeters: z.number().min(0).max(1_000_000).optional(),
  averageHeartRate: z.number().min(20).max(250).optional(),
  maxHeartRate: z.number().min(20).max(250).optional(),
  elevationAscendedMeters: z.number().min(0).max(20_000).optional(),
});
const Daily = z.strictObject({
  date: z.iso.date(),
  restingHeartRate: z.number().min(20).max(200).optional(),
  hrvRmssd: z.number().min(1).max(300).optional(),
  sleepMinutes: z.number().min(0).max(1440).optional(),
});
export const AppleRelaySchema = z.strictObject({
  workouts: z.array(Workout).max(200).default([]),
  dailies: z.array(Daily).max(200).default([]),
});
export type AppleRelay = z.infer<typeof AppleRelaySchema>;
export type AppleWorkout = z.infer<typeof Workout>;
export type AppleDaily = z.infer<typeof Daily>;
