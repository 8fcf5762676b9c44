// Fuelling for one session: before, during and after, in numbers a runner can act on.
// Sources: Thomas, Erdman & Burke (2016) ACSM / AND / DC joint position stand (pre-exercise 1-4 g/kg
// 1-4 h before; carbohydrate loading 10-12 g/kg/day for 36-48 h before events > 90 min; recovery
// 1.0-1.2 g/kg/h for 4 h and 0.3 g/kg protein); Jeukendrup (2014) for carbohydrate during;
// Sawka et al. (2007) ACSM for fluids.
import type { Range, Reason, WorkoutType } from '@runningcoach/contracts';
import { EngineError, requireFinite } from '../util/errors.ts';
import { round } from '../util/math.ts';
import { carbsDuring } from './carbs-during.ts';
import type { CarbBand } from './carbs-during.ts';
import { fluidPlan } from './fluids.ts';

export interface FuelingWorkout {
  type: WorkoutType;
  targetDurationSec?: number;
  targetDistanceMeters?: number;
  /** Main heart-rate zone, 1-5. */
  intensityZone?: number;
}

export interface FuelingAthlete {
  weightKg: number;
  sweatRateLPerHour?: number;
  tempC?: number;
  /** Used to turn a distance into a duration when the workout has none; 6:00/km if absent. */
  paceSecPerKm?: number;
}

export interface FuelingPlan {
  durationSec: number;
  durationEstimated: boolean;
  carbBand: CarbBand;
  carbsGramsPerHour: number;
  carbsRangeGramsPerHour: Range;
  totalCarbsGrams: number;
  fluidsMlPerHour: Range;
  sodiumMgPerHour?: Range;
  /** Carbohydrate in the 1-4 h before, grams; absent when no special pre-run meal is needed. */
  preRunCarbsGrams?: Range;
  /** Carbohydrate per hour for the first 4 h after, grams; absent after short easy runs. */
  recoveryCarbsGramsPerHour?: Range;
  recoveryProteinGrams: number;
  preRun: string;
  during: string;
  after: string;
  reasons: Reason[];
}

// Judgement: a recreational default pace, on the slow side so fuel is not under-planned.
const DEFAULT_PACE_SEC_PER_KM = 360;
// Judgement: default zone per workout type when the workout carries none.
const DEFAULT_ZONE: Record<WorkoutType, number> = {
  recovery: 1,
  easy: 2,
  long: 2,
  marathon_pace: 3,
  threshold: 4,
  intervals: 5,
  race: 5,
  strength: 1,
  rest: 1,
};
// A typical gel holds 20-25 g carbohydrate; 25 g keeps the arithmetic simple.
const GEL_GRAMS = 25;
// Thomas et al. 2016: ~0.3 g/kg protein after exercise.
const RECOVERY_PROTEIN_G_PER_KG = 0.3;

