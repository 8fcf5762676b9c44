import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { notifications, type NotificationRow } from '../schema/index.ts';
import { DatabaseRepository } from './database.repository.ts';

/** The read side of `notifications` (rows are written by the services that have something to say). */
@Injectable()
export class NotificationRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  list(userId: string, opts: { unread: boolean; limit: number }): Promise<NotificationRow[]> {
    const where: SQL[] = [eq(notifications.userId, userId)];
    if (opts.unread) where.push(isNull(notifications.readAt));
    return this.database.tx
      .select()
      .from(notifications)
      .where(and(...where))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(opts.limit);
  }

  /** Sets `read_at` once (a second call keeps the first instant); undefined when not the runner's. */
  async markRead(userId: string, id: string): Promise<NotificationRow | undefined> {
    const [row] = await this.database.tx
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
      .where(and(eq(notifications.userId, userId), eq(notifications.id, id)))
      .returning();
    return row;
  }
}
