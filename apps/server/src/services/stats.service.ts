import { Inject, Injectable } from '@nestjs/common';
import type { DateRangeQuery, Readiness, Reason } from '@runningcoach/contracts';
import { addDays, daysBetween, loadRiskFlags, type RollingLoadDay, rollingLoad } from '@runningcoach/engine';
import { ActivityRepository } from '../repositories/activity.repository.ts';
import { DailyMetricsRepository } from '../repositories/daily-metrics.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { PlanRepository } from '../repositories/plan.repository.ts';
import { UserRepository } from '../repositories/user.repository.ts';
import type { ActivityRow, UserRow } from '../schema/index.ts';
import { AppError } from '../utils/errors.ts';
import { engineError, runnerToday, type ScheduledWorkout, toWorkout } from './plan.service.ts';

/** Default window of `GET /stats/load` and the longest one it serves. */
export const DEFAULT_LOAD_DAYS = 90;
export const MAX_LOAD_DAYS = 3 * 366;

/** One day of `GET /stats/load`: the engine's rolling load without the chart-only fitness/fatigue. */
export type LoadDay = Pick<
  RollingLoadDay,
  'date' | 'load' | 'acute' | 'chronic' | 'acwr' | 'tsb' | 'monotony' | 'strain'
>;

export interface Dashboard {
  date: string;
  workout: ScheduledWorkout | null;
  readiness: Readiness | null;
  load: Pick<LoadDay, 'acute' | 'chronic' | 'acwr' | 'tsb' | 'monotony'>;
  alerts: Reason[];
  coachNote: string;
}

/** A day's load: the sRPE of each activity, else its TRIMP (an activity with neither counts 0). */
export function dailyLoads(rows: readonly ActivityRow[]): { date: string; load: number }[] {
  const byDay = new Map<string, number>();
  for (const a of rows) byDay.set(a.date, (byDay.get(a.date) ?? 0) + (a.internalLoad ?? a.trimp ?? 0));
  return [...byDay].map(([date, load]) => ({ date, load }));
}

function coachNote(workout: ScheduledWorkout | null, readiness: Readiness | null, alerts: Reason[]): string {
  const adapted = workout?.adaptations?.some((a) => a.rule.startsWith('READINESS'));
  if (adapted && readiness) {
    const why = readiness.reasons.find((r) => !['THIN_DATA', 'ALL_NORMAL'].includes(r.code));
    return `Today was changed to ${workout!.type === 'rest' ? 'rest' : `an easy ${workout!.type} session`} because your readiness is ${readiness.color}${why ? `: ${why.message}` : '.'}`;
  }
  if (alerts[0]) return alerts[0].message;
  if (!workout || workout.type === 'rest') return 'Rest day: recovery is part of the training.';
  if (workout.state === 'completed') return 'Done for today. Nice work.';
  const prefix = readiness
    ? `Readiness ${readiness.color} (${readiness.score}/100). `
    : 'Check in to see your readiness. ';
  return `${prefix}${workout.description}`;
}

@Injectable()
export class StatsService {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(ActivityRepository) private readonly activities: ActivityRepository,
    @Inject(DailyMetricsRepository) private readonly metrics: DailyMetricsRepository,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
  ) {}

  /** Daily series on [from, to] (default: the last 90 days); the EWMAs start at the runner's first activity. */
  load(userId: string, range: DateRangeQuery): Promise<{ days: LoadDay[] }> {
    return this.database.asUser(userId, async () => {
      const user = await this.user(userId);
      const to = range.to ?? (range.from ? addDays(range.from, DEFAULT_LOAD_DAYS - 1) : runnerToday(user));
      const from = range.from ?? addDays(to, -(DEFAULT_LOAD_DAYS - 1));
      if (daysBetween(from, to) >= MAX_LOAD_DAYS) {
        throw new AppError(
          400,
          'VALIDATION_FAILED',
          `from: the range may span at most ${MAX_LOAD_DAYS} days`,
          {
            issues: [{ path: 'from', code: 'too_big', message: `range over ${MAX_LOAD_DAYS} days` }],
          },
        );
      }
      return { days: await this.series(userId, from, to) };
    });
  }

  /** What the runner sees first: today's workout, readiness, load, alerts and a note. */
  today(userId: string): Promise<Dashboard> {
    return this.database.asUser(userId, async () => {
      const user = await this.user(userId);
      const date = runnerToday(user);
      const active = await this.plans.findActive(userId);
      const [row] = active ? await this.plans.workoutsOn(userId, active.id, date) : [];
      const workout = row ? toWorkout(row) : null;
      const readiness = (await this.metrics.onDate(userId, date))?.readiness ?? null;
      const last = (await this.series(userId, date, date)).at(-1)!;
      const alerts = loadRiskFlags(last);
      if (readiness?.color === 'red') {
        alerts.push({ code: 'READINESS_RED', message: 'Readiness is red today: keep it easy or rest.' });
      }
      const { acute, chronic, acwr, tsb, monotony } = last;
      return {
        date,
        workout,
        readiness,
        load: { acute, chronic, acwr, tsb, monotony },
        alerts,
        coachNote: coachNote(workout, readiness, alerts),
      };
    });
  }

  private async user(userId: string): Promise<UserRow> {
    const user = await this.users.findById(userId);
    if (!user) throw new AppError(404, 'NOT_FOUND', 'user not found');
    return user;
  }

  private async series(userId: string, from: string, to: string): Promise<LoadDay[]> {
    const rows = await this.activities.list(userId, { to });
    const loads = dailyLoads(rows);
    const first = loads[0]?.date;
    const start = first && first < from ? first : from;
    try {
      return rollingLoad(loads, { from: start, to })
        .filter((d) => d.date >= from)
        .map(({ date, load, acute, chronic, acwr, tsb, monotony, strain }) => ({
          date,
          load,
          acute,
          chronic,
          acwr,
          tsb,
          monotony,
          strain,
        }));
    } catch (err) {
      throw engineError(err);
    }
  }
}
