// Alerts from logged eating over the last days: low energy availability (RED-S risk), protein shortfall,
// and carbohydrate shortfall in heavy training. A pattern over several logged days is required, never
// one day, because intake varies day to day and EA is meaningful as an average (Mountjoy et al. 2018).
import type { Sex } from '@runningcoach/contracts';
import { dayNumber } from '../util/dates.ts';
import { EngineError, requireFinite } from '../util/errors.ts';
import { mean, round } from '../util/math.ts';
import { fatFreeMass } from './body-composition.ts';
import { CARB_G_PER_KG, PROTEIN_G_PER_KG, loadLevelFromMinutes } from './daily-fuel-targets.ts';
import type { SessionIntensity } from './daily-fuel-targets.ts';
import { EA_LOW_BELOW, EA_OPTIMAL_FROM } from './energy-availability.ts';

export interface NutritionDay {
  date: string;
  intakeKcal?: number;
  carbsGrams?: number;
  proteinGrams?: number;
  exerciseKcal: number;
  /** Needed for the carbohydrate check: it sets the day's load row. */
  trainingMinutes?: number;
  intensity?: SessionIntensity;
}

export interface NutritionAlertsInput {
  days: readonly NutritionDay[];
  weightKg: number;
  fatFreeMassKg?: number;
  /** Used for fat-free mass when fatFreeMassKg is absent. */
  bodyFatPct?: number;
  /** With sex, gives a Boer (1984) fat-free-mass estimate when nothing better is known. */
  heightCm?: number;
  sex?: Sex;
  /** Calendar days looked at, ending on the latest logged day. Default 7. */
  windowDays?: number;
  /** Logged days needed before anything is flagged. Default 3. */
  minDays?: number;
}

export type AlertSeverity = 'info' | 'warning' | 'critical';

export interface NutritionAlert {
  code: string;
  severity: AlertSeverity;
  message: string;
  data: Record<string, number | string | boolean | null>;
}

const SEVERITY_ORDER: Record<AlertSeverity, number> = { critical: 0, warning: 1, info: 2 };

