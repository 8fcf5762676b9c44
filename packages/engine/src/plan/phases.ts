import type { PhaseName } from '@runningcoach/contracts';
import { clamp } from '../util/math.ts';
import type { RaceClassConfig } from './race-class.ts';

/**
 * Phase of each week (index 0 = first week). Classic linear periodization (Bompa; Daniels' four phases):
 * taper fixed by distance (shortened in short plans), then about 20% peak and 35% build, the rest base.
 */
export function phaseOfWeeks(weeks: number, config: RaceClassConfig): PhaseName[] {
  let taper = config.taperWeeks;
  if (weeks < config.recommendedWeeks) taper = Math.max(1, taper - 1);
  taper = Math.min(taper, Math.max(1, weeks - 1));
  const rest = weeks - taper;
  let peak = 0;
  let build = 0;
  if (rest >= 4) {
    peak = clamp(Math.round(rest * 0.2), 1, 6);
    build = clamp(Math.round(rest * 0.35), 1, 10);
  } else if (rest === 3) {
    peak = 1;
    build = 1;
  } else if (rest === 2) {
    build = 1;
  }
  const base = rest - peak - build;
  return [
    ...Array<PhaseName>(base).fill('base'),
    ...Array<PhaseName>(build).fill('build'),
    ...Array<PhaseName>(peak).fill('peak'),
    ...Array<PhaseName>(taper).fill('taper'),
  ];
}
