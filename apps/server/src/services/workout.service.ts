import { Inject, Injectable } from '@nestjs/common';
import type { DateRangeQuery } from '@runningcoach/contracts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { PlanRepository } from '../repositories/plan.repository.ts';
import { WorkoutReadRepository } from '../repositories/workout-read.repository.ts';
import { encodeFitWorkout } from '@runningcoach/integrations';
import { AppError } from '../utils/errors.ts';
import { noPlan, type ScheduledWorkout, toWorkout } from './plan.service.ts';

/** Planned days one at a time or by date range (tRPC `workout.*`). */
@Injectable()
export class WorkoutService {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(WorkoutReadRepository) private readonly workouts: WorkoutReadRepository,
  ) {}

  /** Any of the runner's workouts (of any plan version); another runner's is a 404 like a missing one. */
  get(userId: string, id: string): Promise<ScheduledWorkout> {
    return this.database.asUser(userId, async () => {
      const row = await this.plans.findWorkout(userId, id);
      if (!row) throw new AppError(404, 'NOT_FOUND', 'workout not found');
      return toWorkout(row);
    });
  }

  /**
   * `GET /workouts/:id.fit`: the workout's structure as a FIT workout file. A day without steps (rest) has
   * nothing a watch could run: 422. The file's creation time is the workout's last change, so the same
   * workout always gives the same bytes.
   */
  fitFile(userId: string, id: string): Promise<{ bytes: Uint8Array; filename: string }> {
    return this.database.asUser(userId, async () => {
      const row = await this.plans.findWorkout(userId, id);
      if (!row) throw new AppError(404, 'NOT_FOUND', 'workout not found');
      const workout = toWorkout(row);
      if (workout.structure.steps.length === 0) {
        throw new AppError(
          422,
          'NO_STEPS',
          `workout: the ${workout.type} day ${workout.date} has no steps to send`,
        );
      }
      const bytes = encodeFitWorkout(workout, { timeCreated: new Date(row.updatedAt) });
      return { bytes, filename: `runningcoach-${workout.date}-${workout.type}.fit` };
    });
  }

  /** The active plan's workouts on [from, to] (each optional, inclusive). */
  list(userId: string, range: DateRangeQuery): Promise<{ workouts: ScheduledWorkout[] }> {
    return this.database.asUser(userId, async () => {
      const plan = await this.plans.findActive(userId);
      if (!plan) throw noPlan();
      return { workouts: (await this.workouts.inRange(userId, plan.id, range)).map(toWorkout) };
    });
  }
}
