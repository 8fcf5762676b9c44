import { Inject, Injectable } from '@nestjs/common';
import { addDays, loadRiskFlags, type RollingLoadDay } from '@runningcoach/engine';
import { DASHBOARD_CACHE, type RunnerCache } from '../cache/runner-cache.ts';
import { ActivityRepository } from '../repositories/activity.repository.ts';
import { AlertRepository } from '../repositories/alert.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { RollingStatsRepository } from '../repositories/rolling-stats.repository.ts';
import { UserRepository } from '../repositories/user.repository.ts';
import { dailyLoads, loadSeries } from './load-series.ts';
import { runnerToday } from './plan.service.ts';

/** Risk alerts are raised (and kept in step) for the last this many days of a recomputation. */
export const ALERT_WINDOW_DAYS = 7;

/** The engine's flag codes (Gabbett 2016 ACWR > 1.5; Foster 1998 monotony > 2.0) as alert kinds. */
const RISK_ALERTS = {
  ACWR_HIGH: { kind: 'acwr_high', title: 'Your load is rising fast' },
  MONOTONY_HIGH: { kind: 'monotony_high', title: 'Your training days are very alike' },
} as const;

// ACWR and monotony are associations with injury in groups, not a forecast for one runner.
const GUARDRAIL = 'This is a training-load guardrail, not an injury prediction.';

export type LoadFigures = Pick<RollingLoadDay, 'acwr' | 'monotony'>;

/** UpdateRollingStats: the stored `rolling_stats` series and the RiskAlerts derived from it. */
@Injectable()
export class RollingStatsService {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(ActivityRepository) private readonly activities: ActivityRepository,
    @Inject(RollingStatsRepository) private readonly stats: RollingStatsRepository,
    @Inject(AlertRepository) private readonly alerts: AlertRepository,
    @Inject(DASHBOARD_CACHE) private readonly cache: RunnerCache<unknown>,
  ) {}

  /**
   * Recomputes the series (EWMAs from the runner's first counted activity) and stores the days from
   * `fromDate` to the later of the runner's today and their last activity. Idempotent: a re-run writes
   * the same rows and alerts.
   */
  async update(userId: string, fromDate: string): Promise<void> {
    await this.database.asUser(userId, async () => {
      await this.stats.lockRunner(userId);
      const user = await this.users.findById(userId);
      if (!user) return; // deleted meanwhile: nothing left to compute
      const loads = dailyLoads(await this.activities.list(userId));
      const today = runnerToday(user);
      if (loads.length === 0) {
        await this.stats.deleteFrom(userId, fromDate);
        await this.syncAlerts(userId, [], fromDate, today);
        return;
      }
      const first = loads[0]!.date;
      const end = [today, loads.at(-1)!.date].sort().at(-1)!;
      // Days before the first counted activity (e.g. it was rejected) have no series any more.
      if (fromDate < first) await this.stats.deleteFrom(userId, fromDate);
      const from = fromDate < first ? first : fromDate;
      const days = from <= end ? loadSeries(loads, from, end) : [];
      await this.stats.upsert(
        days.map((d) => ({
          userId,
          date: d.date,
          load: d.load,
          acute: d.acute,
          chronic: d.chronic,
          acwr: d.acwr,
          tsb: d.tsb,
          monotony: d.monotony,
          strain: d.strain,
          fitness: d.fitness,
          fatigue: d.fatigue,
          form: d.form,
        })),
      );
      await this.syncAlerts(userId, days, from, end);
    });
    await this.cache.invalidate(userId);
  }

  /**
   * ACWR and monotony on `date`, inside the caller's unit of work: the stored row, else computed the same
   * way (a day the series has not reached yet). Null figures when there is no load at all.
   */
  async figuresOn(userId: string, date: string): Promise<LoadFigures> {
    const stored = await this.stats.onDate(userId, date);
    if (stored) return { acwr: stored.acwr, monotony: stored.monotony };
    const loads = dailyLoads(await this.activities.list(userId, { to: date }));
    if (loads.length === 0) return { acwr: null, monotony: null };
    const day = loadSeries(loads, date, date).at(-1);
    return { acwr: day?.acwr ?? null, monotony: day?.monotony ?? null };
  }

  /** Each (kind, day) of the alert window has an alert exactly when the engine flags that day. */
  private async syncAlerts(userId: string, days: readonly RollingLoadDay[], from: string, end: string) {
    const windowStart = [from, addDays(end, -(ALERT_WINDOW_DAYS - 1))].sort().at(-1)!;
    const inWindow = days.filter((d) => d.date >= windowStart);
    const dates: string[] = [];
    for (let d = windowStart; d <= end; d = addDays(d, 1)) dates.push(d);
    for (const [code, { kind, title }] of Object.entries(RISK_ALERTS)) {
      const raised = new Set<string>();
      for (const day of inWindow) {
        const flag = loadRiskFlags(day).find((f) => f.code === code);
        if (!flag) continue;
        raised.add(day.date);
        await this.alerts.raise({
          userId,
          kind,
          severity: 'warning',
          date: day.date,
          title,
          body: `${flag.message}. ${GUARDRAIL}`,
          data: { code, ...flag.data },
        });
      }
      await this.alerts.clear(
        userId,
        kind,
        dates.filter((d) => !raised.has(d)),
      );
    }
  }
}
