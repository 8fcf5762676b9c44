import { startOfWeek } from '@runningcoach/engine';
import type { ActivityRec } from './records.ts';

export interface WeekSummary {
  week: string;
  meters: number;
  easyMin: number;
  moderateMin: number;
  hardMin: number;
}

/** Session-RPE bands (Foster's CR-10: ≤4 easy, 5-6 moderate, ≥7 hard); no RPE counts as easy. */
export function intensityOf(rpe: number | null): 'easy' | 'moderate' | 'hard' {
  if (rpe == null || rpe <= 4) return 'easy';
  return rpe <= 6 ? 'moderate' : 'hard';
}

/** Distance and minutes by intensity per Monday-started week, oldest first. */
export function weeklySummary(activities: readonly ActivityRec[], from: string): WeekSummary[] {
  const weeks = new Map<string, WeekSummary>();
  for (const a of activities) {
    if (a.date < from || a.rejected_reason) continue;
    const week = startOfWeek(a.date);
    let w = weeks.get(week);
    if (!w) weeks.set(week, (w = { week, meters: 0, easyMin: 0, moderateMin: 0, hardMin: 0 }));
    w.meters += a.distance_meters ?? 0;
    const min = (a.duration_sec ?? 0) / 60;
    const band = intensityOf(a.rpe);
    if (band === 'easy') w.easyMin += min;
    else if (band === 'moderate') w.moderateMin += min;
    else w.hardMin += min;
  }
  return [...weeks.values()].sort((a, b) => (a.week < b.week ? -1 : 1));
}
