import { addDays, localDate } from './local-time.ts';

export interface RunnerTimeZone {
  userId: string;
  timeZone: string;
}

export interface MidnightRun {
  userId: string;
  timeZone: string;
  /** The runner's local day that just ended: the day whose workouts are now due or missed. */
  date: string;
}

export interface MidnightScan {
  due: MidnightRun[];
  /** Runners whose stored zone this runtime does not know; they are reported, not dropped silently. */
  unknownZones: RunnerTimeZone[];
}

/**
 * Runners whose local day changed during (now - windowMs, now]. A window several scan intervals wide
 * (1 h for a 15-minute scan) survives a missed tick or a late worker; the job id
 * `missed:<userId>:<date>` makes the repeats no-ops. Comparing calendar days, not looking for a 00:00
 * wall-clock reading, also covers zones whose DST change skips or repeats midnight (e.g. America/Santiago).
 */
export function scanMidnights(
  runners: readonly RunnerTimeZone[],
  nowMs: number,
  windowMs: number,
): MidnightScan {
  const byZone = new Map<string, RunnerTimeZone[]>();
  for (const r of runners) {
    const group = byZone.get(r.timeZone);
    if (group) group.push(r);
    else byZone.set(r.timeZone, [r]);
  }
  const scan: MidnightScan = { due: [], unknownZones: [] };
  for (const [timeZone, group] of byZone) {
    let today: string;
    let before: string;
    try {
      today = localDate(nowMs, timeZone);
      before = localDate(nowMs - windowMs, timeZone);
    } catch {
      scan.unknownZones.push(...group);
      continue;
    }
    // `>`: where a DST change repeats the last hour before midnight, the day goes back; that is no new day.
    if (today <= before) continue;
    const date = addDays(today, -1);
    for (const r of group) scan.due.push({ userId: r.userId, timeZone, date });
  }
  return scan;
}