export function nutritionAlerts(input: NutritionAlertsInput): NutritionAlert[] {
  const w = requireFinite(input.weightKg, 'weightKg', 25, 250);
  const windowDays = requireFinite(input.windowDays ?? 7, 'windowDays', 1, 90);
  const minDays = requireFinite(input.minDays ?? 3, 'minDays', 2, 90);
  const days = validDays(input.days);
  if (days.length === 0) return [];
  const last = days[days.length - 1]!.n;
  const recent = days.filter((d) => d.n > last - windowDays).map((d) => d.day);
  const window = { from: recent[0]!.date, to: recent[recent.length - 1]!.date };

  const alerts: NutritionAlert[] = [];
  const ea = energyAvailabilityAlert(input, w, recent, minDays, window);
  if (ea) alerts.push(ea);

  const heavy = carbohydrateAlert(recent, w, minDays, window);
  if (heavy.alert) alerts.push(heavy.alert);

  const protein = proteinAlert(recent, w, minDays, heavy.heavyDays >= minDays, window);
  if (protein) alerts.push(protein);

  return alerts.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

type Window = { from: string; to: string };

function validDays(days: readonly NutritionDay[]): { n: number; day: NutritionDay }[] {
  if (!Array.isArray(days)) throw new EngineError('INVALID', 'days', 'days must be an array');
  const seen = new Set<number>();
  const out = days.map((day, k) => {
    const n = dayNumber(day.date, `days[${k}].date`);
    if (seen.has(n))
      throw new EngineError('DUPLICATE', `days[${k}].date`, `days[${k}].date ${day.date} is logged twice`);
    seen.add(n);
    requireFinite(day.exerciseKcal, `days[${k}].exerciseKcal`, 0, 20_000);
    if (day.intakeKcal !== undefined) requireFinite(day.intakeKcal, `days[${k}].intakeKcal`, 0, 20_000);
    if (day.carbsGrams !== undefined) requireFinite(day.carbsGrams, `days[${k}].carbsGrams`, 0, 3000);
    if (day.proteinGrams !== undefined) requireFinite(day.proteinGrams, `days[${k}].proteinGrams`, 0, 1000);
    if (day.trainingMinutes !== undefined) {
      requireFinite(day.trainingMinutes, `days[${k}].trainingMinutes`, 0, 24 * 60);
    }
    return { n, day };
  });
  return out.sort((a, b) => a.n - b.n);
}

function energyAvailabilityAlert(
  input: NutritionAlertsInput,
  w: number,
  recent: readonly NutritionDay[],
  minDays: number,
  window: Window,
): NutritionAlert | null {
  const logged = recent.filter((d) => d.intakeKcal !== undefined);
  if (logged.length === 0) return null;
  const ffm =
    input.fatFreeMassKg !== undefined
      ? { kg: requireFinite(input.fatFreeMassKg, 'fatFreeMassKg', 15, 150), isEstimate: false }
      : fatFreeMass({
          weightKg: w,
          ...(input.bodyFatPct !== undefined ? { bodyFatPct: input.bodyFatPct } : {}),
          ...(input.heightCm !== undefined ? { heightCm: input.heightCm } : {}),
          ...(input.sex !== undefined ? { sex: input.sex } : {}),
        });
  if (!ffm) {
    return {
      code: 'ENERGY_AVAILABILITY_UNKNOWN',
      severity: 'info',
      message: 'Add fat-free mass, body fat, or height and sex to check energy availability.',
      data: { ...window },
    };
  }
  if (logged.length < minDays) return null;
  // Loucks & Thuma 2003: EA = (intake - exercise energy) / FFM, averaged over the logged days.
  const eas = logged.map((d) => (d.intakeKcal! - d.exerciseKcal) / ffm.kg);
  const meanEa = mean(eas);
  const lowDays = eas.filter((x) => x < EA_LOW_BELOW).length;
  const data = {
    ...window,
    meanKcalPerKgFfm: round(meanEa, 1),
    loggedDays: logged.length,
    lowDays,
    fatFreeMassKg: round(ffm.kg, 1),
    fatFreeMassEstimated: ffm.isEstimate,
  };
  const note = ffm.isEstimate ? ' (fat-free mass estimated from height and weight)' : '';
  // Mountjoy et al. 2018: below 30 kcal/kg FFM/day is low energy availability, the cause of RED-S.
  if (meanEa < EA_LOW_BELOW) {
    return {
      code: 'RED_S_RISK',
      severity: 'critical',
      message:
        `Energy availability averaged ${round(meanEa)} kcal/kg fat-free mass over ${logged.length} days${note}, ` +
        `below 30: a risk of RED-S (hormone, bone and performance problems). Eat more on training days, ` +
        `and talk to a doctor or sports dietitian if it persists.`,
      data,
    };
  }
  if (meanEa < EA_OPTIMAL_FROM || lowDays >= minDays) {
    return {
      code: 'LOW_ENERGY_AVAILABILITY',
      severity: 'warning',
      message:
        `Energy availability averaged ${round(meanEa)} kcal/kg fat-free mass over ${logged.length} days${note}` +
        (lowDays >= minDays ? `, with ${lowDays} days below 30` : '') +
        `; 45 supports training and health. Add a snack around training.`,
      data,
    };
  }
  return null;
}

function carbohydrateAlert(
  recent: readonly NutritionDay[],
  w: number,
  minDays: number,
  window: Window,
): { alert: NutritionAlert | null; heavyDays: number } {
  const heavy = recent
    .filter((d) => d.trainingMinutes !== undefined)
    .map((d) => ({
      d,
      level: loadLevelFromMinutes({
        trainingMinutes: d.trainingMinutes!,
        ...(d.intensity !== undefined ? { intensity: d.intensity } : {}),
      }),
    }))
    .filter((x) => x.level === 'high' || x.level === 'very_high');
  const logged = heavy.filter((x) => x.d.carbsGrams !== undefined);
  if (logged.length < minDays) return { alert: null, heavyDays: heavy.length };
  // Burke et al. 2011 / Thomas et al. 2016: the bottom of each day's row is the least it needs.
  const eaten = mean(logged.map((x) => x.d.carbsGrams! / w));
  const target = mean(logged.map((x) => CARB_G_PER_KG[x.level].min));
  if (eaten >= target) return { alert: null, heavyDays: heavy.length };
  return {
    heavyDays: heavy.length,
    alert: {
      code: 'CARB_SHORTFALL',
      severity: 'warning',
      message:
        `On ${logged.length} heavy training days you ate ${round(eaten, 1)} g carbohydrate per kg, under the ` +
        `${round(target, 1)} g/kg those days need (${round((target - eaten) * w)} g a day short). ` +
        `Add carbohydrate around the long and hard sessions.`,
      data: {
        ...window,
        heavyDays: logged.length,
        carbsGPerKg: round(eaten, 2),
        targetMinGPerKg: round(target, 2),
      },
    },
  };
}

function proteinAlert(
  recent: readonly NutritionDay[],
  w: number,
  minDays: number,
  heavyBlock: boolean,
  window: Window,
): NutritionAlert | null {
  const logged = recent.filter((d) => d.proteinGrams !== undefined);
  if (logged.length < minDays) return null;
  const gPerKg = mean(logged.map((d) => d.proteinGrams! / w));
  // Thomas et al. 2016: athletes need 1.2-2.0 g/kg/day.
  if (gPerKg >= PROTEIN_G_PER_KG.min) return null;
  return {
    code: 'PROTEIN_SHORTFALL',
    // Judgement: more pressing in a heavy block, when repair demand is highest.
    severity: heavyBlock ? 'warning' : 'info',
    message:
      `Protein averaged ${round(gPerKg, 2)} g/kg over ${logged.length} days, under the ${PROTEIN_G_PER_KG.min} g/kg ` +
      `runners need (${round((PROTEIN_G_PER_KG.min - gPerKg) * w)} g a day short). Add ~${round(0.3 * w)} g at a meal or after runs.`,
    data: {
      ...window,
      loggedDays: logged.length,
      proteinGPerKg: round(gPerKg, 2),
      targetMinGPerKg: PROTEIN_G_PER_KG.min,
    },
  };
}
