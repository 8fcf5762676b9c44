// Energy availability (EA): energy left for the body after training, per kg of fat-free mass.
// Sources: Loucks & Thuma (2003) J Clin Endocrinol Metab 88:297-311 (LH pulsatility disrupted below
// 30 kcal/kg FFM/day); Mountjoy et al. (2018) IOC consensus on RED-S, Br J Sports Med 52:687-697
// (< 30 low, 30-45 reduced, >= 45 optimal for energy balance).
import type { Reason } from '@runningcoach/contracts';
import { requireFinite } from '../util/errors.ts';
import { round } from '../util/math.ts';

export const EA_LOW_BELOW = 30;
export const EA_OPTIMAL_FROM = 45;

export type EnergyAvailabilityLevel = 'low' | 'reduced' | 'optimal';

export interface EnergyAvailabilityInput {
  intakeKcal: number;
  /** Energy spent in exercise that day, kcal. */
  exerciseKcal: number;
  fatFreeMassKg: number;
}

export interface EnergyAvailability {
  kcalPerKgFfm: number;
  level: EnergyAvailabilityLevel;
  /** Low EA, the physiological driver of RED-S; one day alone is not a diagnosis. */
  redsRisk: boolean;
  reasons: Reason[];
}

export function energyAvailability(input: EnergyAvailabilityInput): EnergyAvailability {
  const intake = requireFinite(input.intakeKcal, 'intakeKcal', 0, 20_000);
  const exercise = requireFinite(input.exerciseKcal, 'exerciseKcal', 0, 20_000);
  const ffm = requireFinite(input.fatFreeMassKg, 'fatFreeMassKg', 15, 150);
  // Loucks & Thuma 2003: EA = (energy intake - exercise energy expenditure) / FFM.
  const ea = (intake - exercise) / ffm;
  const level = energyAvailabilityLevel(ea);
  return {
    kcalPerKgFfm: ea,
    level,
    redsRisk: level === 'low',
    reasons: [
      {
        code: `ENERGY_AVAILABILITY_${level.toUpperCase()}`,
        message: `${MESSAGES[level]} (${round(ea)} kcal per kg fat-free mass).`,
        data: { kcalPerKgFfm: round(ea, 1), intakeKcal: intake, exerciseKcal: exercise, fatFreeMassKg: ffm },
      },
    ],
  };
}

/** Mountjoy et al. 2018 bands: < 30 low, 30-45 reduced, >= 45 optimal. */
export function energyAvailabilityLevel(kcalPerKgFfm: number): EnergyAvailabilityLevel {
  if (kcalPerKgFfm < EA_LOW_BELOW) return 'low';
  return kcalPerKgFfm < EA_OPTIMAL_FROM ? 'reduced' : 'optimal';
}

const MESSAGES: Record<EnergyAvailabilityLevel, string> = {
  low: 'Energy availability is low: below 30 hormones and bone health suffer if it lasts',
  reduced: 'Energy availability is reduced: enough to get by, not to adapt fully',
  optimal: 'Energy availability is optimal for training and health',
};
