/**
 * Garmin Health API summaries (push bodies and ping/pull answers), the fields we read. Each notification
 * body is `{ "<summary type>": [ ... ] }`; a ping item carries `callbackURL` instead of the data.
 */
export const GARMIN_SUMMARY_TYPES = ['activities', 'activityDetails', 'dailies', 'sleeps', 'hrv'] as const;
export type GarminSummaryType = (typeof GARMIN_SUMMARY_TYPES)[number];

export interface GarminActivitySummary {
  userId: string;
  userAccessToken?: string;
  summaryId: string;
  activityId?: number;
  activityName?: string;
  activityType: string;
  startTimeInSeconds: number;
  startTimeOffsetInSeconds?: number;
  durationInSeconds: number;
  distanceInMeters?: number;
  averageHeartRateInBeatsPerMinute?: number;
  maxHeartRateInBeatsPerMinute?: number;
  totalElevationGainInMeters?: number;
  deviceName?: string;
  manual?: boolean;
}

export interface GarminSample {
  startTimeInSeconds: number;
  heartRate?: number;
  speedMetersPerSecond?: number;
  stepsPerMinute?: number;
  powerInWatts?: number;
  latitudeInDegree?: number;
  longitudeInDegree?: number;
  elevationInMeters?: number;
  totalDistanceInMeters?: number;
}

export interface GarminActivityDetails {
  userId: string;
  summaryId: string;
  activityId?: number;
  summary: Omit<GarminActivitySummary, 'userId' | 'summaryId'>;
  samples?: GarminSample[];
}

export interface GarminDaily {
  userId: string;
  summaryId: string;
  calendarDate: string;
  restingHeartRateInBeatsPerMinute?: number;
  /** 0-100, -1 when unknown. */
  averageStressLevel?: number;
}

export interface GarminSleep {
  userId: string;
  summaryId: string;
  calendarDate: string;
  durationInSeconds: number;
  overallSleepScore?: { value: number; qualifierKey: 'EXCELLENT' | 'GOOD' | 'FAIR' | 'POOR' };
}

export interface GarminHrv {
  userId: string;
  summaryId: string;
  calendarDate: string;
  /** Last night's average RMSSD, ms. */
  lastNightAvg?: number;
  lastNight5MinHigh?: number;
}

export interface GarminPing {
  userId: string;
  userAccessToken?: string;
  uploadStartTimeInSeconds: number;
  uploadEndTimeInSeconds: number;
  callbackURL: string;
}

export type GarminItem = { userId: string; summaryId?: string; callbackURL?: string } & Record<
  string,
  unknown
>;
