// Energy cost of running on a gradient. Source: Minetti, Moia, Roi, Susta & Ferretti (2002),
// "Energy cost of walking and running at extreme uphill and downhill slopes", J Appl Physiol 93:1039-1046.
import { requireFinite } from '../util/errors.ts';
import { clamp } from '../util/math.ts';

/** Gradients the Minetti fit was measured over (rise / run, -45 % .. +45 %). */
export const MINETTI_MIN_GRADE = -0.45;
export const MINETTI_MAX_GRADE = 0.45;

/** Cost of running in J per kg per m at gradient `grade` (0.05 = 5 % uphill), clamped to the fitted range. */
export function runningCostJPerKgM(grade: number): number {
  requireFinite(grade, 'grade');
  const i = clamp(grade, MINETTI_MIN_GRADE, MINETTI_MAX_GRADE);
  // Minetti et al. 2002 fifth-order polynomial: Cr(i) = 155.4i^5 - 30.4i^4 - 43.3i^3 + 46.3i^2 + 19.5i + 3.6.
  return ((((155.4 * i - 30.4) * i - 43.3) * i + 46.3) * i + 19.5) * i + 3.6;
}

/** Cr(i) / Cr(0): how many flat metres one metre at this gradient costs. */
export function gradeCostRatio(grade: number): number {
  return runningCostJPerKgM(grade) / runningCostJPerKgM(0);
}
