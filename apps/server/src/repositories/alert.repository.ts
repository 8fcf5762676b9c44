import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { alerts, type AlertRow } from '../schema/index.ts';
import { DatabaseRepository } from './database.repository.ts';

export type AlertValues = Pick<AlertRow, 'userId' | 'kind' | 'severity' | 'date' | 'title' | 'body' | 'data'>;

@Injectable()
export class AlertRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  /** Raises or refreshes the (kind, date) alert; one the runner dismissed stays dismissed. */
  async raise(values: AlertValues): Promise<void> {
    await this.database.tx
      .insert(alerts)
      .values(values)
      .onConflictDoUpdate({
        target: [alerts.userId, alerts.kind, alerts.date],
        targetWhere: sql`${alerts.kind} <> 'sync_conflict'`, // the partial unique index (migration 0010)
        set: {
          severity: values.severity,
          title: values.title,
          body: values.body,
          data: values.data,
          updatedAt: sql`now()`,
        },
      });
  }

  /** Clears (kind, date) alerts whose condition no longer holds after a recomputation. */
  async clear(userId: string, kind: string, dates: readonly string[]): Promise<void> {
    if (dates.length === 0) return;
    await this.database.tx
      .delete(alerts)
      .where(and(eq(alerts.userId, userId), eq(alerts.kind, kind), inArray(alerts.date, [...dates])));
  }

  /** The dates from `from` to `to` that carry an alert of one of `kinds`, dismissed or not. */
  async datesOf(userId: string, kinds: readonly string[], from: string, to: string): Promise<string[]> {
    const rows = await this.database.tx
      .selectDistinct({ date: alerts.date })
      .from(alerts)
      .where(
        and(
          eq(alerts.userId, userId),
          inArray(alerts.kind, [...kinds]),
          gte(alerts.date, from),
          lte(alerts.date, to),
        ),
      )
      .orderBy(alerts.date);
    return rows.map((r) => r.date);
  }

  /** Not dismissed and dated `since` or later, newest first. */
  open(userId: string, since: string): Promise<AlertRow[]> {
    return this.database.tx
      .select()
      .from(alerts)
      .where(and(eq(alerts.userId, userId), isNull(alerts.dismissedAt), gte(alerts.date, since)))
      .orderBy(desc(alerts.date), alerts.kind);
  }
}
