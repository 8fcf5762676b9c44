import { Inject, Injectable } from '@nestjs/common';
import { DASHBOARD_CACHE, type RunnerCache } from '../cache/runner-cache.ts';
import { ActivityRepository } from '../repositories/activity.repository.ts';
import { AuditRepository } from '../repositories/audit.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { PlanRepository } from '../repositories/plan.repository.ts';
import { fulfils } from './activity.service.ts';

/** The midnight job: the day that just ended in the runner's zone settles its planned workouts. */
@Injectable()
export class MissedWorkoutsService {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(ActivityRepository) private readonly activities: ActivityRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(DASHBOARD_CACHE) private readonly cache: RunnerCache<unknown>,
  ) {}

  /**
   * Planned workouts of the active plan on `date` (rest days aside) that no counted activity of that day
   * fulfils become `missed`. Returns how many of that day's workouts are missed, including those an
   * earlier run of this job marked, so a retry still triggers the follow-up evaluation.
   */
  async markMissed(userId: string, date: string): Promise<{ missed: number }> {
    const { missed, marked } = await this.database.asUser(userId, async () => {
      const active = await this.plans.findActive(userId);
      if (!active) return { missed: 0, marked: 0 };
      const workouts = await this.plans.workoutsOn(userId, active.id, date);
      const done = (await this.activities.list(userId, { from: date, to: date })).filter(
        (a) => a.rejectedReason == null,
      );
      let missed = 0;
      let marked = 0;
      for (const w of workouts) {
        if (w.state === 'missed') missed++;
        if (w.state !== 'planned' || w.type === 'rest') continue;
        if (done.some((a) => fulfils(w, a.type))) continue;
        // Only if still planned: a run logged since the read above has completed it.
        if (!(await this.plans.updateWorkout(userId, w.id, { state: 'missed' }, 'planned'))) continue;
        await this.audit.record(userId, 'workout.missed', 'scheduled_workout', w.id);
        missed++;
        marked++;
      }
      return { missed, marked };
    });
    if (marked > 0) await this.cache.invalidate(userId);
    return { missed };
  }
}
