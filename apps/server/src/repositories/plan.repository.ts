import { Inject, Injectable } from '@nestjs/common';
import { and, asc, desc, eq, gte, sql } from 'drizzle-orm';
import {
  scheduledWorkouts,
  type ScheduledWorkoutRow,
  trainingPlans,
  type TrainingPlanRow,
} from '../schema/index.ts';
import { DatabaseRepository } from './database.repository.ts';

export type NewPlan = Omit<TrainingPlanRow, 'createdAt' | 'syncVersion'>;
export type NewScheduledWorkout = Omit<
  ScheduledWorkoutRow,
  'updatedAt' | 'state' | 'completedActivityId' | 'adaptations' | 'syncVersion'
> &
  Partial<Pick<ScheduledWorkoutRow, 'state' | 'completedActivityId' | 'adaptations'>>;
export type WorkoutChanges = Partial<
  Omit<ScheduledWorkoutRow, 'id' | 'userId' | 'planId' | 'date' | 'updatedAt' | 'syncVersion'>
>;

@Injectable()
export class PlanRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  async findActive(userId: string, opts: { forUpdate?: boolean } = {}): Promise<TrainingPlanRow | undefined> {
    const q = this.database.tx
      .select()
      .from(trainingPlans)
      .where(and(eq(trainingPlans.userId, userId), eq(trainingPlans.status, 'active')));
    const [row] = await (opts.forUpdate ? q.for('update') : q);
    return row;
  }

  async latestVersion(userId: string): Promise<number> {
    const [row] = await this.database.tx
      .select({ version: trainingPlans.version })
      .from(trainingPlans)
      .where(eq(trainingPlans.userId, userId))
      .orderBy(desc(trainingPlans.version))
      .limit(1);
    return row?.version ?? 0;
  }

  async supersede(userId: string, planId: string): Promise<void> {
    await this.database.tx
      .update(trainingPlans)
      .set({ status: 'superseded' })
      .where(and(eq(trainingPlans.userId, userId), eq(trainingPlans.id, planId)));
  }

  async insertPlan(plan: NewPlan, workouts: NewScheduledWorkout[]): Promise<TrainingPlanRow> {
    const [row] = await this.database.tx.insert(trainingPlans).values(plan).returning();
    if (workouts.length) await this.database.tx.insert(scheduledWorkouts).values(workouts);
    return row!;
  }

  /** Drops a plan's still-planned workouts from `fromDate` on (its past, done or not, stays). */
  async deletePlannedFrom(userId: string, planId: string, fromDate: string): Promise<void> {
    await this.database.tx
      .delete(scheduledWorkouts)
      .where(
        and(
          eq(scheduledWorkouts.userId, userId),
          eq(scheduledWorkouts.planId, planId),
          gte(scheduledWorkouts.date, fromDate),
          eq(scheduledWorkouts.state, 'planned'),
        ),
      );
  }

  workoutsOf(userId: string, planId: string): Promise<ScheduledWorkoutRow[]> {
    return this.database.tx
      .select()
      .from(scheduledWorkouts)
      .where(and(eq(scheduledWorkouts.userId, userId), eq(scheduledWorkouts.planId, planId)))
      .orderBy(asc(scheduledWorkouts.date));
  }

  /** `ifState`: only while the workout is still in that state (compare-and-set against a concurrent log). */
  async updateWorkout(
    userId: string,
    workoutId: string,
    changes: WorkoutChanges,
    ifState?: ScheduledWorkoutRow['state'],
  ): Promise<ScheduledWorkoutRow | undefined> {
    const [row] = await this.database.tx
      .update(scheduledWorkouts)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(
        and(
          eq(scheduledWorkouts.userId, userId),
          eq(scheduledWorkouts.id, workoutId),
          ifState === undefined ? undefined : eq(scheduledWorkouts.state, ifState),
        ),
      )
      .returning();
    return row;
  }

  async findWorkout(userId: string, workoutId: string): Promise<ScheduledWorkoutRow | undefined> {
    const [row] = await this.database.tx
      .select()
      .from(scheduledWorkouts)
      .where(and(eq(scheduledWorkouts.userId, userId), eq(scheduledWorkouts.id, workoutId)));
    return row;
  }

  /** The active plan's workouts on one day. */
  workoutsOn(userId: string, planId: string, date: string): Promise<ScheduledWorkoutRow[]> {
    return this.database.tx
      .select()
      .from(scheduledWorkouts)
      .where(
        and(
          eq(scheduledWorkouts.userId, userId),
          eq(scheduledWorkouts.planId, planId),
          eq(scheduledWorkouts.date, date),
        ),
      );
  }

  async deleteWorkout(userId: string, workoutId: string): Promise<void> {
    await this.database.tx
      .delete(scheduledWorkouts)
      .where(and(eq(scheduledWorkouts.userId, userId), eq(scheduledWorkouts.id, workoutId)));
  }
}
