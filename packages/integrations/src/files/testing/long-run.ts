/**
 * A deterministic synthetic run for tests and benchmarks: 1 Hz, HR, speed, cadence, GPS and altitude, with
 * its true totals known by construction. Rendered as FIT (the SDK's Encoder), GPX and TCX by ./render.ts.
 */
export interface RunPoint {
  time: number;
  hr: number;
  /** m/s, to 1 mm/s (what FIT stores). */
  speed: number;
  /** Strides per minute (one foot), as devices record running cadence. */
  strides: number;
  lat: number;
  lon: number;
  /** m, to 0.2 m (FIT's altitude resolution). */
  altitude: number;
  /** Cumulative metres. */
  distance: number;
}

export interface SyntheticRun {
  startTime: number;
  points: RunPoint[];
  truth: {
    durationSec: number;
    distanceMeters: number;
    avgHr: number;
    maxHr: number;
    /** The noiseless altitude profile's climb: 12 hills of 50 m. */
    elevationGainMeters: number;
  };
}

// mulberry32: a small seeded PRNG, so the "noise" is the same on every run.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const R = 6_371_008.8;
const RAD = Math.PI / 180;

// Destination point on a sphere given a start, bearing and distance (the haversine's inverse).
function step(lat: number, lon: number, bearing: number, meters: number): [number, number] {
  const d = meters / R;
  const φ1 = lat * RAD;
  const λ1 = lon * RAD;
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(bearing));
  const λ2 =
    λ1 +
    Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(φ1), Math.cos(d) - Math.sin(φ1) * Math.sin(φ2));
  return [φ2 / RAD, λ2 / RAD];
}

export function syntheticRun(
  opts: { startTime?: number; durationSec?: number; seed?: number } = {},
): SyntheticRun {
  const start = opts.startTime ?? Date.UTC(2025, 2, 1, 7, 0, 0);
  const n = opts.durationSec ?? 4 * 3600;
  const rnd = prng(opts.seed ?? 42);
  const points: RunPoint[] = [];
  let lat = 47.3769;
  let lon = 8.5417;
  let distance = 0;
  for (let i = 0; i <= n; i++) {
    const speed =
      i === 0 ? 0 : Math.round((2.9 + 0.3 * Math.sin((2 * Math.PI * i) / 900) + 0.1 * rnd()) * 1000) / 1000;
    if (i > 0) [lat, lon] = step(lat, lon, distance / 2000, speed); // a 2 km-radius circle
    distance += speed;
    const hr = Math.round(135 + (20 * i) / n + 5 * Math.sin(i / 120) + 2 * rnd());
    const profile = 300 + 25 * Math.sin((2 * Math.PI * i) / 1200);
    const altitude = Math.round((profile + 0.6 * (rnd() - 0.5)) * 5) / 5;
    points.push({
      time: start + i * 1000,
      hr,
      speed,
      strides: 84 + Math.floor(3 * rnd()),
      lat,
      lon,
      altitude,
      distance,
    });
  }
  const hrs = points.map((p) => p.hr);
  return {
    startTime: start,
    points,
    truth: {
      durationSec: n,
      distanceMeters: distance,
      avgHr: Math.round(hrs.reduce((a, b) => a + b, 0) / hrs.length),
      maxHr: Math.max(...hrs),
      elevationGainMeters: 50 * (n / 1200),
    },
  };
}
