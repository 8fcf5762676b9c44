import type { ActivityRow } from '../schema/index.ts';

/**
 * Men's outdoor world records (World Athletics, 2025): distance in metres, time in seconds. No runner
 * averages faster than the record for a distance at or below the one they covered.
 */
const WORLD_RECORDS: readonly [meters: number, seconds: number][] = [
  [100, 9.58],
  [400, 43.03],
  [800, 100.91],
  [1500, 206.0],
  [5000, 755.36],
  [10_000, 1571.0],
  [21_097.5, 3402],
  [42_195, 7235],
];

/** GPS and manual entry are imprecise: a pace is impossible only this far beyond the record. */
const TOLERANCE = 1.05;
const ON_FOOT = new Set(['run', 'trail_run', 'treadmill', 'walk']);
/** Average speeds no bike ride (hour record ~15.8 m/s) or swim (50 m record ~2.4 m/s) reaches. */
const MAX_SPEED: Record<string, number> = { bike: 30, swim: 2.5 };
const HR_RANGE = { min: 25, max: 250 };

function pace(secPerMeter: number): string {
  const perKm = Math.round(secPerMeter * 1000);
  return `${Math.floor(perKm / 60)}:${String(perKm % 60).padStart(2, '0')}/km`;
}

/** The record speed bounding an effort of `meters`: the record at the longest distance not above it. */
function recordSpeed(meters: number): number {
  let bound = WORLD_RECORDS[0]!;
  for (const r of WORLD_RECORDS) if (r[0] <= meters) bound = r;
  return bound[0] / bound[1];
}

type Checked = Pick<ActivityRow, 'type' | 'durationSec' | 'distanceMeters' | 'avgHr' | 'maxHr'>;

/** Why an activity cannot be real, or null. Reasons name the field and the value (shown to the runner). */
export function impossibleValue(a: Checked): string | null {
  if (!(a.durationSec > 0)) return `durationSec: ${a.durationSec} s is not a duration`;
  for (const key of ['avgHr', 'maxHr'] as const) {
    const hr = a[key];
    if (hr != null && (hr < HR_RANGE.min || hr > HR_RANGE.max)) {
      return `${key}: ${hr} bpm is outside what a human heart does (${HR_RANGE.min}-${HR_RANGE.max})`;
    }
  }
  if (a.avgHr != null && a.maxHr != null && a.avgHr > a.maxHr) {
    return `avgHr: ${a.avgHr} bpm is above the maximum of ${a.maxHr} bpm`;
  }
  const d = a.distanceMeters;
  if (d == null || d <= 0) return null;
  const speed = d / a.durationSec;
  if (ON_FOOT.has(a.type)) {
    const limit = recordSpeed(d) * TOLERANCE;
    if (speed > limit) {
      return `distanceMeters: ${(d / 1000).toFixed(2)} km in ${Math.round(a.durationSec)} s is a pace of ${pace(1 / speed)}, faster than the world record`;
    }
  }
  const max = MAX_SPEED[a.type];
  if (max !== undefined && speed > max) {
    return `distanceMeters: an average of ${speed.toFixed(1)} m/s is beyond any ${a.type} on record`;
  }
  return null;
}
