import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import type { Db, DbConnection } from '../db/connection.ts';
import { APP_ROLE } from '../schema/index.ts';
import { DB_CONNECTION } from '../utils/tokens.ts';
import { pgErrorCode } from '../utils/pg-errors.ts';

/** deadlock_detected, serialization_failure. */
const RETRYABLE = new Set(['40P01', '40001']);
const RETRIES = 3;

interface Scope {
  tx: Db;
  userId: string | null;
}

/**
 * Owns the connection and the unit of work. Repositories query only through `tx`, which exists only
 * inside `asUser`/`anonymous`: one transaction running as the app role with `app.user_id` set, so
 * Row-Level Security backs up the explicit user filter of every query.
 */
@Injectable()
export class DatabaseRepository implements OnApplicationShutdown {
  private readonly scope = new AsyncLocalStorage<Scope>();
  private readonly logger = new Logger('Database');

  constructor(@Inject(DB_CONNECTION) readonly connection: DbConnection) {}

  /** `repeatable read`: one snapshot for every query of the unit (a sync pull reads the clock and rows). */
  asUser<T>(userId: string, fn: () => Promise<T>, opts: { isolation?: 'repeatable read' } = {}): Promise<T> {
    return this.run(userId, fn, opts.isolation);
  }

  /** No runner yet (sign-in): RLS shows no rows; only the narrow lookup functions work. */
  anonymous<T>(fn: () => Promise<T>): Promise<T> {
    return this.run(null, fn);
  }

  get tx(): Db {
    const scope = this.scope.getStore();
    if (!scope) throw new Error('database access outside a transaction scope');
    return scope.tx;
  }

  async ping(): Promise<void> {
    await this.connection.db.execute(sql`select 1`);
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    await this.connection.close();
    this.logger.log(`${this.connection.kind} connection closed${signal ? ` (${signal})` : ''}`);
  }

  /**
   * A deadlock or serialization failure rolls the whole unit of work back, so it is simply run again (a push
   * takes the runner's sync clock before the plan row, a REST write may meet them the other way round).
   */
  private async run<T>(
    userId: string | null,
    fn: () => Promise<T>,
    isolation?: 'repeatable read',
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.runOnce(userId, fn, isolation);
      } catch (err) {
        if (attempt >= RETRIES || !RETRYABLE.has(pgErrorCode(err) ?? '')) throw err;
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.floor(Math.random() * 10)));
      }
    }
  }

  private runOnce<T>(userId: string | null, fn: () => Promise<T>, isolation?: 'repeatable read'): Promise<T> {
    if (this.scope.getStore()) throw new Error('nested transaction scope');
    const { db, switchRole } = this.connection;
    return db.transaction(
      async (tx) => {
        // One round trip; set_config('role', r, true) is SET LOCAL ROLE r.
        const role = switchRole ? sql`set_config('role', ${APP_ROLE}, true),` : sql``;
        await tx.execute(sql`select ${role} set_config('app.user_id', ${userId ?? ''}, true)`);
        return this.scope.run({ tx, userId }, fn);
      },
      isolation && { isolationLevel: isolation },
    );
  }
}