export function fuelingPlan(workout: FuelingWorkout, athlete: FuelingAthlete): FuelingPlan {
  const w = requireFinite(athlete.weightKg, 'athlete.weightKg', 25, 250);
  if (athlete.sweatRateLPerHour !== undefined) {
    requireFinite(athlete.sweatRateLPerHour, 'athlete.sweatRateLPerHour', 0.1, 4);
  }
  if (athlete.tempC !== undefined) requireFinite(athlete.tempC, 'athlete.tempC', -40, 50);
  if (!Object.hasOwn(DEFAULT_ZONE, workout.type)) {
    throw new EngineError('INVALID', 'workout.type', `unknown workout.type "${workout.type}"`);
  }
  const protein = round(RECOVERY_PROTEIN_G_PER_KG * w);
  const reasons: Reason[] = [];

  if (workout.type === 'rest') return restDay(protein);

  const { durationSec, estimated } = resolveDuration(workout, athlete, reasons);
  const zone =
    workout.intensityZone === undefined
      ? DEFAULT_ZONE[workout.type]
      : requireFinite(workout.intensityZone, 'workout.intensityZone', 1, 5);
  const hours = durationSec / 3600;
  const minutes = Math.round(durationSec / 60);
  const hard = zone >= 4 || workout.type === 'race';
  const running = workout.type !== 'strength';

  const carbs = running ? carbsDuring(durationSec, (zone - 1) / 4) : carbsDuring(0, 0);
  const totalCarbs = round(carbs.target * hours);
  reasons.push({
    code: 'FUEL_CARBS_DURING',
    message: `${minutes} min at zone ${zone}: ${carbsBandText(carbs.band, carbs.range)} (Jeukendrup 2014; ACSM 2016).`,
    data: { minutes, zone, band: carbs.band, gramsPerHour: carbs.target },
  });

  const fluids = fluidPlan({
    durationSec,
    weightKg: w,
    ...(athlete.sweatRateLPerHour !== undefined ? { sweatRateLPerHour: athlete.sweatRateLPerHour } : {}),
    ...(athlete.tempC !== undefined ? { tempC: athlete.tempC } : {}),
  });
  reasons.push({
    code: fluids.fromSweatRate ? 'FUEL_FLUIDS_SWEAT_RATE' : 'FUEL_FLUIDS_DEFAULT',
    message: fluids.fromSweatRate
      ? `From your sweat rate: drink enough to lose under 2 % of body weight, never more than you sweat (ACSM 2007).`
      : `Without a sweat rate, ${fluids.mlPerHour.min}-${fluids.mlPerHour.max} ml/h is the ACSM 2007 starting point.`,
    data: { minMlPerHour: fluids.mlPerHour.min, maxMlPerHour: fluids.mlPerHour.max },
  });

  // Thomas et al. 2016: 1-4 g/kg 1-4 h before sessions over an hour; we add hard sessions and races.
  const needsPreRun = running && (durationSec >= 3600 || hard);
  const preRunCarbs = needsPreRun ? { min: round(w), max: round(4 * w) } : undefined;
  // Thomas et al. 2016: carbohydrate loading 10-12 g/kg/day for 36-48 h before events over 90 min.
  const carbLoad = workout.type === 'race' && durationSec > 90 * 60;
  if (carbLoad) {
    reasons.push({
      code: 'FUEL_CARB_LOADING',
      message: `A race over 90 min: carbohydrate-load at 10-12 g/kg/day for the 36-48 h before (ACSM 2016).`,
      data: { minGrams: round(10 * w), maxGrams: round(12 * w) },
    });
  }

  // Thomas et al. 2016: 1.0-1.2 g/kg/h for 4 h when the next session is < 8 h away.
  const needsRecovery = running && (durationSec >= 90 * 60 || hard);
  const recoveryCarbs = needsRecovery ? { min: round(w), max: round(1.2 * w) } : undefined;

  return {
    durationSec,
    durationEstimated: estimated,
    carbBand: carbs.band,
    carbsGramsPerHour: carbs.target,
    carbsRangeGramsPerHour: carbs.range,
    totalCarbsGrams: totalCarbs,
    fluidsMlPerHour: fluids.mlPerHour,
    ...(fluids.sodiumMgPerHour ? { sodiumMgPerHour: fluids.sodiumMgPerHour } : {}),
    ...(preRunCarbs ? { preRunCarbsGrams: preRunCarbs } : {}),
    ...(recoveryCarbs ? { recoveryCarbsGramsPerHour: recoveryCarbs } : {}),
    recoveryProteinGrams: protein,
    preRun: preRunText(w, preRunCarbs, carbLoad),
    during: duringText(
      carbs.band,
      carbs.target,
      totalCarbs,
      fluids.mlPerHour,
      fluids.sodiumMgPerHour,
      running,
    ),
    after: afterText(recoveryCarbs, protein),
    reasons,
  };
}

function resolveDuration(
  workout: FuelingWorkout,
  athlete: FuelingAthlete,
  reasons: Reason[],
): { durationSec: number; estimated: boolean } {
  if (workout.targetDurationSec !== undefined) {
    const t = requireFinite(workout.targetDurationSec, 'workout.targetDurationSec', 0, 60 * 60 * 72);
    if (t > 0) return { durationSec: t, estimated: false };
  }
  const d =
    workout.targetDistanceMeters === undefined
      ? 0
      : requireFinite(workout.targetDistanceMeters, 'workout.targetDistanceMeters', 0, 500_000);
  if (d > 0) {
    const pace =
      athlete.paceSecPerKm === undefined
        ? DEFAULT_PACE_SEC_PER_KM
        : requireFinite(athlete.paceSecPerKm, 'athlete.paceSecPerKm', 120, 1200);
    const durationSec = (d / 1000) * pace;
    reasons.push({
      code: 'FUEL_DURATION_ESTIMATED',
      message: `No target time, so ${round(d / 1000, 1)} km at ${paceText(pace)} is taken as ${Math.round(durationSec / 60)} min.`,
      data: { distanceMeters: d, paceSecPerKm: pace },
    });
    return { durationSec, estimated: true };
  }
  throw new EngineError(
    'MISSING',
    'workout.targetDurationSec',
    'workout.targetDurationSec or workout.targetDistanceMeters is needed to plan fuel',
  );
}

