import { Inject, Injectable } from '@nestjs/common';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { queryRows } from '../db/connection.ts';
import { users, type UserRow } from '../schema/index.ts';
import { DatabaseRepository } from './database.repository.ts';

export type NewUser = Pick<UserRow, 'id' | 'email' | 'passwordHash' | 'name' | 'settings'>;
export type UserChanges = Partial<Pick<UserRow, 'name' | 'profile' | 'settings' | 'baselines' | 'goal'>>;

@Injectable()
export class UserRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  /**
   * Inserts the runner; `null` when the email (or the id) is already taken. `on conflict do nothing` rather
   * than catching the violation: the transaction stays usable for what the caller does next.
   */
  async create(user: NewUser): Promise<UserRow | null> {
    const [row] = await this.database.tx.insert(users).values(user).onConflictDoNothing().returning();
    return row ?? null;
  }

  /** The one query not scoped to a runner: sign-in (a SECURITY DEFINER function that returns only the id). */
  async findIdByEmail(email: string): Promise<string | null> {
    const [row] = await queryRows<{ id: string | null }>(
      this.database.tx,
      sql`select rc_user_id_by_email(${email}) as id`,
    );
    return row?.id ?? null;
  }

  async findById(userId: string, opts: { forUpdate?: boolean } = {}): Promise<UserRow | undefined> {
    const q = this.database.tx
      .select()
      .from(users)
      .where(and(eq(users.id, userId), isNull(users.deletedAt)));
    const [row] = await (opts.forUpdate ? q.for('update') : q);
    return row;
  }

  async update(userId: string, changes: UserChanges): Promise<UserRow | undefined> {
    const [row] = await this.database.tx
      .update(users)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(and(eq(users.id, userId), isNull(users.deletedAt)))
      .returning();
    return row;
  }
}
