import type { Readiness } from '@runningcoach/contracts';
import { useMemo } from 'react';
import { loadSeries, readinessOn, toWorkout } from '../lib/coach.ts';
import { localToday } from '../lib/dates.ts';
import type { ActivityRec } from '../lib/records.ts';
import type { Units } from '../lib/units.ts';
import { activePlan } from './actions.ts';
import { useData } from './data.ts';
import { useSession } from './session.ts';

export function useUnits(): Units {
  const local = useData((s) => s.settings?.units);
  const profile = useSession((s) => s.session?.user.settings.units);
  return local ?? profile ?? 'km';
}

export function useActivePlan() {
  const plans = useData((s) => s.plans);
  return useMemo(() => activePlan(plans), [plans]);
}

/** The active plan's workouts (the runner's rescheduled days included). */
export function usePlanWorkouts() {
  const plan = useActivePlan();
  const workouts = useData((s) => s.workouts);
  return useMemo(() => (plan ? workouts.filter((w) => w.plan_id === plan.id) : []), [plan, workouts]);
}

export function useReadiness(date = localToday()): Readiness | null {
  const metrics = useData((s) => s.metrics);
  const user = useSession((s) => s.session?.user);
  return useMemo(
    () =>
      readinessOn(date, metrics, {
        restingHr: user?.baselines.restingHr ?? user?.profile.restingHr,
        hrvRmssd: user?.baselines.hrvRmssd,
      }),
    [date, metrics, user],
  );
}

// One series per snapshot of the activities, shared by Today and Analytics (a screen change recomputes nothing).
const seriesCache = new WeakMap<object, Map<string, ReturnType<typeof loadSeries>>>();

function cachedSeries(activities: ActivityRec[], to: string) {
  let byDay = seriesCache.get(activities);
  if (!byDay) seriesCache.set(activities, (byDay = new Map()));
  let series = byDay.get(to);
  if (!series) byDay.set(to, (series = loadSeries(activities, to)));
  return series;
}

export function useLoadSeries(to = localToday()) {
  const activities = useData((s) => s.activities);
  return cachedSeries(activities, to);
}

export function useTodayWorkout(today = localToday()) {
  const workouts = usePlanWorkouts();
  return useMemo(() => {
    const row = workouts.find((w) => w.date === today && w.state !== 'skipped');
    return row ? { row, workout: toWorkout(row) } : null;
  }, [workouts, today]);
}
