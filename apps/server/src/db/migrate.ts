import type { PGlite } from '@electric-sql/pglite';
import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type pg from 'pg';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

// Session-level advisory lock: one process migrates, the others wait and then find nothing to do.
const LOCK = `select pg_advisory_lock(hashtext('runningcoach:migrations'))`;
const UNLOCK = `select pg_advisory_unlock(hashtext('runningcoach:migrations'))`;

export type MigrationTarget = { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; pool: pg.Pool };

/** Applies drizzle-kit's SQL migrations (drizzle/) under the advisory lock, on one connection. */
export async function migrateWithLock(target: MigrationTarget): Promise<void> {
  const options = { migrationsFolder: MIGRATIONS_FOLDER };
  if (target.kind === 'pglite') {
    await target.client.query(LOCK);
    try {
      await migratePglite(drizzlePglite({ client: target.client }), options);
    } finally {
      await target.client.query(UNLOCK);
    }
    return;
  }
  const conn = await target.pool.connect();
  try {
    await conn.query(LOCK);
    try {
      await migratePg(drizzlePg({ client: conn }), options);
    } finally {
      await conn.query(UNLOCK);
    }
  } finally {
    conn.release();
  }
}
