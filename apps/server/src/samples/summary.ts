import type { ActivitySamples } from '@runningcoach/contracts';

export interface SampleSummary {
  avgHr?: number;
  maxHr?: number;
  distanceMeters?: number;
  elevationGainMeters?: number;
}

/** GPS and barometric altitude wobble by a metre or two: climbs smaller than this are noise. */
export const ELEVATION_HYSTERESIS_M = 2;

const present = (xs: readonly (number | null)[] | undefined) =>
  (xs ?? []).filter((x): x is number => x !== null);

// Haversine great-circle distance on a sphere of the WGS 84 mean radius (6,371,008.8 m).
function haversine(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Distance from speed (each sample's speed over the interval it ends), else from the GPS track. */
function distance(s: ActivitySamples): number | undefined {
  if (s.speed?.some((v) => v !== null)) {
    let d = 0;
    for (let i = 1; i < s.t.length; i++) d += (s.speed[i] ?? 0) * (s.t[i]! - s.t[i - 1]!);
    return d;
  }
  if (s.lat && s.lon) {
    let d = 0;
    let last: [number, number] | null = null;
    for (let i = 0; i < s.t.length; i++) {
      const lat = s.lat[i];
      const lon = s.lon[i];
      if (lat == null || lon == null) continue;
      if (last) d += haversine(last[0], last[1], lat, lon);
      last = [lat, lon];
    }
    return last ? d : undefined;
  }
  return undefined;
}

/** Total climb, counting a rise only once it exceeds the hysteresis band above the lowest point since. */
function elevationGain(altitude: readonly (number | null)[] | undefined): number | undefined {
  const alts = present(altitude);
  if (alts.length === 0) return undefined;
  let gain = 0;
  let ref = alts[0]!;
  for (const a of alts) {
    if (a < ref) ref = a;
    else if (a - ref >= ELEVATION_HYSTERESIS_M) {
      gain += a - ref;
      ref = a;
    }
  }
  return gain;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The summary fields the samples can give; the caller keeps whatever the runner entered instead. */
export function summarizeSamples(s: ActivitySamples): SampleSummary {
  const out: SampleSummary = {};
  // Many straps report a lost contact as 0 bpm: not a reading.
  const hr = present(s.hr).filter((x) => x > 0);
  if (hr.length > 0) {
    out.avgHr = Math.round(hr.reduce((a, b) => a + b, 0) / hr.length);
    out.maxHr = Math.round(hr.reduce((m, x) => Math.max(m, x), 0));
  }
  const d = distance(s);
  if (d !== undefined) out.distanceMeters = round1(d);
  const gain = elevationGain(s.altitude);
  if (gain !== undefined) out.elevationGainMeters = round1(gain);
  return out;
}
