import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { alerts, type AlertRow } from '../schema/index.ts';
import { DatabaseRepository } from './database.repository.ts';

/** What the runner reads and dismisses of `alerts` (the pipelines raise them through their own repository). */
@Injectable()
export class AlertReadRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  list(userId: string, opts: { active: boolean; limit: number }): Promise<AlertRow[]> {
    const where: SQL[] = [eq(alerts.userId, userId)];
    if (opts.active) where.push(isNull(alerts.dismissedAt));
    return this.database.tx
      .select()
      .from(alerts)
      .where(and(...where))
      .orderBy(desc(alerts.date), desc(alerts.updatedAt))
      .limit(opts.limit);
  }

  /** Sets `dismissed_at` once; undefined when not the runner's. */
  async dismiss(userId: string, id: string): Promise<AlertRow | undefined> {
    const [row] = await this.database.tx
      .update(alerts)
      .set({ dismissedAt: sql`coalesce(${alerts.dismissedAt}, now())` })
      .where(and(eq(alerts.userId, userId), eq(alerts.id, id)))
      .returning();
    return row;
  }
}
