import { Inject, Injectable } from '@nestjs/common';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { activities, pendingTasks, type PendingTaskKind } from '../schema/index.ts';
import { DatabaseRepository } from './database.repository.ts';

export interface OpenTask {
  id: string;
  kind: PendingTaskKind;
  activityId: string | null;
  /** The activity's day, when the task is about one. */
  date: string | null;
  activityType: string | null;
}

@Injectable()
export class PendingTaskRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  /** At most one per (runner, kind, activity): the unique index makes a retried job a no-op. */
  async create(userId: string, kind: PendingTaskKind, activityId: string): Promise<void> {
    await this.database.tx.insert(pendingTasks).values({ userId, kind, activityId }).onConflictDoNothing();
  }

  /** Settles the runner's open task of that kind about that activity (none open: nothing happens). */
  async complete(userId: string, kind: PendingTaskKind, activityId: string): Promise<void> {
    await this.database.tx
      .update(pendingTasks)
      .set({ doneAt: sql`now()` })
      .where(
        and(
          eq(pendingTasks.userId, userId),
          eq(pendingTasks.kind, kind),
          eq(pendingTasks.activityId, activityId),
          isNull(pendingTasks.doneAt),
        ),
      );
  }

  open(userId: string, limit = 20): Promise<OpenTask[]> {
    return this.database.tx
      .select({
        id: pendingTasks.id,
        kind: pendingTasks.kind,
        activityId: pendingTasks.activityId,
        date: activities.date,
        activityType: activities.type,
      })
      .from(pendingTasks)
      .leftJoin(activities, eq(activities.id, pendingTasks.activityId))
      .where(and(eq(pendingTasks.userId, userId), isNull(pendingTasks.doneAt)))
      .orderBy(asc(pendingTasks.createdAt))
      .limit(limit);
  }
}
