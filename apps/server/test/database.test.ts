import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, openDatabase, queryRows } from '../src/db/connection.ts';
import { DatabaseRepository } from '../src/repositories/database.repository.ts';
import { pgErrorCode } from '../src/utils/pg-errors.ts';
import { BACKENDS, createTestDatabase, skipBackend, startServer } from './helpers/backends.ts';
import { client } from './helpers/http.ts';
import { runnerTables } from './helpers/runner-rows.ts';
import { register, useServer } from './helpers/suite.ts';

/** The tables registration writes to. */
const AUTH_TABLES = ['users', 'device_sessions', 'refresh_tokens', 'audit_log'];

/** Every committed migration, as drizzle-kit's journal lists them. */
const MIGRATIONS = (
  JSON.parse(readFileSync(new URL('../drizzle/meta/_journal.json', import.meta.url), 'utf8')) as {
    entries: unknown[];
  }
).entries.length;

/** Runs raw SQL the way a forgetful repository would: as the app role, with `app.user_id` = `userId`. */
async function asAppRole<T>(db: Db, userId: string | null, query: ReturnType<typeof sql>): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local role rc_app`);
    if (userId) await tx.execute(sql`select set_config('app.user_id', ${userId}, true)`);
    return queryRows<T>(tx, query);
  });
}

describe.each(BACKENDS)('database on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  const s = useServer(backend);

  it('requests run as the app role with the runner id set', async () => {
    const { user } = await register(s.api);
    const database = s.server.app.get(DatabaseRepository);
    const [row] = await database.asUser(user.id, () =>
      queryRows<{ role: string; uid: string }>(
        database.tx,
        sql`select current_user as role, current_setting('app.user_id') as uid`,
      ),
    );
    expect(row).toEqual({ role: 'rc_app', uid: user.id });
    const seen = await database.anonymous(() =>
      queryRows<{ n: number }>(database.tx, sql`select count(*)::int as n from users`),
    );
    expect(seen).toEqual([{ n: 0 }]);
  });

  it('RLS stops a query that forgets the runner filter', async () => {
    const a = await register(s.api, { name: 'A' });
    const b = await register(s.api, { name: 'B' });
    const db = s.server.db;

    // Control: the owner sees their row.
    expect(await asAppRole(db, a.user.id, sql`select id from users where email = ${a.user.email}`)).toEqual([
      { id: a.user.id },
    ]);
    // As B, A's rows do not exist, in any table, with or without a WHERE.
    expect(await asAppRole(db, b.user.id, sql`select id from users where email = ${a.user.email}`)).toEqual(
      [],
    );
    expect(await asAppRole(db, b.user.id, sql`select id from users`)).toEqual([{ id: b.user.id }]);
    for (const table of AUTH_TABLES.filter((t) => t !== 'users')) {
      const owners = await asAppRole<{ user_id: string }>(
        db,
        b.user.id,
        sql.raw(`select distinct user_id from ${table}`),
      );
      expect(owners, table).toEqual([{ user_id: b.user.id }]);
    }
    // Unfiltered writes touch only B's rows; writing a row for A is refused.
    await asAppRole(db, b.user.id, sql`update users set name = 'pwned'`);
    await asAppRole(db, b.user.id, sql`delete from refresh_tokens`);
    const [aRow] = await queryRows<{ name: string }>(db, sql`select name from users where id = ${a.user.id}`);
    expect(aRow?.name).toBe('A');
    expect((await s.api.post('/auth/refresh', { refreshToken: a.refreshToken })).status).toBe(200);
    const forge = asAppRole(
      db,
      b.user.id,
      sql`insert into audit_log (user_id, action, entity) values (${a.user.id}, 'x', 'y') returning id`,
    );
    await expect(forge).rejects.toSatisfy((err) => pgErrorCode(err) === '42501');
    // With no runner set, nothing at all is visible, in any runner table.
    for (const table of await runnerTables(db)) {
      expect(await asAppRole(db, null, sql.raw(`select count(*)::int as n from ${table}`)), table).toEqual([
        { n: 0 },
      ]);
    }
  });

  // PGlite has one connection: its transactions never interleave, so only PostgreSQL can deadlock.
  if (backend === 'postgres')
    it('a unit of work that loses a deadlock is run again, and both finish', async () => {
      const database = s.server.app.get(DatabaseRepository);
      const { user } = await register(s.api);
      let release!: () => void;
      const bothHoldOne = new Promise<void>((r) => (release = r));
      let holding = 0;
      let runs = 0;
      // Two transactions take the same two locks in opposite order: PostgreSQL kills one of them.
      const work = (first: number, second: number) =>
        database.asUser(user.id, async () => {
          runs++;
          await database.tx.execute(sql`select pg_advisory_xact_lock(${first})`);
          if (++holding === 2) release();
          await bothHoldOne;
          await database.tx.execute(sql`select pg_advisory_xact_lock(${second})`);
          return first;
        });
      const key = Math.floor(Math.random() * 1e9);
      expect(await Promise.all([work(key, key + 1), work(key + 1, key)])).toEqual([key, key + 1]);
      expect(runs).toBe(3); // the deadlock's victim ran twice
    }, 20_000);

  it('the sign-in lookup is the one door past RLS, and it returns only an id', async () => {
    const { user } = await register(s.api);
    const rows = await asAppRole(
      s.server.db,
      null,
      sql`select rc_user_id_by_email(${user.email.toUpperCase()}) as id`,
    );
    expect(rows).toEqual([{ id: user.id }]);
  });

  it('healthz and readyz answer', async () => {
    expect(await s.root.get('/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await s.root.get('/readyz')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('a restart keeps the data, the secret and applies no migration twice', async () => {
    const { user, accessToken } = await register(s.api);
    await s.server.close();
    s.server = await startServer(s.database);
    s.api = client(`${s.server.url}/api/v1`);
    expect((await s.api.get('/me', accessToken)).body.id).toBe(user.id);
    const applied = await queryRows<{ n: number }>(
      s.server.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(applied).toEqual([{ n: MIGRATIONS }]);
  });

  if (backend === 'pglite') {
    it('will not open a PGlite data dir another live process holds', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'rc-locked-'));
      try {
        writeFileSync(join(dir, 'pg.lock'), String(process.ppid));
        const opening = openDatabase({ kind: 'pglite', dataDir: join(dir, 'pg') });
        await expect(opening).rejects.toThrow(`in use by process ${process.ppid}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  if (backend === 'postgres') {
    it('processes starting together migrate once, under the advisory lock', async () => {
      const fresh = await createTestDatabase('postgres');
      try {
        const database = { kind: 'postgres' as const, url: fresh.env.DATABASE_URL!, poolMax: 2 };
        const opened = await Promise.allSettled([1, 2, 3].map(() => openDatabase(database)));
        const conns = opened.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
        try {
          expect(opened.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
          const [applied] = await queryRows<{ n: number }>(
            conns[0]!.db,
            sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
          );
          expect(applied?.n).toBe(MIGRATIONS);
        } finally {
          await Promise.all(conns.map((c) => c.close()));
        }
      } finally {
        await fresh.drop();
      }
    });
  }
});
