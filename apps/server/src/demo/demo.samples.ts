import type { ActivitySamples, ManualActivity } from '@runningcoach/contracts';
import type { Random } from './demo.random.ts';
import type { SessionKind } from './demo.history.ts';

/** One point every 5 s, as a watch in smart-recording mode would roughly keep. */
const STEP_SEC = 5;
/** A 5 km park loop (Berlin's Tiergarten, roughly), so the map screen has a route to draw. */
const LOOP_METERS = 5000;
const CENTER = { lat: 52.5145, lon: 13.3501 };
const METERS_PER_DEGREE = 111_320;

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Relative speed at `t` of a session of `total` seconds: warm-up, the work, cool-down. */
function profile(kind: SessionKind, t: number, total: number): number {
  if (kind === 'intervals') {
    const warmUp = 15 * 60;
    const rep = t - warmUp;
    if (rep < 0 || rep >= 5 * 300) return 0.85;
    return rep % 300 < 180 ? 1.3 : 0.7; // 5 x (3 min hard, 2 min jog)
  }
  if (kind === 'tempo') return t >= 12 * 60 && t < 37 * 60 ? 1.12 : 0.85;
  if (kind === 'race') return 0.98 + 0.04 * (t / total); // a negative split
  return 1;
}

/**
 * A plausible time series for a logged run, consistent with its summary: the speeds add up to the distance,
 * the heart rate follows the effort with a lag and averages the logged avgHr, and the route loops a park.
 */
export function demoSamples(kind: SessionKind, a: ManualActivity, rnd: Random): ActivitySamples {
  const n = Math.ceil(a.durationSec / STEP_SEC) + 1;
  const t = Array.from({ length: n }, (_, i) => Math.min(i * STEP_SEC, a.durationSec));
  const raw = t.map((s) => profile(kind, s, a.durationSec) * rnd.normal(1, 0.025));
  const rawMeters = raw.reduce((sum, r, i) => sum + (i > 0 ? r * (t[i]! - t[i - 1]!) : 0), 0);
  const scale = (a.distanceMeters ?? 0) / rawMeters;
  const speed = raw.map((r) => r * scale);

  // Heart rate: a first-order response (time constant 40 s) to the effort, drifting up over long efforts.
  const avgHr = a.avgHr ?? 140;
  let hr = avgHr - 25;
  const hrRaw = speed.map((_, i) => {
    const target = avgHr + 40 * (raw[i]! - 1) + 8 * (t[i]! / a.durationSec - 0.5);
    hr += (target - hr) * (1 - Math.exp(-STEP_SEC / 40));
    return hr + rnd.normal(0, 1);
  });
  const shift = avgHr - hrRaw.reduce((s, x) => s + x, 0) / n;
  const cap = a.maxHr ?? 220;
  const hrs = hrRaw.map((x) => Math.min(cap, Math.round(x + shift)));

  let meters = 0;
  const lat: number[] = [];
  const lon: number[] = [];
  const altitude: number[] = [];
  const radius = LOOP_METERS / (2 * Math.PI);
  for (let i = 0; i < n; i++) {
    if (i > 0) meters += speed[i]! * (t[i]! - t[i - 1]!);
    const angle = (2 * Math.PI * meters) / LOOP_METERS;
    lat.push(round(CENTER.lat + (radius * Math.cos(angle)) / METERS_PER_DEGREE, 6));
    lon.push(
      round(
        CENTER.lon +
          (radius * Math.sin(angle)) / (METERS_PER_DEGREE * Math.cos((CENTER.lat * Math.PI) / 180)),
        6,
      ),
    );
    altitude.push(round(38 + 6 * Math.sin((2 * Math.PI * meters) / 2500), 1));
  }
  return {
    t,
    hr: hrs,
    speed: speed.map((v) => round(v, 3)),
    // Cadence rises with speed: about 150 spm jogging to 185 spm at 5K pace.
    cadence: speed.map((v) => Math.round(120 + 13 * v + rnd.normal(0, 1.5))),
    lat,
    lon,
    altitude,
  };
}
