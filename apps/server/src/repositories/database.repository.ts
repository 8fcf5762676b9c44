import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import type { Db, DbConnection } from '../db/connection.ts';
import { APP_ROLE } from '../schema/index.ts';
import { DB_CONNECTION } from '../utils/tokens.ts';

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

  asUser<T>(userId: string, fn: () => Promise<T>): Promise<T> {
    return this.run(userId, fn);
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

  private run<T>(userId: string | null, fn: () => Promise<T>): Promise<T> {
    if (this.scope.getStore()) throw new Error('nested transaction scope');
    const { db, switchRole } = this.connection;
    return db.transaction(async (tx) => {
      // One round trip; set_config('role', r, true) is SET LOCAL ROLE r.
      const role = switchRole ? sql`set_config('role', ${APP_ROLE}, true),` : sql``;
      await tx.execute(sql`select ${role} set_config('app.user_id', ${userId ?? ''}, true)`);
      return this.scope.run({ tx, userId }, fn);
    });
  }
}
