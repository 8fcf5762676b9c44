import { Inject, Injectable } from '@nestjs/common';
import type { Readiness } from '@runningcoach/contracts';
import { type AdaptationContext, adaptPlan, addDays } from '@runningcoach/engine';
import { DASHBOARD_CACHE, type RunnerCache } from '../cache/runner-cache.ts';
import { ActivityRepository } from '../repositories/activity.repository.ts';
import { AuditRepository } from '../repositories/audit.repository.ts';
import { DailyMetricsRepository } from '../repositories/daily-metrics.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { PlanRepository } from '../repositories/plan.repository.ts';
import { RealtimeService } from '../realtime/realtime.service.ts';
import { UserRepository } from '../repositories/user.repository.ts';
import {
  engineError,
  runnerToday,
  type ScheduledWorkout,
  toPlan,
  toWorkout,
  workoutColumns,
} from './plan.service.ts';
import { RollingStatsService } from './rolling-stats.service.ts';

/** The engine's missed-long-run rule looks back a week; so does the evaluation. */
export const MISSED_LOOKBACK_DAYS = 7;

export interface AdaptInput {
  /** The first day that may change (the engine's `today`). */
  date: string;
  /** The runner's local today, for the notification's wording. */
  today: string;
  units: 'km' | 'mi';
  readiness?: Readiness | null;
  load?: AdaptationContext['load'];
  activities?: AdaptationContext['activities'];
  /** Also hand the engine the workouts marked missed on [missedSince, date): a missed long run moves. */
  missedSince?: string;
}

/**
 * adaptPlan on the runner's active plan, shared by the check-in (readiness) and EvaluatePlanAdaptation
 * (load, missed workouts, the day's stored readiness): persists only the changed workouts from `date` on
 * and leaves a `plan_adapted` notification with the reasons.
 */
@Injectable()
export class PlanAdaptationService {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(DailyMetricsRepository) private readonly metrics: DailyMetricsRepository,
    @Inject(ActivityRepository) private readonly activities: ActivityRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(RollingStatsService) private readonly rollingStats: RollingStatsService,
    @Inject(DASHBOARD_CACHE) private readonly cache: RunnerCache<unknown>,
    @Inject(RealtimeService) private readonly realtime: RealtimeService,
  ) {}

  /**
   * EvaluatePlanAdaptation for `date`, never before the runner's today (an activity logged for last month
   * re-evaluates from today: the past is never rewritten). Idempotent: the engine changes nothing more when
   * run again with the same data.
   */
  async evaluate(userId: string, date: string): Promise<void> {
    const changed = await this.database.asUser(userId, async () => {
      const user = await this.users.findById(userId);
      if (!user) return 0;
      const today = runnerToday(user);
      const day = date > today ? date : today;
      const readiness = (await this.metrics.onDate(userId, day))?.readiness ?? null;
      const load = await this.rollingStats.figuresOn(userId, day);
      const since = addDays(day, -MISSED_LOOKBACK_DAYS);
      const done = await this.activities.list(userId, { from: since, to: day });
      const activities = done
        .filter((a) => a.rejectedReason == null)
        .map((a) => ({
          date: a.date,
          type: a.type,
          ...(a.workoutId != null && { workoutId: a.workoutId }),
          ...(a.distanceMeters != null && { distanceMeters: a.distanceMeters }),
        }));
      const result = await this.adaptInTx(userId, {
        date: day,
        today,
        units: user.settings.units,
        readiness,
        load,
        activities,
        missedSince: since,
      });
      return result.changed;
    });
    if (changed > 0) await this.cache.invalidate(userId);
    if (changed > 0) await this.realtime.publish(userId, 'plan:updated', { reason: 'adapted', changed });
  }

  /** Inside the caller's unit of work (`database.asUser`). Returns the workout on `date` afterwards. */
  async adaptInTx(
    userId: string,
    input: AdaptInput,
  ): Promise<{ workout: ScheduledWorkout | null; changed: number }> {
    const { date, today } = input;
    const active = await this.plans.findActive(userId, { forUpdate: true });
    if (!active) return { workout: null, changed: 0 };
    const rows = await this.plans.workoutsOf(userId, active.id);
    const onDay = () => {
      const row = rows.find((w) => w.date === date);
      return row ? toWorkout(row) : null;
    };
    if (date < today) return { workout: onDay(), changed: 0 };
    const since = input.missedSince;
    const considered = rows.filter(
      (w) =>
        (w.date >= date && w.state === 'planned') ||
        (since !== undefined && w.date >= since && w.date < date && w.state === 'missed'),
    );
    let result;
    try {
      result = adaptPlan(toPlan(active, considered), {
        today: date,
        units: input.units,
        ...(input.readiness && { readiness: input.readiness }),
        ...(input.load && { load: input.load }),
        ...(input.activities && { activities: input.activities }),
      });
    } catch (err) {
      throw engineError(err);
    }
    const changes = result.changes.filter((c) => c.date >= date);
    for (const change of changes) {
      const i = rows.findIndex((w) => w.id === change.workoutId);
      if (change.after) {
        const updated = await this.plans.updateWorkout(
          userId,
          change.workoutId,
          workoutColumns(change.after),
        );
        if (updated && i >= 0) rows[i] = updated;
      } else {
        await this.plans.deleteWorkout(userId, change.workoutId);
        if (i >= 0) rows.splice(i, 1);
      }
    }
    if (changes.length > 0) {
      const { readiness } = input;
      await this.metrics.notify({
        userId,
        kind: 'plan_adapted',
        title: date === today ? "Today's workout was adjusted" : `Your plan from ${date} was adjusted`,
        body: result.reasons.map((r) => r.message).join(' ') || 'Your plan was adjusted.',
        data: {
          date,
          readiness: readiness ? { color: readiness.color, score: readiness.score } : null,
          changes: changes.map((c) => ({
            workoutId: c.workoutId,
            date: c.date,
            rule: c.rule,
            from: c.before?.type ?? null,
            to: c.after?.type ?? null,
          })),
          reasons: result.reasons,
        },
      });
      await this.audit.record(userId, 'plan.adapt', 'training_plan', active.id);
    }
    return { workout: onDay(), changed: changes.length };
  }
}
