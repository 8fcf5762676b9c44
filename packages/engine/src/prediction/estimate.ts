import type { Fitness, Reason } from '@runningcoach/contracts';
import { daysBetween } from '../util/dates.ts';
import { clamp, round } from '../util/math.ts';
import { vdotFromRace } from './vdot.ts';

export interface FitnessEstimate {
  vdot: number;
  /** true when no race result backed it. */
  estimated: boolean;
  reasons: Reason[];
}

/**
 * The runner's current VDOT. A recent race is the evidence Daniels asks for; an old one is detrained
 * (about 1 VDOT point per month after two months off the result, capped at 10%: a conservative reading of
 * Coyle et al. 1984 / Mujika & Padilla 2000 on detraining). Without a race, weekly volume gives a cautious
 * estimate (30 + km/week / 4, capped at 50), labelled as such.
 */
export function estimateVdot(fitness: Fitness, today: string): FitnessEstimate {
  const race = fitness.recentRace;
  if (race) {
    const raceVdot = vdotFromRace(race.distanceMeters, race.timeSec);
    const ageDays = daysBetween(race.date, today);
    if (ageDays <= 60) {
      return {
        vdot: raceVdot,
        estimated: false,
        reasons: [
          {
            code: 'VDOT_FROM_RACE',
            message: `VDOT ${raceVdot} from your recent race`,
            data: { vdot: raceVdot },
          },
        ],
      };
    }
    const loss = clamp((ageDays - 60) / 30, 0, raceVdot * 0.1);
    const vdot = round(raceVdot - loss, 2);
    return {
      vdot,
      estimated: true,
      reasons: [
        {
          code: 'VDOT_RACE_DETRAINED',
          message: `Your race was ${ageDays} days ago, so paces assume VDOT ${vdot} instead of ${raceVdot}; race again to sharpen them`,
          data: { raceVdot, vdot, ageDays },
        },
      ],
    };
  }
  const km = (fitness.weeklyDistanceMeters ?? 0) / 1000;
  const vdot = round(clamp(30 + km / 4, 30, 50), 2);
  return {
    vdot,
    estimated: true,
    reasons: [
      {
        code: 'VDOT_ESTIMATED',
        message: `No recent race: paces are estimated (VDOT ${vdot}) from ${round(km)} km a week; run by feel and log a race or time trial to calibrate`,
        data: { vdot, weeklyKm: round(km, 1) },
      },
    ],
  };
}
