import { Inject, Injectable } from '@nestjs/common';
import { and, asc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { scheduledWorkouts, type ScheduledWorkoutRow } from '../schema/index.ts';
import { DatabaseRepository } from './database.repository.ts';

/** Reads of planned days by date range (the plan repository reads by plan). */
@Injectable()
export class WorkoutReadRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  /** One plan's workouts on [from, to], both optional and inclusive, by date. */
  inRange(
    userId: string,
    planId: string,
    range: { from?: string; to?: string },
  ): Promise<ScheduledWorkoutRow[]> {
    const where: SQL[] = [eq(scheduledWorkouts.userId, userId), eq(scheduledWorkouts.planId, planId)];
    if (range.from) where.push(gte(scheduledWorkouts.date, range.from));
    if (range.to) where.push(lte(scheduledWorkouts.date, range.to));
    return this.database.tx
      .select()
      .from(scheduledWorkouts)
      .where(and(...where))
      .orderBy(asc(scheduledWorkouts.date));
  }
}
