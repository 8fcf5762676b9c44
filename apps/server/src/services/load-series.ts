import { type RollingLoadDay, rollingLoad } from '@runningcoach/engine';
import type { ActivityRow } from '../schema/index.ts';
import { engineError } from './plan.service.ts';

/** A day's load: the sRPE of each counted activity, else its TRIMP (one with neither counts 0). */
export function dailyLoads(
  rows: readonly Pick<ActivityRow, 'date' | 'internalLoad' | 'trimp' | 'rejectedReason'>[],
): { date: string; load: number }[] {
  const byDay = new Map<string, number>();
  for (const a of rows) {
    // A rejected activity (impossible values) stays in the runner's log but counts for nothing.
    if (a.rejectedReason != null) continue;
    byDay.set(a.date, (byDay.get(a.date) ?? 0) + (a.internalLoad ?? a.trimp ?? 0));
  }
  return [...byDay].map(([date, load]) => ({ date, load })).sort((x, y) => (x.date < y.date ? -1 : 1));
}

/** The engine's rolling load on [from, to], its EWMAs started at the first load (or `from`, if earlier). */
export function loadSeries(
  loads: readonly { date: string; load: number }[],
  from: string,
  to: string,
): RollingLoadDay[] {
  const first = loads[0]?.date;
  const start = first && first < from ? first : from;
  try {
    return rollingLoad(
      loads.filter((l) => l.date <= to),
      { from: start, to },
    ).filter((d) => d.date >= from);
  } catch (err) {
    throw engineError(err);
  }
}
