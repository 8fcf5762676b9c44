import type { Range } from '@runningcoach/contracts';
import { requireFinite } from '../util/errors.ts';
import { round } from '../util/math.ts';

export interface PaceZone {
  zone: 1 | 2 | 3 | 4 | 5;
  name: string;
  /** Seconds per km; `min` is the faster end. */
  paceSecPerKm: Range;
}

// Friel, "Quick Guide to Setting Zones": run pace zones as % of functional threshold pace
// (Z1 >129%, Z2 114-129%, Z3 106-113%, Z4 99-105%, Z5 <99%; Z5a-c merged, floored at 90%).
const BOUNDS: Array<[number, number, string]> = [
  [1.29, 1.5, 'Recovery'],
  [1.14, 1.29, 'Easy aerobic'],
  [1.06, 1.14, 'Tempo'],
  [0.99, 1.06, 'Threshold'],
  [0.9, 0.99, 'VO2max'],
];

export function paceZones(thresholdPaceSecPerKm: number): PaceZone[] {
  requireFinite(thresholdPaceSecPerKm, 'thresholdPaceSecPerKm', 120, 900);
  return BOUNDS.map(([fast, slow, name], i) => ({
    zone: (i + 1) as PaceZone['zone'],
    name,
    paceSecPerKm: {
      min: round(fast * thresholdPaceSecPerKm, 1),
      max: round(slow * thresholdPaceSecPerKm, 1),
    },
  }));
}
