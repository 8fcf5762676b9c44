// Daily carbohydrate and protein targets by training load.
// Sources: Burke, Hawley, Wong & Jeukendrup (2011) J Sports Sci 29:S17-S27, and Thomas, Erdman &
// Burke (2016) ACSM / Academy of Nutrition and Dietetics / Dietitians of Canada joint position stand,
// Med Sci Sports Exerc 48:543-568.
import type { Range, Reason } from '@runningcoach/contracts';
import { EngineError, requireFinite } from '../util/errors.ts';
import { round } from '../util/math.ts';

export type TrainingLoadLevel = 'light' | 'moderate' | 'high' | 'very_high';
export type SessionIntensity = 'low' | 'moderate' | 'high';

export interface DailyFuelInput {
  weightKg: number;
  /** The day's load if known; otherwise it is read from trainingMinutes and intensity. */
  dailyLoad?: TrainingLoadLevel;
  trainingMinutes?: number;
  /** Defaults to moderate. */
  intensity?: SessionIntensity;
}

export interface DailyFuelTargets {
  level: TrainingLoadLevel;
  carbsGPerKg: Range;
  carbsGrams: Range;
  proteinGPerKg: Range;
  proteinGrams: Range;
  /** Fat as a share of total energy, percent. */
  fatPctOfEnergy: Range;
  reasons: Reason[];
}

// Burke et al. 2011 / Thomas et al. 2016 carbohydrate table, g per kg body mass per day.
export const CARB_G_PER_KG: Record<TrainingLoadLevel, Range> = {
  light: { min: 3, max: 5 },
  moderate: { min: 5, max: 7 },
  high: { min: 6, max: 10 },
  very_high: { min: 8, max: 12 },
};
// Thomas et al. 2016: protein 1.2-2.0 g/kg/day for athletes.
export const PROTEIN_G_PER_KG: Range = { min: 1.2, max: 2 };
// Thomas et al. 2016: fat 20-35 % of energy.
export const FAT_PCT_OF_ENERGY: Range = { min: 20, max: 35 };

const LEVEL_TEXT: Record<TrainingLoadLevel, string> = {
  light: 'a light day (short or easy training)',
  moderate: 'a moderate day (about an hour of training)',
  high: 'a high-load day (1-3 h of moderate to hard training)',
  very_high: 'a very high-load day (4 h or more of training)',
};

export function dailyFuelTargets(input: DailyFuelInput): DailyFuelTargets {
  const w = requireFinite(input.weightKg, 'weightKg', 25, 250);
  const level = input.dailyLoad ?? loadLevelFromMinutes(input);
  if (!Object.hasOwn(CARB_G_PER_KG, level))
    throw new EngineError('INVALID', 'dailyLoad', `unknown dailyLoad "${level}"`);
  const c = CARB_G_PER_KG[level];
  return {
    level,
    carbsGPerKg: c,
    carbsGrams: { min: round(c.min * w), max: round(c.max * w) },
    proteinGPerKg: PROTEIN_G_PER_KG,
    proteinGrams: { min: round(PROTEIN_G_PER_KG.min * w), max: round(PROTEIN_G_PER_KG.max * w) },
    fatPctOfEnergy: FAT_PCT_OF_ENERGY,
    reasons: [
      {
        code: 'DAILY_CARBS',
        message: `For ${LEVEL_TEXT[level]}: ${c.min}-${c.max} g carbohydrate per kg, ${round(c.min * w)}-${round(c.max * w)} g today.`,
        data: { level, minGPerKg: c.min, maxGPerKg: c.max },
      },
      {
        code: 'DAILY_PROTEIN',
        message: `Protein ${PROTEIN_G_PER_KG.min}-${PROTEIN_G_PER_KG.max} g per kg (${round(PROTEIN_G_PER_KG.min * w)}-${round(PROTEIN_G_PER_KG.max * w)} g), spread over meals of about 0.3 g/kg.`,
      },
    ],
  };
}

/**
 * Judgement mapping of minutes to the table's rows: under 45 min light, 45-75 min moderate ("~1 h/day"),
 * 75 min to 4 h high ("1-3 h/day"), 4 h or more very high ("> 4-5 h/day"). Low intensity drops one row,
 * high intensity lifts a light day to moderate.
 */
export function loadLevelFromMinutes(input: {
  trainingMinutes?: number;
  intensity?: SessionIntensity;
}): TrainingLoadLevel {
  if (input.trainingMinutes === undefined) {
    throw new EngineError('MISSING', 'trainingMinutes', 'give dailyLoad or trainingMinutes');
  }
  const m = requireFinite(input.trainingMinutes, 'trainingMinutes', 0, 24 * 60);
  const intensity = input.intensity ?? 'moderate';
  if (intensity !== 'low' && intensity !== 'moderate' && intensity !== 'high') {
    throw new EngineError('INVALID', 'intensity', 'intensity must be low, moderate or high');
  }
  const rows: TrainingLoadLevel[] = ['light', 'moderate', 'high', 'very_high'];
  let k = m < 45 ? 0 : m < 75 ? 1 : m < 240 ? 2 : 3;
  if (intensity === 'low') k = Math.max(0, k - 1);
  if (intensity === 'high' && k === 0 && m > 0) k = 1;
  return rows[k]!;
}
