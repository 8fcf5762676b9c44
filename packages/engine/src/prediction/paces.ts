import type { Range } from '@runningcoach/contracts';
import { round } from '../util/math.ts';
import { predictRaceTime, velocityForVo2 } from './vdot.ts';

export const MARATHON_METERS = 42_195;

/** Daniels' training paces in seconds per km; `easy.min` is the faster end. */
export interface TrainingPaces {
  easy: Range;
  marathon: number;
  threshold: number;
  interval: number;
  repetition: number;
}

/** Seconds per km at a fraction of VDOT, through the inverse oxygen-cost equation. */
export function paceAtFraction(vdot: number, fraction: number): number {
  return round(60_000 / velocityForVo2(vdot * fraction), 1);
}

// Daniels' Running Formula (3rd ed.): E 59-74% VO2max, M = predicted marathon pace,
// T ~88%, I ~97.5% (vVO2max, sustainable 10-12 min), R ~105% (about mile race pace).
export function trainingPaces(vdot: number): TrainingPaces {
  return {
    easy: { min: paceAtFraction(vdot, 0.74), max: paceAtFraction(vdot, 0.59) },
    marathon: round(predictRaceTime(vdot, MARATHON_METERS) / (MARATHON_METERS / 1000), 1),
    threshold: paceAtFraction(vdot, 0.88),
    interval: paceAtFraction(vdot, 0.975),
    repetition: paceAtFraction(vdot, 1.05),
  };
}
