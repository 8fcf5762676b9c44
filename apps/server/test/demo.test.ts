import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.ts';
import { queryRows } from '../src/db/connection.ts';
import { seedInProcess } from '../src/demo/demo.run.ts';
import { DEMO_EMAIL, DEMO_PASSWORD, type SeedResult, seedDemo } from '../src/demo/demo.seed.ts';
import {
  BACKENDS,
  createTestDatabase,
  skipBackend,
  startServer,
  type TestDatabase,
  type TestServer,
} from './helpers/backends.ts';
import { addDays } from './helpers/domain.ts';
import { type Client, client } from './helpers/http.ts';

interface LoggedActivity {
  date: string;
  type: string;
  distanceMeters?: number;
  internalLoad?: number;
  trimp?: number;
}

describe.each(BACKENDS)('the demo runner on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  let database: TestDatabase;
  let server: TestServer;
  let api: Client;
  let seeded: SeedResult;
  let token: string;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    // As `npm run demo` does it: a private instance of the app on the same data, then closed.
    seeded = await seedInProcess(loadConfig(database.env));
    // The rate limit is off here so the second (idempotency) seeding runs at full speed.
    server = await startServer({ ...database, env: { ...database.env, RATE_LIMIT_PER_MINUTE: '0' } });
    api = client(`${server.url}/api/v1`);
    const login = await api.post('/auth/login', { email: DEMO_EMAIL, password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    token = login.body.accessToken;
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it('logs about twelve weeks of plausible training', async () => {
    expect(seeded.outcome).toBe('created');
    const from = addDays(seeded.today, -7 * 13);
    const res = await api.get(`/activities?from=${from}&to=${seeded.today}`, token);
    expect(res.status).toBe(200);
    const acts: LoggedActivity[] = res.body.activities;
    expect(acts).toHaveLength(seeded.activities);
    expect(acts.length).toBeGreaterThanOrEqual(55);
    expect(acts.length).toBeLessThanOrEqual(80);
    const dates = acts.map((a) => a.date).sort();
    expect(dates[0]! <= addDays(seeded.today, -7 * 12 + 1)).toBe(true);
    expect(dates.at(-1)! < seeded.today).toBe(true);
    // Every session carries a load the server computed: sRPE, or Banister TRIMP from HR.
    for (const a of acts) expect((a.internalLoad ?? a.trimp ?? 0) > 0).toBe(true);
    expect(acts.filter((a) => a.trimp !== undefined).length).toBeGreaterThan(acts.length / 2);
    const runKm = acts.reduce((s, a) => s + (a.distanceMeters ?? 0), 0) / 1000;
    const weekly = runKm / 12;
    expect(weekly).toBeGreaterThan(30);
    expect(weekly).toBeLessThan(55);
  });

  it('has a dashboard with readiness, ACWR and TSB, and a plan to the goal race', async () => {
    const dash = await api.get('/dashboard/today', token);
    expect(dash.status).toBe(200);
    expect(dash.body.date).toBe(seeded.today);
    expect(dash.body.readiness.color).toBe('yellow'); // the demo's rough morning
    const { acute, chronic, acwr, tsb } = dash.body.load;
    expect(chronic).toBeGreaterThan(100);
    expect(acute).toBeGreaterThan(0);
    expect(acwr).toBeGreaterThan(0.5);
    expect(acwr).toBeLessThan(1.6);
    expect(Number.isFinite(tsb)).toBe(true);
    expect(typeof dash.body.coachNote).toBe('string');

    const plan = await api.get('/plan/current', token);
    expect(plan.status).toBe(200);
    expect(plan.body.workouts.length).toBeGreaterThan(30);
    const last = plan.body.workouts.at(-1);
    expect(last.date > addDays(seeded.today, 60)).toBe(true);
    expect(plan.body.plan.phases.map((p: { name: string }) => p.name)).toContain('taper');
  });

  it('shows the rough patch: the cold drops the load and turns readiness away from green', async () => {
    const res = await api.get(`/stats/load?from=${addDays(seeded.today, -89)}&to=${seeded.today}`, token);
    expect(res.status).toBe(200);
    const days: { date: string; acute: number; chronic: number }[] = res.body.days;
    const minAcute = Math.min(...days.slice(-40).map((d) => d.acute));
    const maxAcute = Math.max(...days.slice(-40).map((d) => d.acute));
    expect(minAcute).toBeLessThan(0.6 * maxAcute);
    const rows = await queryRows<{ color: string }>(
      server.db,
      sql`select m.readiness->>'color' as color from daily_metrics m join users u on u.id = m.user_id
          where u.email = ${DEMO_EMAIL}`,
    );
    expect(rows.length).toBe(seeded.checkIns);
    expect(rows.filter((r) => r.color === 'red' || r.color === 'yellow').length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.color === 'green').length).toBeGreaterThan(rows.length / 2);
  });

  it('keeps a time series for the key sessions', async () => {
    const list = await api.get(`/activities?from=${addDays(seeded.today, -14)}&to=${seeded.today}`, token);
    const counts = await Promise.all(
      list.body.activities.map(async (a: { id: string }) => {
        const one = await api.get(`/activities/${a.id}`, token);
        expect(one.status).toBe(200);
        return one.body.samples?.t?.length ?? 0;
      }),
    );
    expect(counts.some((n) => n > 400)).toBe(true);
  });

  it('is idempotent: seeding again leaves one demo runner with one history', async () => {
    const count = () =>
      queryRows<{ users: number; activities: number }>(
        server.db,
        sql`select (select count(*)::int from users where email = ${DEMO_EMAIL}) as users,
                   (select count(*)::int from activities a join users u on u.id = a.user_id
                     where u.email = ${DEMO_EMAIL}) as activities`,
      );
    const again = await seedDemo({ apiUrl: `${server.url}/api/v1` });
    expect(['replaced', 'kept']).toContain(again.outcome);
    expect(await count()).toEqual([{ users: 1, activities: seeded.activities }]);
  }, 120_000);
});
