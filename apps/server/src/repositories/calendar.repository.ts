import { Inject, Injectable } from '@nestjs/common';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { queryRows } from '../db/connection.ts';
import { users } from '../schema/index.ts';
import { DatabaseRepository } from './database.repository.ts';

/** The calendar feed's secret, kept on the runner as its SHA-256 (`users.calendar_token`). */
@Injectable()
export class CalendarRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  /** Sets (or with null, clears) the stored hash; false when the runner is gone. */
  async setTokenHash(userId: string, hash: string | null): Promise<boolean> {
    const rows = await this.database.tx
      .update(users)
      .set({ calendarToken: hash, updatedAt: sql`now()` })
      .where(and(eq(users.id, userId), isNull(users.deletedAt)))
      .returning({ id: users.id });
    return rows.length > 0;
  }

  /** Before the runner is known (an anonymous scope): the SECURITY DEFINER lookup returns only the id. */
  async findUserIdByTokenHash(hash: string): Promise<string | null> {
    const [row] = await queryRows<{ id: string | null }>(
      this.database.tx,
      sql`select rc_user_id_by_calendar_token(${hash}) as id`,
    );
    return row?.id ?? null;
  }
}
