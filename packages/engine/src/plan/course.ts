// How the goal course's hills shape the plan. Threshold: 10 m of climb per km (a "hilly" road course, e.g.
// Boston's ~250 m over 42 km is ~6 m/km and rolling; a judgement, not a published cut-off). Downhill running's
// eccentric load is what wrecks quads on descending courses (Eston et al. 1995, J Sports Sci 13:227-233).
import type { Goal, Reason } from '@runningcoach/contracts';
import { round } from '../util/math.ts';

export const HILLY_GAIN_PER_KM = 10;

export function courseReasons(goal: Goal): { hilly: boolean; reasons: Reason[] } {
  const km = goal.distanceMeters / 1000;
  const gain = goal.elevationGainMeters ?? 0;
  const loss = goal.elevationLossMeters ?? 0;
  const gainPerKm = gain / km;
  const lossPerKm = loss / km;
  const hilly = gainPerKm >= HILLY_GAIN_PER_KM;
  const reasons: Reason[] = [];
  if (hilly) {
    reasons.push({
      code: 'COURSE_HILLY',
      message: `The course climbs ${round(gain)} m (${round(gainPerKm, 1)} m per km): hill repeats take the place of some fast work and long runs go on rolling ground, so your legs meet race-day hills in training.`,
      data: { elevationGainMeters: round(gain), gainPerKm: round(gainPerKm, 1) },
    });
  }
  if (lossPerKm >= HILLY_GAIN_PER_KM) {
    reasons.push({
      code: 'COURSE_DOWNHILL',
      message: `The course descends ${round(loss)} m (${round(lossPerKm, 1)} m per km): include downhill stretches in long runs to prepare the quads for the eccentric load.`,
      data: { elevationLossMeters: round(loss), lossPerKm: round(lossPerKm, 1) },
    });
  }
  return { hilly, reasons };
}
