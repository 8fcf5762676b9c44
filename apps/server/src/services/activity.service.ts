import { Inject, Injectable } from '@nestjs/common';
import type { Activity, DateRangeQuery, ManualActivity } from '@runningcoach/contracts';
import { addDays, banisterTrimp, sessionRpeLoad } from '@runningcoach/engine';
import { ActivityRepository } from '../repositories/activity.repository.ts';
import { AuditRepository } from '../repositories/audit.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { PlanRepository } from '../repositories/plan.repository.ts';
import { UserRepository } from '../repositories/user.repository.ts';
import type { ActivityRow, ScheduledWorkoutRow, UserRow } from '../schema/index.ts';
import { AppError } from '../utils/errors.ts';
import { engineError, runnerToday } from './plan.service.ts';

const RUNNING = new Set(['run', 'trail_run', 'treadmill']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ActivityDto = Activity & { samples?: unknown[] };

export function toActivity(row: ActivityRow): Activity {
  const out: Activity = {
    id: row.id,
    date: row.date,
    type: row.type,
    source: row.source,
    durationSec: row.durationSec,
  };
  if (row.startTime != null) out.startTime = new Date(row.startTime).toISOString();
  const optional = [
    'distanceMeters',
    'avgHr',
    'maxHr',
    'elevationGainMeters',
    'rpe',
    'feeling',
    'notes',
    'internalLoad',
    'trimp',
    'workoutId',
  ] as const;
  for (const k of optional) if (row[k] != null) (out as Record<string, unknown>)[k] = row[k];
  return out;
}

/** sRPE when RPE is given; Banister TRIMP when the average HR and the runner's resting and max HR are known. */
export function computeLoads(
  user: UserRow,
  a: ManualActivity,
): { internalLoad: number | null; trimp: number | null } {
  const internalLoad = a.rpe !== undefined ? sessionRpeLoad(a.rpe, a.durationSec) : null;
  const restingHr = user.baselines.restingHr ?? user.profile.restingHr;
  const maxHr = user.baselines.maxHr ?? user.profile.maxHr;
  const sex = user.profile.sex;
  const trimp =
    a.avgHr !== undefined &&
    restingHr !== undefined &&
    maxHr !== undefined &&
    sex !== undefined &&
    maxHr > restingHr
      ? banisterTrimp({ durationSec: a.durationSec, avgHr: a.avgHr, restingHr, maxHr, sex })
      : null;
  return { internalLoad, trimp };
}

/** Does this activity fulfil that planned workout? A run fulfils any running workout, strength a strength one. */
function fulfils(workout: ScheduledWorkoutRow, type: string): boolean {
  if (workout.state === 'completed' || workout.type === 'rest') return false;
  return workout.type === 'strength' ? type === 'strength' : RUNNING.has(type);
}

@Injectable()
export class ActivityService {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(ActivityRepository) private readonly activities: ActivityRepository,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
  ) {}

  /** Stores a manual log with its loads and marks the linked (or same-day) planned workout completed. */
  log(userId: string, input: ManualActivity): Promise<Activity> {
    return this.database.asUser(userId, async () => {
      const user = await this.users.findById(userId);
      if (!user) throw new AppError(404, 'NOT_FOUND', 'user not found');
      if (input.date > addDays(runnerToday(user), 1)) {
        throw new AppError(422, 'DATE_IN_FUTURE', `date: ${input.date} has not happened yet`, {
          issues: [{ path: 'date', code: 'DATE_IN_FUTURE', message: 'is in the future' }],
        });
      }
      let workout: ScheduledWorkoutRow | undefined;
      if (input.workoutId) {
        workout = await this.plans.findWorkout(userId, input.workoutId);
        if (!workout) throw new AppError(404, 'NOT_FOUND', 'workoutId: no such workout');
      } else {
        const active = await this.plans.findActive(userId);
        const sameDay = active ? await this.plans.workoutsOn(userId, active.id, input.date) : [];
        workout = sameDay.find((w) => fulfils(w, input.type));
      }
      let loads;
      try {
        loads = computeLoads(user, input);
      } catch (err) {
        throw engineError(err);
      }
      const row = await this.activities.insert({
        userId,
        date: input.date,
        startTime: input.startTime ?? null,
        type: input.type,
        source: 'manual',
        durationSec: input.durationSec,
        distanceMeters: input.distanceMeters ?? null,
        avgHr: input.avgHr ?? null,
        maxHr: input.maxHr ?? null,
        elevationGainMeters: input.elevationGainMeters ?? null,
        rpe: input.rpe ?? null,
        feeling: input.feeling ?? null,
        notes: input.notes ?? null,
        ...loads,
        workoutId: workout?.id ?? null,
      });
      if (workout) {
        await this.plans.updateWorkout(userId, workout.id, {
          state: 'completed',
          completedActivityId: row.id,
        });
      }
      await this.audit.record(userId, 'activity.create', 'activity', row.id);
      return toActivity(row);
    });
  }

  list(userId: string, range: DateRangeQuery): Promise<{ activities: Activity[] }> {
    return this.database.asUser(userId, async () => ({
      activities: (await this.activities.list(userId, range)).map(toActivity),
    }));
  }

  get(userId: string, id: string): Promise<ActivityDto> {
    const notFound = () => new AppError(404, 'NOT_FOUND', 'activity not found');
    if (!UUID.test(id)) return Promise.reject(notFound());
    return this.database.asUser(userId, async () => {
      const row = await this.activities.findById(userId, id);
      if (!row) throw notFound();
      // Manual logs have no time series; imported files will fill this.
      return { ...toActivity(row), samples: [] };
    });
  }
}
