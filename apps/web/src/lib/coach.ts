import type { DailyMetrics, Readiness, Reason, TrainingPlan, Workout } from '@runningcoach/contracts';
import {
  adaptPlan,
  addDays,
  assessReadiness,
  rollingLoad,
  sessionRpeLoad,
  type RollingLoadDay,
  type WorkoutChange,
} from '@runningcoach/engine';
import { type ActivityRec, type MetricsRec, type PlanRec, type WorkoutRec, parseJson } from './records.ts';

/** The Brain, run in the browser on IndexedDB data: the same functions and inputs the server uses. */

/** Readiness looks back this far for personal baselines (as the server's check-in does). */
const HISTORY_DAYS = 60;

export function toDailyMetrics(m: MetricsRec): DailyMetrics {
  const out: DailyMetrics = { date: m.date };
  if (m.resting_hr != null) out.restingHr = m.resting_hr;
  if (m.hrv_rmssd != null) out.hrvRmssd = m.hrv_rmssd;
  if (m.sleep_duration_minutes != null) out.sleepDurationMinutes = m.sleep_duration_minutes;
  if (m.sleep_quality != null) out.sleepQuality = m.sleep_quality;
  if (m.soreness != null) out.soreness = m.soreness;
  if (m.stress != null) out.stress = m.stress;
  if (m.mood != null) out.mood = m.mood;
  if (m.morning_readiness != null) out.morningReadiness = m.morning_readiness;
  if (m.weight_kg != null) out.weightKg = m.weight_kg;
  return out;
}

export interface Baselines {
  restingHr?: number;
  hrvRmssd?: number;
}

/** The day's readiness from its check-in and the 60 days before it, or null without a check-in. */
export function readinessOn(
  date: string,
  metrics: readonly MetricsRec[],
  baselines: Baselines,
): Readiness | null {
  const today = metrics.find((m) => m.date === date);
  if (!today) return null;
  const since = addDays(date, -HISTORY_DAYS);
  const history = metrics.filter((m) => m.date < date && m.date >= since).map(toDailyMetrics);
  try {
    return assessReadiness({ today: date, metrics: toDailyMetrics(today), history, baselines });
  } catch {
    return parseJson<Readiness | null>(today.readiness, null);
  }
}

/** An activity's training load: the server's sRPE when known, else RPE × minutes, else TRIMP; rejected count 0. */
export function activityLoad(a: ActivityRec): number {
  if (a.rejected_reason) return 0;
  if (a.internal_load != null) return a.internal_load;
  if (a.rpe != null && a.duration_sec) return sessionRpeLoad(a.rpe, a.duration_sec);
  return a.trimp ?? 0;
}

/** The engine's rolling load from the first activity to `to` (acute/chronic EWMA, ACWR, TSB, monotony). */
export function loadSeries(activities: readonly ActivityRec[], to: string): RollingLoadDay[] {
  const byDay = new Map<string, number>();
  for (const a of activities) if (a.date <= to) byDay.set(a.date, (byDay.get(a.date) ?? 0) + activityLoad(a));
  const loads = [...byDay].map(([date, load]) => ({ date, load })).sort((x, y) => (x.date < y.date ? -1 : 1));
  if (!loads.length) return [];
  try {
    return rollingLoad(loads, { from: loads[0]!.date, to });
  } catch {
    return [];
  }
}

export function toWorkout(w: WorkoutRec): Workout {
  return {
    id: w.id,
    date: w.date,
    type: w.type as Workout['type'],
    ...(w.target_distance_meters != null && { targetDistanceMeters: w.target_distance_meters }),
    ...(w.target_duration_sec != null && { targetDurationSec: w.target_duration_sec }),
    ...(w.intensity_zone != null && { intensityZone: w.intensity_zone }),
    structure: parseJson(w.structure, { steps: [] }),
    description: w.description,
    ...(w.phase != null && { phase: w.phase as Workout['phase'] }),
    ...(w.week != null && { week: w.week }),
    ...(parseJson<unknown[]>(w.adaptations, []).length > 0 && {
      adaptations: parseJson(w.adaptations, []),
    }),
  };
}

/** The Workout columns adaptPlan changed, as raw synced columns. */
export function workoutColumns(w: Workout): Partial<WorkoutRec> {
  return {
    type: w.type,
    target_distance_meters: w.targetDistanceMeters ?? null,
    target_duration_sec: w.targetDurationSec ?? null,
    intensity_zone: w.intensityZone ?? null,
    structure: JSON.stringify(w.structure),
    description: w.description,
    phase: w.phase ?? null,
    week: w.week ?? null,
    adaptations: JSON.stringify(w.adaptations ?? []),
  };
}

export interface PlanMeta {
  goal?: { raceDate: string; distanceMeters: number; name?: string; targetTimeSec?: number };
  vdot?: number;
  paces?: Record<string, { min: number; max: number } | number>;
  warnings?: Reason[];
}

export function planMeta(plan: PlanRec): PlanMeta {
  return parseJson<PlanMeta>(plan.meta, {});
}

/**
 * adaptPlan from `today` on the still-planned workouts, as the server's check-in does; returns the changes
 * (before/after) and reasons for the caller to store.
 */
export function adaptLocally(
  plan: PlanRec,
  workouts: readonly WorkoutRec[],
  ctx: {
    today: string;
    readiness: Readiness | null;
    load: { acwr: number | null; monotony: number | null } | null;
    activities: readonly ActivityRec[];
    units: 'km' | 'mi';
  },
): { changes: WorkoutChange[]; reasons: Reason[] } {
  const considered = workouts.filter((w) => w.date >= ctx.today && w.state === 'planned');
  const trainingPlan: TrainingPlan = {
    version: plan.version,
    startDate: plan.start_date,
    endDate: plan.end_date,
    phases: parseJson(plan.phases, []),
    workouts: considered.map(toWorkout),
  };
  const since = addDays(ctx.today, -7);
  try {
    const result = adaptPlan(trainingPlan, {
      today: ctx.today,
      units: ctx.units,
      ...(ctx.readiness && { readiness: ctx.readiness }),
      ...(ctx.load && { load: ctx.load }),
      activities: ctx.activities
        .filter((a) => a.date >= since && a.date <= ctx.today && !a.rejected_reason)
        .map((a) => ({
          date: a.date,
          type: a.type as 'run',
          ...(a.workout_id && { workoutId: a.workout_id }),
          ...(a.distance_meters != null && { distanceMeters: a.distance_meters }),
        })),
    });
    return { changes: result.changes.filter((c) => c.date >= ctx.today), reasons: result.reasons };
  } catch {
    return { changes: [], reasons: [] };
  }
}
