import { Inject, Injectable } from '@nestjs/common';
import type { DateRangeQuery, Readiness, Reason } from '@runningcoach/contracts';
import { addDays, daysBetween, type RollingLoadDay } from '@runningcoach/engine';
import { DASHBOARD_CACHE, type RunnerCache } from '../cache/runner-cache.ts';
import { localDate } from '../queue/pipelines/local-time.ts';
import { ActivityRepository } from '../repositories/activity.repository.ts';
import { AlertRepository } from '../repositories/alert.repository.ts';
import { DailyMetricsRepository } from '../repositories/daily-metrics.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { type OpenTask, PendingTaskRepository } from '../repositories/pending-task.repository.ts';
import { PlanRepository } from '../repositories/plan.repository.ts';
import { UserRepository } from '../repositories/user.repository.ts';
import type { AlertRow, UserRow } from '../schema/index.ts';
import { AppError } from '../utils/errors.ts';
import { dailyLoads, loadSeries } from './load-series.ts';
import { runnerToday, type ScheduledWorkout, toWorkout } from './plan.service.ts';
import { ALERT_WINDOW_DAYS } from './rolling-stats.service.ts';
import { type WeatherNote, WeatherService } from './weather.service.ts';

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
  /** Ends with the pre-run weather (feels-like, what to drink) when `weather` is set. */
  coachNote: string;
  /**
   * Today's run in the weather at the runner's location (settings.location); null without a location, a
   * run, or a forecast (OpenWeather down). `stale`: the last forecast of the place, OpenWeather down.
   */
  weather: (WeatherNote & { stale: boolean }) | null;
}

/**
 * What the dashboard cache keeps: the answer without the weather (its own cache keeps forecasts fresh), the
 * zone its `date` was computed in, and what the weather note needs.
 */
interface CachedDashboard {
  dashboard: Omit<Dashboard, 'weather'>;
  timeZone: string;
  place: { lat: number; lon: number } | null;
  weightKg?: number;
}

/** A RiskAlert row as a dashboard reason: the engine's code, the alert's text, and where to act on it. */
function alertReason(a: AlertRow): Reason {
  const data: Record<string, number | string | boolean | null> = {
    alertId: a.id,
    date: a.date,
    severity: a.severity,
  };
  for (const [k, v] of Object.entries(a.data)) {
    if (v === null || ['number', 'string', 'boolean'].includes(typeof v))
      data[k] = v as number | string | boolean | null;
  }
  return { code: a.kind.toUpperCase(), message: a.body, data };
}

function taskReason(t: OpenTask): Reason {
  const what = t.activityType ? t.activityType.replace('_', ' ') : 'activity';
  return {
    code: 'RPE_MISSING',
    message: `How hard was your ${what}${t.date ? ` on ${t.date}` : ''}? Add its RPE (0-10) so it counts in your load.`,
    data: { taskId: t.id, activityId: t.activityId, date: t.date },
  };
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
    @Inject(AlertRepository) private readonly alerts: AlertRepository,
    @Inject(PendingTaskRepository) private readonly tasks: PendingTaskRepository,
    @Inject(DASHBOARD_CACHE) private readonly cache: RunnerCache<CachedDashboard>,
    @Inject(WeatherService) private readonly weather: WeatherService,
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

  /**
   * What the runner sees first: today's workout, readiness, load, alerts (open RiskAlerts, red readiness,
   * pending tasks) and a note. Cached per runner until a write invalidates it (see cache/).
   */
  async today(userId: string): Promise<Dashboard> {
    const { value, stamp } = await this.cache.get(userId);
    // A cached answer from before the runner's midnight is yesterday's dashboard.
    if (value && safeLocalDate(value.timeZone) === value.dashboard.date) return this.withWeather(value);
    const fresh = await this.compute(userId);
    await this.cache.set(userId, fresh, stamp);
    return this.withWeather(fresh);
  }

  private async withWeather({ dashboard, place, weightKg }: CachedDashboard): Promise<Dashboard> {
    const weather =
      place && dashboard.workout ? await this.weather.todayNote(place, dashboard.workout, weightKg) : null;
    if (!weather) return { ...dashboard, weather: null };
    return { ...dashboard, coachNote: `${dashboard.coachNote} ${weather.message}`, weather };
  }

  private compute(userId: string): Promise<CachedDashboard> {
    return this.database.asUser(userId, async () => {
      const user = await this.user(userId);
      const date = runnerToday(user);
      const active = await this.plans.findActive(userId);
      const [row] = active ? await this.plans.workoutsOn(userId, active.id, date) : [];
      const workout = row ? toWorkout(row) : null;
      const readiness = (await this.metrics.onDate(userId, date))?.readiness ?? null;
      const last = (await this.series(userId, date, date)).at(-1)!;
      // Newest alert of each kind from the last week (older ones are history, see GET /alerts).
      const open = await this.alerts.open(userId, addDays(date, -(ALERT_WINDOW_DAYS - 1)));
      const latest = open.filter((a, i) => open.findIndex((b) => b.kind === a.kind) === i);
      const alerts = latest.map(alertReason);
      if (readiness?.color === 'red') {
        alerts.push({ code: 'READINESS_RED', message: 'Readiness is red today: keep it easy or rest.' });
      }
      const tasks = (await this.tasks.open(userId)).map(taskReason);
      const { acute, chronic, acwr, tsb, monotony } = last;
      return {
        timeZone: user.settings?.timeZone || 'UTC',
        place: user.settings?.location ?? null,
        ...(user.profile.weightKg !== undefined && { weightKg: user.profile.weightKg }),
        dashboard: {
          date,
          workout,
          readiness,
          load: { acute, chronic, acwr, tsb, monotony },
          alerts: [...alerts, ...tasks],
          // Tasks are chores, not coaching: the note speaks of the rest.
          coachNote: coachNote(workout, readiness, alerts),
        },
      };
    });
  }

  private async user(userId: string): Promise<UserRow> {
    const user = await this.users.findById(userId);
    if (!user) throw new AppError(404, 'NOT_FOUND', 'user not found');
    return user;
  }

  private async series(userId: string, from: string, to: string): Promise<LoadDay[]> {
    const loads = dailyLoads(await this.activities.list(userId, { to }));
    return loadSeries(loads, from, to).map(({ date, load, acute, chronic, acwr, tsb, monotony, strain }) => ({
      date,
      load,
      acute,
      chronic,
      acwr,
      tsb,
      monotony,
      strain,
    }));
  }
}

function safeLocalDate(timeZone: string): string {
  try {
    return localDate(Date.now(), timeZone);
  } catch {
    return localDate(Date.now(), 'UTC');
  }
}
