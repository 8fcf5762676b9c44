import type { ActivitySamples } from '@runningcoach/contracts';

export interface SampleSummary {
  avgHr?: number;
  maxHr?: number;
  distanceMeters?: number;
  elevationGainMeters?: number;
}

/**
 * Elevation noise handling, after GPS Visualizer's "Calculating elevation gain" tutorial (a vertical
 * threshold) and the usual light smoothing first: altitude is averaged over a centred 5-second window (per-fix
 * jitter of GPS and barometric altimeters), then a climb counts from its lowest to its highest point only once
 * it has risen ELEVATION_THRESHOLD_M, and it ends when the track falls that much below its top. Undulations
 * smaller than the threshold are noise; a real climb is counted whole (no threshold is lost per climb).
 */
export const ELEVATION_THRESHOLD_M = 2;
export const ELEVATION_SMOOTHING_SEC = 2;

// Haversine great-circle distance on a sphere of the WGS 84 mean radius (6,371,008.8 m).
export function haversineMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Centred moving mean over ±halfWindow seconds of the present readings (two pointers, O(n)). */
function smooth(t: readonly number[], v: readonly number[], halfWindow: number): number[] {
  const out = new Array<number>(v.length);
  let lo = 0;
  let hi = 0;
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    while (hi < v.length && t[hi]! <= t[i]! + halfWindow) sum += v[hi++]!;
    while (t[lo]! < t[i]! - halfWindow) sum -= v[lo++]!;
    out[i] = sum / (hi - lo);
  }
  return out;
}

/** Total climb in metres (see ELEVATION_THRESHOLD_M), or undefined without any altitude reading. */
export function elevationGainMeters(
  t: readonly number[],
  altitude: readonly (number | null)[] | undefined,
): number | undefined {
  if (!altitude) return undefined;
  const ts: number[] = [];
  const vs: number[] = [];
  altitude.forEach((a, i) => {
    if (a !== null && a !== undefined) {
      ts.push(t[i]!);
      vs.push(a);
    }
  });
  if (vs.length === 0) return undefined;
  const alts = smooth(ts, vs, ELEVATION_SMOOTHING_SEC);
  let gain = 0;
  let trough = alts[0]!;
  let peak = trough;
  let climbing = false;
  for (const a of alts) {
    if (climbing) {
      if (a > peak) peak = a;
      else if (peak - a >= ELEVATION_THRESHOLD_M) {
        gain += peak - trough;
        climbing = false;
        trough = a;
      }
    } else if (a < trough) trough = a;
    else if (a - trough >= ELEVATION_THRESHOLD_M) {
      climbing = true;
      peak = a;
    }
  }
  return climbing ? gain + peak - trough : gain;
}

/** Distance from speed (each reading over the interval it ends), else from the GPS track. */
function distanceMeters(s: ActivitySamples): number | undefined {
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
      if (last) d += haversineMeters(last[0], last[1], lat, lon);
      last = [lat, lon];
    }
    return last ? d : undefined;
  }
  return undefined;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The summary fields samples can give: mean and max HR of the readings (a 0 bpm reading is a lost strap
 * contact, not a reading), distance (speed, else GPS), elevation gain. The caller keeps what it knows better.
 */
export function summarizeSamples(s: ActivitySamples): SampleSummary {
  const out: SampleSummary = {};
  const hr = (s.hr ?? []).filter((x): x is number => x !== null && x > 0);
  if (hr.length > 0) {
    out.avgHr = Math.round(hr.reduce((a, b) => a + b, 0) / hr.length);
    out.maxHr = Math.round(hr.reduce((m, x) => Math.max(m, x), 0));
  }
  const d = distanceMeters(s);
  if (d !== undefined) out.distanceMeters = round1(d);
  const gain = elevationGainMeters(s.t, s.altitude);
  if (gain !== undefined) out.elevationGainMeters = round1(gain);
  return out;
}
