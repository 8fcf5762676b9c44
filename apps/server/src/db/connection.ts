import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Logger } from '@nestjs/common';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { DatabaseConfig } from '../config/config.ts';
import * as schema from '../schema/index.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { migrateWithLock } from './migrate.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface DbConnection {
  kind: DatabaseConfig['kind'];
  /** Connected as the owner or a superuser: each transaction must SET ROLE to the app role for RLS. */
  switchRole: boolean;
  db: Db;
  close(): Promise<void>;
}

const logger = new Logger('Database');

/** Rows of a raw query; both drivers answer `{ rows }`, which drizzle's shared type leaves as unknown. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

/** Opens PGlite (embedded, in the data dir) or a node-postgres pool, then applies pending migrations. */
export async function openDatabase(config: DatabaseConfig): Promise<DbConnection> {
  let db: Db;
  let close: () => Promise<void>;
  if (config.kind === 'pglite') {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    const unlock = lockDataDir(`${config.dataDir}.lock`);
    const client = await PGlite.create(config.dataDir).catch((err: unknown) => {
      unlock();
      throw err;
    });
    close = () => client.close().finally(unlock);
    try {
      await migrateWithLock({ kind: 'pglite', client });
    } catch (err) {
      await close();
      throw err;
    }
    db = drizzlePglite({ client, schema }) as unknown as Db;
  } else {
    const pool = new pg.Pool({ connectionString: config.url, max: config.poolMax });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on('error', (err) => logger.warn(`idle PostgreSQL client error: ${err.message}`));
    try {
      await migrateWithLock({ kind: 'postgres', pool });
    } catch (err) {
      await pool.end();
      throw err;
    }
    db = drizzlePg({ client: pool, schema }) as unknown as Db;
    close = () => pool.end();
  }
  const switchRole = await needsRoleSwitch(db).catch(async (err: unknown) => {
    await close();
    throw err;
  });
  return { kind: config.kind, switchRole, db, close };
}

async function needsRoleSwitch(db: Db): Promise<boolean> {
  const role = schema.APP_ROLE;
  const [row] = await queryRows<{ is_app: boolean; can_switch: boolean }>(
    db,
    sql`select current_user = ${role} as is_app, pg_has_role(current_user, ${role}, 'MEMBER') as can_switch`,
  );
  if (row?.is_app) return false;
  if (row?.can_switch) return true;
  // Neither the app role nor able to become it: RLS could not be relied on, so refuse to start.
  throw new Error(`the database user cannot SET ROLE ${role}; GRANT ${role} TO it`);
}