function restDay(protein: number): FuelingPlan {
  return {
    durationSec: 0,
    durationEstimated: false,
    carbBand: 'none',
    carbsGramsPerHour: 0,
    carbsRangeGramsPerHour: { min: 0, max: 0 },
    totalCarbsGrams: 0,
    fluidsMlPerHour: { min: 0, max: 0 },
    recoveryProteinGrams: protein,
    preRun: 'Rest day: no session to fuel for.',
    during: 'Rest day: drink to thirst through the day.',
    after: `Eat normal meals, each with about ${protein} g protein (0.3 g/kg), to absorb recent training.`,
    reasons: [{ code: 'FUEL_REST_DAY', message: 'Rest day: everyday eating, no session fuelling.' }],
  };
}

function carbsBandText(band: CarbBand, r: Range): string {
  if (band === 'none') return 'no carbohydrate needed during';
  if (band === 'mouth_rinse') return 'small amounts or a carbohydrate mouth rinse';
  return `${r.min}-${r.max} g carbohydrate per hour`;
}

function preRunText(w: number, carbs: Range | undefined, carbLoad: boolean): string {
  const load = carbLoad
    ? ` In the 36-48 h before, carbohydrate-load at 10-12 g/kg a day (${round(10 * w)}-${round(12 * w)} g).`
    : '';
  if (!carbs) return 'No special meal needed: run after a normal meal, or a light snack if hungry.';
  return (
    `1-4 h before, eat ${carbs.min}-${carbs.max} g carbohydrate (1-4 g/kg): about 1 g/kg for each hour ` +
    `before the start, e.g. ${carbs.min} g an hour before or ${round(3 * w)} g three hours before. ` +
    `Keep fat and fibre low.${load}`
  );
}

function duringText(
  band: CarbBand,
  gramsPerHour: number,
  total: number,
  ml: Range,
  sodium: Range | undefined,
  running: boolean,
): string {
  const drink =
    ml.max === 0
      ? ''
      : ml.min === 0
        ? ` Water is optional: drink to thirst, up to ${ml.max} ml per hour.`
        : ` Drink ${ml.min}-${ml.max} ml per hour, never more than you sweat.`;
  const salt = sodium
    ? ` Take ${sodium.min}-${sodium.max} mg sodium per hour (sports drink or salt tabs).`
    : '';
  if (!running) return `No fuel needed during strength work.${drink}`;
  let carbs: string;
  if (band === 'none') carbs = 'No fuel needed during a session this short.';
  else if (band === 'mouth_rinse') {
    carbs =
      'Fuel is optional: rinse your mouth with a sports drink, or sip up to 30 g carbohydrate if it is hard.';
  } else {
    const everyMin = Math.round((60 * GEL_GRAMS) / gramsPerHour / 5) * 5;
    carbs =
      `Take ${gramsPerHour} g carbohydrate per hour (${total} g in all): about one ${GEL_GRAMS} g gel every ${everyMin} min, ` +
      `starting in the first 30 min.`;
    if (band === 'high') {
      carbs += ' Above 60 g/h use glucose-fructose products, and practise this intake in training first.';
    }
  }
  return `${carbs}${drink}${salt}`;
}

function afterText(carbs: Range | undefined, protein: number): string {
  if (!carbs) return `Your next normal meal is enough; include about ${protein} g protein (0.3 g/kg).`;
  return (
    `If your next session is within 8 h, start refuelling straight away: ${carbs.min}-${carbs.max} g ` +
    `carbohydrate per hour for 4 h (1.0-1.2 g/kg/h); otherwise carbohydrate-rich meals will do. ` +
    `Include about ${protein} g protein (0.3 g/kg).`
  );
}

function paceText(secPerKm: number): string {
  const s = Math.round(secPerKm);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}/km`;
}
