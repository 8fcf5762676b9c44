// Moving long and hard sessions out of the heat, from a 7-day forecast. Heat is Hadley's temperature +
// dew point sum (°F), the same chart heatAdjustedPace uses: up to 130 °F costs at most ~2 % and needs no change.
// Order of preference (a judgement, after the usual coaching advice to shift before cutting): run it early
// in the day; else swap it with an easy day within two days that is cooler; else soften it (by time, not
// distance, and slower by the chart's percentage; very hot days also cut it).
import type { Reason, Workout, WorkoutType } from '@runningcoach/contracts';
import { dateFromDayNumber, dayNumber, weekdayIndex } from '../util/dates.ts';
import { EngineError, requireFinite } from '../util/errors.ts';
import { round } from '../util/math.ts';
import { heatAdjustmentPct } from './heat-adjusted-pace.ts';
import { cToF } from './temperature.ts';
import type { ForecastDay } from './weather-types.ts';

/** Up to this temperature + dew point (°F) the chart's cost is at most 2 %: no change. */
export const HEAT_OK_SUM_F = 130;
/** Above this (Hadley 161-180 °F: 6-10 % slower) a softened long run is also cut. */
export const HEAT_CUT_SUM_F = 160;
const SWAP_WINDOW_DAYS = 2;
const MOVABLE: ReadonlySet<WorkoutType> = new Set(['long', 'threshold', 'intervals', 'marathon_pace']);
const HARD: ReadonlySet<WorkoutType> = new Set([...MOVABLE, 'race']);
const SWAPPABLE: ReadonlySet<WorkoutType> = new Set(['easy', 'recovery']);

export interface WeatherSuggestion {
  workoutId: string;
  date: string;
  workoutType: WorkoutType;
  action: 'run_early' | 'move' | 'soften';
  /** move: the cooler day, whose easy run takes this day's place. */
  toDate?: string;
  swapWorkoutId?: string;
  /** Percent slower than the planned paces in that heat (half for interval sessions, per Hadley). */
  paceAdjustmentPct: number;
  /** soften: the distance to run instead. */
  targetDistanceMeters?: number;
  reason: Reason;
}

export interface WeatherScheduleInput {
  workouts: readonly Pick<Workout, 'id' | 'date' | 'type' | 'targetDistanceMeters'>[];
  forecast: readonly ForecastDay[];
  /** The runner's today: nothing before it is touched. */
  today: string;
}

/** Sum of temperature and dew point in °F (Hadley), dew point capped at the temperature. */
function sumF(tempC: number, dewPointC: number): number {
  return cToF(tempC) + cToF(Math.min(dewPointC, tempC));
}

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const dayText = (date: string) => DAY_NAMES[weekdayIndex(date)]!;

