// Carbohydrate during exercise by duration, and within a band by intensity.
// Sources: Jeukendrup (2014) "A step towards personalized sports nutrition: carbohydrate intake during
// exercise", Sports Med 44:S25-S33; Thomas, Erdman & Burke (2016) ACSM joint position stand.
import type { Range } from '@runningcoach/contracts';
import { requireFinite } from '../util/errors.ts';

// Longest session accepted: a week, beyond any single run (fuelingPlan can pass 500 km at 20 min/km = 167 h).
export const MAX_SESSION_SEC = 7 * 24 * 3600;

export type CarbBand = 'none' | 'mouth_rinse' | 'moderate' | 'high';

export interface CarbsDuring {
  band: CarbBand;
  range: Range;
  /** Suggested g/h inside the range: the harder the session, the nearer the top. */
  target: number;
}

/**
 * < 45 min none; 45-75 min small amounts or a mouth rinse; 75 min-2.5 h 30-60 g/h; > 2.5 h 60-90 g/h
 * (multiple transportable carbohydrates). The published bands overlap at 1-1.25 h; 75 min is our cut.
 * "Small amounts" is read as up to 30 g/h, the floor of the next band. `intensity` is 0 (easy) to 1 (race).
 * Throws EngineError naming `durationSec` or `intensity` when either is not a finite number in range.
 */
export function carbsDuring(durationSec: number, intensity: number): CarbsDuring {
  requireFinite(durationSec, 'durationSec', 0, MAX_SESSION_SEC);
  requireFinite(intensity, 'intensity', 0, 1);
  const min = durationSec / 60;
  if (min < 45) return { band: 'none', range: { min: 0, max: 0 }, target: 0 };
  if (min < 75) return { band: 'mouth_rinse', range: { min: 0, max: 30 }, target: 0 };
  const range = min <= 150 ? { min: 30, max: 60 } : { min: 60, max: 90 };
  // Target steps of 5 g keep the advice readable.
  const target = Math.round((range.min + (range.max - range.min) * intensity) / 5) * 5;
  return { band: min <= 150 ? 'moderate' : 'high', range, target };
}
