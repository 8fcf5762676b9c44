import { Inject, Injectable } from '@nestjs/common';
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import { dailyMetrics, type DailyMetricsRow, notifications, type NotificationRow } from '../schema/index.ts';
import { DatabaseRepository } from './database.repository.ts';

export type MetricsValues = Omit<DailyMetricsRow, 'id' | 'createdAt' | 'updatedAt' | 'syncVersion'>;
export type NewNotification = Pick<NotificationRow, 'userId' | 'kind' | 'title' | 'body' | 'data'>;

@Injectable()
export class DailyMetricsRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  /** One row per runner and day: a second check-in for the same day replaces the first. */
  async upsert(values: MetricsValues): Promise<DailyMetricsRow> {
    const { userId: _u, date: _d, ...rest } = values;
    const [row] = await this.database.tx
      .insert(dailyMetrics)
      .values(values)
      .onConflictDoUpdate({
        target: [dailyMetrics.userId, dailyMetrics.date],
        set: { ...rest, updatedAt: sql`now()` },
      })
      .returning();
    return row!;
  }

  /** Readiness and sleep index of several of the runner's check-ins, in one statement. */
  async setDerived(
    userId: string,
    rows: { id: string; readiness: DailyMetricsRow['readiness']; sleepIndex: number | null }[],
  ): Promise<void> {
    if (!rows.length) return;
    const values = JSON.stringify(rows.map((r) => ({ id: r.id, r: r.readiness, s: r.sleepIndex })));
    await this.database.tx.execute(sql`
      update daily_metrics d set readiness = v.r, sleep_index = v.s, updated_at = now()
      from jsonb_to_recordset(${values}::jsonb) as v(id text, r jsonb, s double precision)
      where d.user_id = ${userId} and d.id = v.id`);
  }

  /** Check-ins on [from, to). */
  between(userId: string, from: string, to: string): Promise<DailyMetricsRow[]> {
    return this.database.tx
      .select()
      .from(dailyMetrics)
      .where(and(eq(dailyMetrics.userId, userId), gte(dailyMetrics.date, from), lt(dailyMetrics.date, to)))
      .orderBy(asc(dailyMetrics.date));
  }

  /** Serializes writers of one runner's day until the transaction ends (API and worker processes alike). */
  async lockDay(userId: string, date: string): Promise<void> {
    await this.database.tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`daily_metrics:${userId}:${date}`}, 0))`,
    );
  }

  async onDate(userId: string, date: string): Promise<DailyMetricsRow | undefined> {
    const [row] = await this.database.tx
      .select()
      .from(dailyMetrics)
      .where(and(eq(dailyMetrics.userId, userId), eq(dailyMetrics.date, date)));
    return row;
  }

  async notify(n: NewNotification): Promise<void> {
    await this.database.tx.insert(notifications).values(n);
  }
}
