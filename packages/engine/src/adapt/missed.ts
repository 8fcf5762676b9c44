import type { Workout } from '@runningcoach/contracts';
import type { AdaptationContext } from './types.ts';

const RUN_TYPES = new Set(['run', 'trail_run', 'treadmill']);
const SKIPPABLE = new Set(['rest', 'strength']);

/** Planned runs before `today` that no activity covers: linked by id, or any run on the same day. */
export function detectMissed(
  workouts: readonly Workout[],
  ctx: Pick<AdaptationContext, 'today' | 'activities'>,
): Workout[] {
  const linked = new Set<string>();
  const runDays = new Set<string>();
  for (const a of ctx.activities ?? []) {
    if (a.workoutId) linked.add(a.workoutId);
    if (!a.type || RUN_TYPES.has(a.type)) runDays.add(a.date);
  }
  return workouts.filter(
    (w) => w.date < ctx.today && !SKIPPABLE.has(w.type) && !linked.has(w.id) && !runDays.has(w.date),
  );
}
