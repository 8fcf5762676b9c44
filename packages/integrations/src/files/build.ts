import {
  type ActivitySamples,
  type ActivityType,
  MAX_ACTIVITY_SAMPLES,
  SAMPLE_CHANNELS,
  type SampleChannel,
} from '@runningcoach/contracts';
import type { FileFormat } from './detect.ts';
import { ImportFileError } from './errors.ts';
import { summarizeSamples } from './summary.ts';
import type { DecodedActivity, TrackPoint } from './track.ts';

/** An activity ready to store: the API's summary fields plus its columnar samples. */
export interface ImportedActivity {
  source: FileFormat;
  type: ActivityType;
  /** ISO-8601 instant (UTC). */
  startTime: string;
  durationSec: number;
  distanceMeters?: number;
  avgHr?: number;
  maxHr?: number;
  elevationGainMeters?: number;
  samples: ActivitySamples;
}

const MAX_DURATION_SEC = 72 * 3600;

/** The contract's range of each channel; a reading outside it is a sensor glitch, stored as a gap. */
const RANGE: Record<SampleChannel, [number, number]> = {
  hr: [0, 250],
  speed: [0, 100],
  cadence: [0, 300],
  power: [0, 3000],
  lat: [-90, 90],
  lon: [-180, 180],
  altitude: [-500, 9000],
};

function reading(p: TrackPoint, name: SampleChannel): number | null {
  if ((name === 'lat' || name === 'lon') && (p.lat === undefined || p.lon === undefined)) return null;
  const v = p[name];
  if (v === undefined || !Number.isFinite(v)) return null;
  const [min, max] = RANGE[name];
  return v < min || v > max ? null : v;
}

/** Every point (for the summary) or every k-th one and the last (to fit MAX_ACTIVITY_SAMPLES). */
function toSamples(points: readonly TrackPoint[], start: number, stride: number): ActivitySamples {
  const picked = points.filter((_, i) => i % stride === 0 || i === points.length - 1);
  const samples: ActivitySamples = { t: picked.map((p) => (p.time - start) / 1000) };
  for (const name of SAMPLE_CHANNELS) {
    const values = picked.map((p) => reading(p, name));
    if (values.some((v) => v !== null)) samples[name] = values;
  }
  return samples;
}

const HR_RANGE = (x: number | undefined) =>
  x !== undefined && Number.isFinite(x) && x >= 25 && x <= 250 ? Math.round(x) : undefined;

/** Summaries: what the device wrote wins; the rest is computed from all the points. */
export function buildActivity(decoded: DecodedActivity, what: string): ImportedActivity {
  const points = decoded.points.filter((p) => Number.isFinite(p.time));
  // Devices write in time order; sort only a file that is not.
  if (points.some((p, i) => i > 0 && p.time < points[i - 1]!.time)) points.sort((a, b) => a.time - b.time);
  if (points.length === 0) throw new ImportFileError('NO_ACTIVITY', `${what} has no timed points`);
  const start = Math.min(decoded.startTime, points[0]!.time);
  const full = toSamples(points, start, 1);
  const computed = summarizeSamples(full);
  const first = points.find((p) => p.distance !== undefined)?.distance;
  const last = points.findLast((p) => p.distance !== undefined)?.distance;
  const recorded = first !== undefined && last !== undefined && last > first ? last - first : undefined;
  const t = decoded.totals;
  const durationSec = t.durationSec ?? (points[points.length - 1]!.time - start) / 1000;
  if (!(durationSec > 0)) {
    throw new ImportFileError('NO_ACTIVITY', `${what} has no duration (a single point or one instant)`);
  }
  if (durationSec > MAX_DURATION_SEC) {
    throw new ImportFileError('NO_ACTIVITY', `${what} lasts ${Math.round(durationSec / 3600)} h: over 72 h`);
  }
  const out: ImportedActivity = {
    source: decoded.format,
    type: decoded.type,
    startTime: new Date(start).toISOString(),
    durationSec: Math.round(durationSec * 1000) / 1000,
    samples:
      points.length > MAX_ACTIVITY_SAMPLES
        ? toSamples(points, start, Math.ceil(points.length / (MAX_ACTIVITY_SAMPLES - 1)))
        : full,
  };
  const distance = t.distanceMeters ?? recorded ?? computed.distanceMeters;
  if (distance !== undefined) out.distanceMeters = Math.round(Math.min(distance, 500_000) * 10) / 10;
  const avgHr = HR_RANGE(t.avgHr) ?? computed.avgHr;
  const maxHr = HR_RANGE(t.maxHr) ?? computed.maxHr;
  if (avgHr !== undefined && maxHr !== undefined && maxHr >= avgHr) Object.assign(out, { avgHr, maxHr });
  const gain = t.elevationGainMeters ?? computed.elevationGainMeters;
  if (gain !== undefined) out.elevationGainMeters = Math.min(gain, 20_000);
  return out;
}
