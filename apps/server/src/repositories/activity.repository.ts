import { Inject, Injectable } from '@nestjs/common';
import { and, asc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { activities, type ActivityRow } from '../schema/index.ts';
import { DatabaseRepository } from './database.repository.ts';

export type NewActivity = Omit<ActivityRow, 'id' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class ActivityRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  async insert(activity: NewActivity): Promise<ActivityRow> {
    const [row] = await this.database.tx.insert(activities).values(activity).returning();
    return row!;
  }

  async findById(userId: string, id: string): Promise<ActivityRow | undefined> {
    const [row] = await this.database.tx
      .select()
      .from(activities)
      .where(and(eq(activities.userId, userId), eq(activities.id, id)));
    return row;
  }

  /** Activities on [from, to], both optional and inclusive, oldest first. */
  list(userId: string, range: { from?: string; to?: string } = {}): Promise<ActivityRow[]> {
    const where: SQL[] = [eq(activities.userId, userId)];
    if (range.from) where.push(gte(activities.date, range.from));
    if (range.to) where.push(lte(activities.date, range.to));
    return this.database.tx
      .select()
      .from(activities)
      .where(and(...where))
      .orderBy(asc(activities.date), asc(activities.startTime), asc(activities.createdAt));
  }
}
