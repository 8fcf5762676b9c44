import { Inject, Injectable } from '@nestjs/common';
import { and, eq, sql } from 'drizzle-orm';
import { queryRows } from '../db/connection.ts';
import { notifications, type ResponderStatus, users } from '../schema/index.ts';
import { DatabaseRepository } from './database.repository.ts';

/** What the pipelines read and write on the runner row besides the profile (UserRepository's business). */
@Injectable()
export class RunnerRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  /**
   * Every runner's time zone, for the midnight scan: the one cross-runner read, through the
   * SECURITY DEFINER function of migration 0007 (returns ids and zones only, past RLS).
   */
  async timeZones(): Promise<{ userId: string; timeZone: string }[]> {
    const rows = await queryRows<{ user_id: string; time_zone: string }>(
      this.database.tx,
      sql`select user_id, time_zone from rc_runner_time_zones()`,
    );
    return rows.map((r) => ({ userId: r.user_id, timeZone: r.time_zone }));
  }

  async setResponderStatus(userId: string, status: ResponderStatus): Promise<void> {
    await this.database.tx.update(users).set({ responderStatus: status }).where(eq(users.id, userId));
  }

  /** Whether a notification of `kind` whose `data.key` is `key` exists (keeps batch notifications single). */
  async hasNotification(userId: string, kind: string, key: string): Promise<boolean> {
    const [row] = await this.database.tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, userId),
          eq(notifications.kind, kind),
          sql`${notifications.data}->>'key' = ${key}`,
        ),
      )
      .limit(1);
    return row !== undefined;
  }
}
