import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/connection.ts';
import { deleteKeys, randomPrefix, TEST_REDIS_URL } from '../src/queue/test-helpers.ts';
import {
  type BackendName,
  createTestDatabase,
  skipBackend,
  startServer,
  type TestDatabase,
  type TestServer,
} from './helpers/backends.ts';
import { addDays, everyDayBody, onboard, todayUtc } from './helpers/domain.ts';
import { type Client, client } from './helpers/http.ts';
import { JOBS } from '../src/queue/pipelines/jobs.ts';
import { queueOf, servicesOf, waitForIdle } from './helpers/pipelines.ts';
import { register } from './helpers/suite.ts';

/** The pipeline services on a real database, with the in-process queue and with BullMQ on real Redis. */
const SETUPS: { name: string; backend: BackendName; redis: boolean }[] = [
  { name: 'pglite, in-process queue', backend: 'pglite', redis: false },
  { name: 'postgres, in-process queue', backend: 'postgres', redis: false },
  { name: 'postgres, BullMQ on Redis', backend: 'postgres', redis: true },
];

describe.each(SETUPS)('pipelines on $name', ({ backend, redis }) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  if (redis && process.env.RC_SKIP_REDIS === '1') return void it.skip('Redis skipped (RC_SKIP_REDIS=1)');
  const prefix = randomPrefix();
  let database: TestDatabase;
  let server: TestServer;
  let api: Client;
  let setupError: unknown;
  beforeAll(async () => {
    try {
      database = await createTestDatabase(backend);
      const env: Record<string, string> = redis
        ? {
            REDIS_URL: TEST_REDIS_URL,
            QUEUE_PREFIX: prefix,
            CACHE_PREFIX: `${prefix}:cache:`,
            WORKERS: 'inline',
            RATE_LIMIT_PER_MINUTE: '0',
          }
        : {};
      server = await startServer({ ...database, env: { ...database.env, ...env } });
      api = client(`${server.url}/api/v1`);
    } catch (err) {
      setupError = err;
    }
  }, 60_000);
  beforeEach(() => {
    if (setupError) throw setupError;
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
    if (redis) await deleteKeys(prefix);
  });

  const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(server.db, q);

  it('NormalizeActivity: a missing RPE leaves one pending task, shown on the dashboard', async () => {
    const { user, accessToken } = await register(api);
    const posted = await api.post(
      '/activities',
      { date: todayUtc(), type: 'run', durationSec: 1800, distanceMeters: 5000 },
      accessToken,
    );
    expect(posted.status).toBe(201);
    await waitForIdle(queueOf(server));
    const services = servicesOf(server);
    // At least once: running it again (a retry) adds nothing.
    expect(await services.activities.normalize(user.id, posted.body.id)).toEqual({
      status: 'accepted',
      date: todayUtc(),
    });
    await services.activities.normalize(user.id, posted.body.id);
    const tasks = await rows<{ kind: string; activity_id: string }>(
      sql`select kind, activity_id from pending_tasks where user_id = ${user.id}`,
    );
    expect(tasks).toEqual([{ kind: 'rpe_missing', activity_id: posted.body.id }]);
    const dash = await api.get('/dashboard/today', accessToken);
    expect(dash.body.alerts).toContainEqual(
      expect.objectContaining({
        code: 'RPE_MISSING',
        data: expect.objectContaining({ activityId: posted.body.id }),
      }),
    );
    // With an RPE there is nothing to ask.
    const rated = await api.post(
      '/activities',
      { date: todayUtc(), type: 'run', durationSec: 1800, rpe: 4 },
      accessToken,
    );
    await waitForIdle(queueOf(server));
    const more = await rows(sql`select 1 from pending_tasks where activity_id = ${rated.body.id}`);
    expect(more).toHaveLength(0);
  });

  it('PATCH /activities/:id: a later RPE sets the sRPE load, settles the task and refreshes the load', async () => {
    const { user, accessToken } = await register(api);
    const posted = await api.post(
      '/activities',
      { date: todayUtc(), type: 'run', durationSec: 2400, distanceMeters: 7000 },
      accessToken,
    );
    await waitForIdle(queueOf(server));
    const loadOf = async () =>
      (await api.get('/dashboard/today', accessToken)).body as { alerts: { code: string }[] };
    expect((await loadOf()).alerts.map((a) => a.code)).toContain('RPE_MISSING');

    const rated = await api.request('PATCH', `/activities/${posted.body.id}`, {
      json: { rpe: 6, notes: 'legs heavy' },
      token: accessToken,
    });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({
      rpe: 6,
      notes: 'legs heavy',
      internalLoad: 6 * 40,
      distanceMeters: 7000,
    });
    await waitForIdle(queueOf(server));
    expect((await loadOf()).alerts.map((a) => a.code)).not.toContain('RPE_MISSING');
    const [today] = await rows<{ load: number }>(
      sql`select load from rolling_stats where user_id = ${user.id} and date = ${todayUtc()}`,
    );
    expect(today?.load).toBe(240);
    // Clearing the RPE clears the load; another runner's id is a 404 and changes nothing.
    const cleared = await api.request('PATCH', `/activities/${posted.body.id}`, {
      json: { rpe: null },
      token: accessToken,
    });
    expect(cleared.body).not.toHaveProperty('internalLoad');
    const other = await register(api);
    const steal = await api.request('PATCH', `/activities/${posted.body.id}`, {
      json: { notes: 'mine now' },
      token: other.accessToken,
    });
    expect(steal.status).toBe(404);
    expect((await api.get(`/activities/${posted.body.id}`, accessToken)).body.notes).toBe('legs heavy');
  });

  it('NormalizeActivity: an impossible pace is rejected with a reason, kept, and counts for nothing', async () => {
    const { user, accessToken } = await register(api);
    await onboard(api, accessToken, everyDayBody());
    const today = todayUtc();
    const fake = await api.post(
      '/activities',
      { date: today, type: 'run', durationSec: 600, distanceMeters: 10_000, rpe: 9 },
      accessToken,
    );
    expect(fake.status).toBe(201);
    await waitForIdle(queueOf(server));
    const one = await api.get(`/activities/${fake.body.id}`, accessToken);
    expect(one.body.rejectedReason).toMatch(/^distanceMeters: .*world record/);
    expect(one.body.internalLoad).toBe(90); // the runner's data is kept as entered
    const load = await api.get(`/stats/load?from=${today}&to=${today}`, accessToken);
    expect(load.body.days[0].load).toBe(0);
    // The workout it had completed is open again.
    const plan = await api.get('/plan/current', accessToken);
    expect(plan.body.workouts.find((w: { date: string }) => w.date === today)).toMatchObject({
      state: 'planned',
      completedActivityId: null,
    });
    expect(await servicesOf(server).activities.normalize(user.id, fake.body.id)).toMatchObject({
      status: 'rejected',
    });
  });

  it('UpdateRollingStats: stored series, an ACWR alert above 1.5, idempotent re-runs', async () => {
    const { user, accessToken } = await register(api);
    const today = todayUtc();
    // Four easy weeks, then five hard days in a row: acute load far above chronic.
    const logs: object[] = [];
    for (let d = -35; d <= -6; d++)
      if (d % 2 === 0) logs.push({ date: addDays(today, d), type: 'run', durationSec: 1800, rpe: 3 });
    for (let d = -4; d <= 0; d++)
      logs.push({ date: addDays(today, d), type: 'run', durationSec: 7200, rpe: 8 });
    for (const log of logs) expect((await api.post('/activities', log, accessToken)).status).toBe(201);
    await waitForIdle(queueOf(server));

    const stored = await rows<{ date: string; acwr: number | null; tsb: number }>(
      sql`select date::text as date, acwr, tsb from rolling_stats where user_id = ${user.id} order by date`,
    );
    expect(stored.map((r) => r.date)).toEqual(Array.from({ length: 35 }, (_, i) => addDays(today, i - 34)));
    const live = await api.get(`/stats/load?from=${today}&to=${today}`, accessToken);
    expect(stored.at(-1)!.acwr).toBeCloseTo(live.body.days[0].acwr, 2);
    expect(stored.at(-1)!.acwr!).toBeGreaterThan(1.5);

    const alerts = () =>
      rows<{ kind: string; date: string; body: string }>(
        sql`select kind, date::text as date, body from alerts where user_id = ${user.id} order by kind, date`,
      );
    const raised = await alerts();
    expect(raised).toContainEqual(expect.objectContaining({ kind: 'acwr_high', date: today }));
    expect(raised.find((a) => a.kind === 'acwr_high')!.body).toMatch(/guardrail, not an injury prediction/);
    const dash = await api.get('/dashboard/today', accessToken);
    expect(dash.body.alerts.map((a: { code: string }) => a.code)).toContain('ACWR_HIGH');

    const services = servicesOf(server);
    await services.rollingStats.update(user.id, addDays(today, -35));
    await services.rollingStats.update(user.id, addDays(today, -35));
    expect(await alerts()).toEqual(raised);
    const again = await rows(sql`select date from rolling_stats where user_id = ${user.id}`);
    expect(again).toHaveLength(35);
  });

  it('markMissed: only unfulfilled planned workouts of that day, and a re-run changes nothing', async () => {
    const { user, accessToken } = await register(api);
    await onboard(api, accessToken, everyDayBody());
    const today = todayUtc();
    const tomorrow = addDays(today, 1);
    await api.post('/activities', { date: today, type: 'run', durationSec: 1800, rpe: 4 }, accessToken);
    await waitForIdle(queueOf(server));
    const services = servicesOf(server);
    expect(await services.missedWorkouts.markMissed(user.id, today)).toEqual({ missed: 0 });
    expect(await services.missedWorkouts.markMissed(user.id, tomorrow)).toEqual({ missed: 1 });
    const state = () =>
      rows<{ date: string; state: string; updated_at: string }>(
        sql`select date::text as date, state, updated_at::text from scheduled_workouts where user_id = ${user.id} and date in (${today}, ${tomorrow}) order by date`,
      );
    const first = await state();
    expect(first.map((w) => [w.date, w.state])).toEqual([
      [today, 'completed'],
      [tomorrow, 'missed'],
    ]);
    expect(await services.missedWorkouts.markMissed(user.id, tomorrow)).toEqual({ missed: 1 });
    expect(await state()).toEqual(first);
  });

  it('listTimeZones and the weekly batch (responder status, one summary a week)', async () => {
    const { user, accessToken } = await register(api);
    expect((await api.patch('/me', { settings: { timeZone: 'Europe/Berlin' } }, accessToken)).status).toBe(
      200,
    );
    const services = servicesOf(server);
    expect(await services.runners.listTimeZones()).toContainEqual({
      userId: user.id,
      timeZone: 'Europe/Berlin',
    });

    // Three weeks of HRV around 60 ms, then a week around 45 ms while the load doubles.
    const weekEnd = addDays(todayUtc(), -1);
    const weekStart = addDays(weekEnd, -6);
    for (let d = -27; d <= 0; d++) {
      const date = addDays(weekEnd, d);
      const inWeek = date >= weekStart;
      const hrv = inWeek ? 45 + (d % 2) : 60 + (d % 3);
      expect(
        (await api.post('/daily-metrics', { date, hrvRmssd: hrv, restingHr: 50 }, accessToken)).status,
      ).toBe(201);
      if (d % 2 === 0) {
        await api.post(
          '/activities',
          { date, type: 'run', durationSec: inWeek ? 3600 : 1800, rpe: 5 },
          accessToken,
        );
      }
    }
    await waitForIdle(queueOf(server));
    await services.weekly.run(user.id, weekStart, weekEnd);
    await services.weekly.run(user.id, weekStart, weekEnd);
    const [runner] = await rows<{ responder_status: string }>(
      sql`select responder_status from users where id = ${user.id}`,
    );
    expect(runner!.responder_status).toBe('maladapting');
    const summaries = await rows<{ body: string }>(
      sql`select body from notifications where user_id = ${user.id} and kind = 'weekly_summary'`,
    );
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.body).toMatch(/HRV is below your usual range/);
  });

  it('/metrics reports the depth of every pipeline queue', async () => {
    const res = await fetch(`${server.url}/metrics`);
    const text = await res.text();
    for (const queue of Object.values(JOBS)) {
      for (const state of ['waiting', 'active', 'delayed', 'failed', 'dead']) {
        expect(text).toMatch(new RegExp(`rc_queue_jobs\\{queue="${queue}",state="${state}"\\} \\d+`));
      }
    }
  });
});
