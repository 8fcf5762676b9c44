// Net energy cost of running on the flat, about 1 kcal per kg per km whatever the speed.
// Source: Margaria, Cerretelli, Aghemo & Sassi (1963), "Energy cost of running", J Appl Physiol
// 18:367-370; Léger & Mercier (1984) give the same order for treadmill running.
import { requireFinite } from '../util/errors.ts';

export const RUNNING_KCAL_PER_KG_KM = 1;

/** Net kcal spent running `distanceMeters` at `weightKg` (above resting, flat ground). */
export function runningEnergyKcal(distanceMeters: number, weightKg: number): number {
  requireFinite(distanceMeters, 'distanceMeters', 0, 500_000);
  requireFinite(weightKg, 'weightKg', 25, 250);
  // Margaria et al. 1963: ~1 kcal/kg/km net.
  return RUNNING_KCAL_PER_KG_KM * weightKg * (distanceMeters / 1000);
}
