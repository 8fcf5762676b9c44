import { Inject, Injectable } from '@nestjs/common';
import { addDays } from '@runningcoach/engine';
import { DASHBOARD_CACHE, type RunnerCache } from '../cache/runner-cache.ts';
import { ActivityRepository } from '../repositories/activity.repository.ts';
import { DailyMetricsRepository } from '../repositories/daily-metrics.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { PlanRepository } from '../repositories/plan.repository.ts';
import { RunnerRepository } from '../repositories/runner.repository.ts';
import { UserRepository } from '../repositories/user.repository.ts';
import { dailyLoads } from './load-series.ts';
import { classifyResponder } from './responder.ts';
import { RollingStatsService } from './rolling-stats.service.ts';

/** Weeks of HRV and load before the ended week that make the runner's baseline. */
export const BASELINE_WEEKS = 3;

const STATUS_NOTE: Record<string, string> = {
  responding: 'Your HRV is holding up well against your training.',
  maladapting: 'Your HRV is below your usual range: favour easy days and sleep this week.',
  stable: 'Your HRV is steady.',
  unknown: 'Log your morning HRV most days to see how you respond to training.',
};

/** The weekly batch, once the runner's Monday-to-Sunday week has ended. */
@Injectable()
export class WeeklyService {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(DailyMetricsRepository) private readonly metrics: DailyMetricsRepository,
    @Inject(ActivityRepository) private readonly activities: ActivityRepository,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(RunnerRepository) private readonly runners: RunnerRepository,
    @Inject(RollingStatsService) private readonly rollingStats: RollingStatsService,
    @Inject(DASHBOARD_CACHE) private readonly cache: RunnerCache<unknown>,
  ) {}

  /**
   * Brings the rolling stats up to date (a runner who logged nothing still gets their decaying series),
   * sets `users.responder_status` from the week's HRV against the load trend (see responder.ts), and leaves
   * one `weekly_summary` notification per week. Idempotent: a re-run recomputes the same status and finds
   * the summary already there.
   */
  async run(userId: string, weekStart: string, weekEnd: string): Promise<void> {
    await this.rollingStats.update(userId, weekStart);
    await this.database.asUser(userId, async () => {
      const user = await this.users.findById(userId);
      if (!user) return;
      const baseStart = addDays(weekStart, -7 * BASELINE_WEEKS);
      const mornings = await this.metrics.between(userId, baseStart, addDays(weekEnd, 1));
      const lnRmssd = (inWeek: boolean) =>
        mornings
          .filter((m) => m.hrvRmssd != null && m.hrvRmssd > 0 && m.date >= weekStart === inWeek)
          .map((m) => Math.log(m.hrvRmssd!));
      const logged = (await this.activities.list(userId, { from: baseStart, to: weekEnd })).filter(
        (a) => a.rejectedReason == null,
      );
      const loads = dailyLoads(logged);
      const sum = (inWeek: boolean) =>
        loads.filter((l) => l.date >= weekStart === inWeek).reduce((a, l) => a + l.load, 0);
      const result = classifyResponder({
        week: lnRmssd(true),
        baseline: lnRmssd(false),
        weekLoad: sum(true),
        baselineWeeklyLoad: sum(false) / BASELINE_WEEKS,
      });
      await this.runners.setResponderStatus(userId, result.status);

      const key = `week:${weekStart}`;
      if (await this.runners.hasNotification(userId, 'weekly_summary', key)) return;
      const week = logged.filter((a) => a.date >= weekStart);
      const km = week.reduce((a, x) => a + (x.distanceMeters ?? 0), 0) / 1000;
      const active = await this.plans.findActive(userId);
      const planned = active
        ? (await this.plans.workoutsOf(userId, active.id)).filter(
            (w) => w.date >= weekStart && w.date <= weekEnd && w.type !== 'rest',
          )
        : [];
      const completed = planned.filter((w) => w.state === 'completed').length;
      const missed = planned.filter((w) => w.state === 'missed').length;
      await this.metrics.notify({
        userId,
        kind: 'weekly_summary',
        title: `Your week from ${weekStart}`,
        body:
          `${week.length} ${week.length === 1 ? 'activity' : 'activities'}, ${km.toFixed(1)} km` +
          (planned.length
            ? `; ${completed} of ${planned.length} planned sessions done, ${missed} missed. `
            : '. ') +
          STATUS_NOTE[result.status],
        data: {
          key,
          weekStart,
          weekEnd,
          activities: week.length,
          distanceKm: Math.round(km * 10) / 10,
          planned: planned.length,
          completed,
          missed,
          responderStatus: result.status,
          responder: result.data,
        },
      });
    });
    await this.cache.invalidate(userId);
  }
}
