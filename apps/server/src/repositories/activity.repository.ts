import { Inject, Injectable } from '@nestjs/common';
import { and, asc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { activities, type ActivityRow, activitySamples, type ActivitySamplesRow } from '../schema/index.ts';
import { DatabaseRepository } from './database.repository.ts';

export type NewActivity = Omit<
  ActivityRow,
  'id' | 'createdAt' | 'updatedAt' | 'rejectedReason' | 'syncVersion'
>;
export type NewActivitySamples = Omit<ActivitySamplesRow, 'createdAt'>;

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

  async insertSamples(samples: NewActivitySamples): Promise<void> {
    await this.database.tx.insert(activitySamples).values(samples);
  }

  async findSamples(userId: string, activityId: string): Promise<ActivitySamplesRow | undefined> {
    const [row] = await this.database.tx
      .select()
      .from(activitySamples)
      .where(and(eq(activitySamples.userId, userId), eq(activitySamples.activityId, activityId)));
    return row;
  }

  /** The runner's subjective fields and the sRPE load that follows from the RPE. */
  async updateFeedback(
    userId: string,
    id: string,
    set: Partial<Pick<ActivityRow, 'rpe' | 'feeling' | 'notes' | 'internalLoad'>>,
  ): Promise<ActivityRow | undefined> {
    const [row] = await this.database.tx
      .update(activities)
      .set({ ...set, updatedAt: sql`now()` })
      .where(and(eq(activities.userId, userId), eq(activities.id, id)))
      .returning();
    return row;
  }

  /** Marks the activity rejected (idempotent: the first reason stays) and unlinks its workout. */
  async reject(userId: string, id: string, reason: string): Promise<void> {
    await this.database.tx
      .update(activities)
      .set({
        rejectedReason: sql`coalesce(${activities.rejectedReason}, ${reason})`,
        workoutId: null,
        updatedAt: sql`now()`,
      })
      .where(and(eq(activities.userId, userId), eq(activities.id, id)));
  }

  /**
   * Serializes imports of one file by one runner until the transaction ends (a double-clicked upload must
   * not store the run twice). Transaction-scoped advisory lock on a hash of runner and file digest.
   */
  async lockImport(userId: string, sha256: string): Promise<void> {
    await this.database.tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`import:${userId}:${sha256}`}, 0))`,
    );
  }

  /**
   * The runner's activity of that type starting closest to `startTime`, at most `windowMs` away (the sync
   * rules' duplicate: one run recorded twice, or logged by hand and then imported).
   */
  async findDuplicate(
    userId: string,
    type: ActivityRow['type'],
    startTime: string,
    windowMs: number,
  ): Promise<ActivityRow | undefined> {
    const at = new Date(startTime).toISOString();
    const window = `${Math.round(windowMs / 1000)} seconds`;
    const [row] = await this.database.tx
      .select()
      .from(activities)
      .where(
        and(
          eq(activities.userId, userId),
          eq(activities.type, type),
          sql`${activities.startTime} between ${at}::timestamptz - ${window}::interval and ${at}::timestamptz + ${window}::interval`,
        ),
      )
      .orderBy(sql`abs(extract(epoch from ${activities.startTime} - ${at}::timestamptz))`, asc(activities.id))
      .limit(1);
    return row;
  }

  /** A merge's outcome: the values the sync rules chose, and the loads that follow from them. */
  async updateMerged(
    userId: string,
    id: string,
    set: Partial<Omit<NewActivity, 'userId'>>,
  ): Promise<ActivityRow> {
    const [row] = await this.database.tx
      .update(activities)
      .set({ ...set, updatedAt: sql`now()` })
      .where(and(eq(activities.userId, userId), eq(activities.id, id)))
      .returning();
    return row!;
  }

  async deleteMany(userId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.database.tx
      .delete(activities)
      .where(and(eq(activities.userId, userId), inArray(activities.id, [...ids])));
  }
}
