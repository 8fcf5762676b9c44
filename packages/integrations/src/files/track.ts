import type { ActivityType } from '@runningcoach/contracts';
import type { FileFormat } from './detect.ts';

/** One recorded point as the file has it, in SI units; anything the device did not record is left out. */
export interface TrackPoint {
  /** Epoch milliseconds. */
  time: number;
  hr?: number;
  /** m/s */
  speed?: number;
  /** Steps per minute for running and walking (both feet); rpm otherwise. */
  cadence?: number;
  power?: number;
  lat?: number;
  lon?: number;
  altitude?: number;
  /** Cumulative distance from the start, m, when the device recorded it. */
  distance?: number;
}

/** Totals the device itself wrote (FIT session, TCX laps); they win over what the points would give. */
export interface DeviceTotals {
  durationSec?: number;
  distanceMeters?: number;
  avgHr?: number;
  maxHr?: number;
  elevationGainMeters?: number;
}

/** One activity as a decoder read it from a file, before summaries and samples are built. */
export interface DecodedActivity {
  format: FileFormat;
  type: ActivityType;
  /** Epoch milliseconds. */
  startTime: number;
  points: TrackPoint[];
  totals: DeviceTotals;
}

/** Running-like sports whose cadence a device records per foot (strides) and we store per step. */
export const STEP_SPORTS: ReadonlySet<ActivityType> = new Set(['run', 'trail_run', 'treadmill', 'walk']);