export function weatherSuggestions(input: WeatherScheduleInput): WeatherSuggestion[] {
  const todayN = dayNumber(input.today, 'today');
  const days = new Map<number, ForecastDay>();
  input.forecast.forEach((d, k) => {
    const n = dayNumber(d.date, `forecast[${k}].date`);
    for (const key of ['morn', 'day', 'eve', 'night'] as const)
      requireFinite(d.tempC?.[key], `forecast[${k}].tempC.${key}`, -60, 60);
    requireFinite(d.dewPointC, `forecast[${k}].dewPointC`, -90, 60);
    if (days.has(n)) throw new EngineError('DUPLICATE', `forecast[${k}].date`, `${d.date} is forecast twice`);
    days.set(n, d);
  });
  const byDay = new Map<number, (typeof input.workouts)[number]>();
  input.workouts.forEach((w, k) => byDay.set(dayNumber(w.date, `workouts[${k}].date`), w));
  const raceDays = [...byDay].filter(([, w]) => w.type === 'race').map(([n]) => n);
  const movedTo = new Set<number>();
  const out: WeatherSuggestion[] = [];

  for (const [n, w] of [...byDay].sort((a, b) => a[0] - b[0])) {
    const day = days.get(n);
    if (n < todayN || !day || !MOVABLE.has(w.type) || movedTo.has(n)) continue;
    const hot = sumF(day.tempC.day, day.dewPointC);
    if (hot <= HEAT_OK_SUM_F) continue;
    const morning = sumF(day.tempC.morn, day.dewPointC);
    const repeats = w.type === 'intervals' || w.type === 'threshold';
    const pct = (s: number) => (repeats ? heatAdjustmentPct(s) / 2 : heatAdjustmentPct(s));
    const base = { workoutId: w.id, date: w.date, workoutType: w.type };
    const data = {
      tempC: round(day.tempC.day, 1),
      morningTempC: round(day.tempC.morn, 1),
      dewPointC: round(day.dewPointC, 1),
      sumF: round(hot),
      morningSumF: round(morning),
    };

    if (morning <= HEAT_OK_SUM_F) {
      out.push({
        ...base,
        action: 'run_early',
        paceAdjustmentPct: round(pct(morning), 2),
        reason: {
          code: 'HEAT_RUN_EARLY',
          message: `${dayText(w.date)} reaches ${round(day.tempC.day)} °C with a ${round(day.dewPointC)} °C dew point; run the ${w.type.replace('_', ' ')} session early, when it is about ${round(day.tempC.morn)} °C.`,
          data,
        },
      });
      continue;
    }

    const target = coolerDay(n, morning, { todayN, days, byDay, raceDays, movedTo });
    if (target) {
      const [tn, tw, tSum] = target;
      movedTo.add(tn);
      const to = dateFromDayNumber(tn);
      out.push({
        ...base,
        action: 'move',
        toDate: to,
        swapWorkoutId: tw.id,
        paceAdjustmentPct: round(pct(tSum), 2),
        reason: {
          code: 'HEAT_MOVE_SESSION',
          message: `${dayText(w.date)} stays hot even in the morning (${round(day.tempC.morn)} °C, dew point ${round(day.dewPointC)} °C); ${dayText(to)} is cooler, so swap the ${w.type.replace('_', ' ')} session with that day's easy run.`,
          data: { ...data, toDate: to, toMorningSumF: round(tSum) },
        },
      });
      continue;
    }

    const slower = pct(morning);
    const planned = w.targetDistanceMeters;
    // Same time on feet at a pace `slower` % slower; very hot days also lose a fifth (judgement).
    const cut = morning > HEAT_CUT_SUM_F ? 0.8 : 1;
    const distance =
      planned === undefined ? undefined : Math.floor((planned * cut) / (1 + slower / 100) / 100) * 100;
    out.push({
      ...base,
      action: 'soften',
      paceAdjustmentPct: round(slower, 2),
      ...(distance !== undefined && { targetDistanceMeters: distance }),
      reason: {
        code: 'HEAT_SOFTEN_SESSION',
        message:
          `No cooler day nearby and ${dayText(w.date)} is hot from the morning (${round(day.tempC.morn)} °C, dew point ${round(day.dewPointC)} °C): ` +
          `run it by effort, about ${round(slower, 1)} % slower than planned` +
          (distance !== undefined
            ? `, ${round(distance / 1000, 1)} km instead of ${round(planned! / 1000, 1)} km.`
            : '.'),
        data: {
          ...data,
          adjustmentPct: round(slower, 2),
          ...(distance !== undefined && { targetDistanceMeters: distance }),
        },
      },
    });
  }
  return out;
}

interface SwapContext {
  todayN: number;
  days: Map<number, ForecastDay>;
  byDay: Map<number, Pick<Workout, 'id' | 'type'>>;
  raceDays: number[];
  movedTo: Set<number>;
}

/** The coolest easy day within two days that keeps hard days apart and the last two days before a race easy. */
function coolerDay(
  from: number,
  fromSum: number,
  c: SwapContext,
): [number, Pick<Workout, 'id' | 'type'>, number] | undefined {
  let best: [number, Pick<Workout, 'id' | 'type'>, number] | undefined;
  for (let n = from - SWAP_WINDOW_DAYS; n <= from + SWAP_WINDOW_DAYS; n++) {
    const w = c.byDay.get(n);
    const day = c.days.get(n);
    if (n === from || n < c.todayN || !w || !day || !SWAPPABLE.has(w.type) || c.movedTo.has(n)) continue;
    if (c.raceDays.some((r) => r - n >= 0 && r - n <= 2)) continue;
    const neighbourHard = [n - 1, n + 1].some((m) => m !== from && HARD.has(c.byDay.get(m)?.type ?? 'rest'));
    if (neighbourHard) continue;
    const s = sumF(day.tempC.morn, day.dewPointC);
    // Worth it only if the morning there is fine, or at least 10 °F cooler than here.
    if (s > HEAT_OK_SUM_F && fromSum - s < 10) continue;
    const better = !best || s < best[2] || (s === best[2] && Math.abs(n - from) < Math.abs(best[0] - from));
    if (better) best = [n, w, s];
  }
  return best;
}
