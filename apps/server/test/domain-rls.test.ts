import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, queryRows } from '../src/db/connection.ts';
import { pgErrorCode } from '../src/utils/pg-errors.ts';
import { BACKENDS, skipBackend } from './helpers/backends.ts';
import { DOMAIN_TABLES, everyDayBody, onboard, redCheckIn, todayUtc } from './helpers/domain.ts';
import { register, useServer } from './helpers/suite.ts';

/** Raw SQL as a repository that forgot its runner filter: the app role with `app.user_id` = `userId`. */
async function asAppRole<T>(db: Db, userId: string | null, query: ReturnType<typeof sql>): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local role rc_app`);
    if (userId) await tx.execute(sql`select set_config('app.user_id', ${userId}, true)`);
    return queryRows<T>(tx, query);
  });
}

const RUNNER_TABLES = DOMAIN_TABLES.filter((t) => t !== 'users');

describe.each(BACKENDS)('training data isolation (RLS) on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  const s = useServer(backend);

  it('a query without the runner filter sees and changes only that runner’s rows, in every table', async () => {
    const runners = [await register(s.api), await register(s.api)];
    for (const r of runners) {
      await onboard(s.api, r.accessToken, everyDayBody());
      // Before the run: a completed workout is not adapted, and only an adaptation leaves a notification.
      expect((await s.api.post('/daily-metrics', redCheckIn(), r.accessToken)).status).toBe(201);
      await s.api.post(
        '/activities',
        { date: todayUtc(), type: 'run', durationSec: 1800, rpe: 5 },
        r.accessToken,
      );
    }
    const [a, b] = runners.map((r) => r.user.id) as [string, string];
    const db = s.server.db;
    for (const table of RUNNER_TABLES) {
      const owners = await asAppRole<{ user_id: string }>(
        db,
        b,
        sql.raw(`select distinct user_id from ${table}`),
      );
      expect(owners, table).toEqual([{ user_id: b }]);
      expect(await asAppRole(db, null, sql.raw(`select count(*)::int as n from ${table}`)), table).toEqual([
        { n: 0 },
      ]);
    }
    // An unfiltered delete as B (cascading to B's workouts) leaves A's rows alone.
    for (const table of RUNNER_TABLES) {
      await asAppRole(db, b, sql.raw(`delete from ${table}`));
      const [left] = await queryRows<{ n: number }>(
        db,
        sql.raw(`select count(*)::int as n from ${table} where user_id = '${a}'`),
      );
      expect(left!.n, table).toBeGreaterThan(0);
    }
    // Writing a row for A while being B is refused.
    const forge = asAppRole(
      db,
      b,
      sql`insert into notifications (user_id, kind, title, body) values (${a}, 'x', 'y', 'z') returning id`,
    );
    await expect(forge).rejects.toSatisfy((err) => pgErrorCode(err) === '42501');
  });
});
