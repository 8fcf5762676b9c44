import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/connection.ts';
import { ManualClock } from '../src/queue/manual-clock.ts';
import { JOBS } from '../src/queue/pipelines/jobs.ts';
import { createPipelineProcessors } from '../src/queue/pipelines/processors.ts';
import { BACKENDS, skipBackend } from './helpers/backends.ts';
import { addDays, everyDayBody, redCheckIn, todayUtc } from './helpers/domain.ts';
import { queueOf, servicesOf, waitForIdle } from './helpers/pipelines.ts';
import { runnerRows, runnerTables } from './helpers/runner-rows.ts';
import { register, useServer } from './helpers/suite.ts';

describe.each(BACKENDS)('runner journey on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  const s = useServer(backend);

  it('register → onboard → plan → log → red check-in → dashboard', async () => {
    const today = todayUtc();
    const { user, accessToken: token } = await register(s.api, { name: 'Journey' });

    // Onboard: the first plan starts today.
    const onboarded = await s.api.post('/onboarding', everyDayBody(today), token);
    expect(onboarded.status).toBe(201);
    expect(onboarded.body.plan.startDate).toBe(today);

    const current = await s.api.get('/plan/current', token);
    expect(current.status).toBe(200);
    const todays = current.body.workouts.find((w: { date: string }) => w.date === today);
    expect(todays).toMatchObject({ state: 'planned' });
    expect(['rest', 'recovery']).not.toContain(todays.type);

    // Five weeks of history (three runs a week), so the chronic load and ACWR mean something.
    for (let d = -35; d <= -1; d++) {
      if (![0, 2, 4].includes((d + 35) % 7)) continue;
      const res = await s.api.post(
        '/activities',
        { date: addDays(today, d), type: 'run', durationSec: 2700, distanceMeters: 8000, avgHr: 148, rpe: 5 },
        token,
      );
      expect(res.status).toBe(201);
      expect(res.body.internalLoad).toBe(225);
      expect(res.body.trimp).toBeGreaterThan(0);
    }
    const listed = await s.api.get(`/activities?from=${addDays(today, -35)}&to=${today}`, token);
    expect(listed.body.activities).toHaveLength(15);

    // A red morning: today's session becomes rest or recovery, with the reasons.
    const checkIn = await s.api.post('/daily-metrics', redCheckIn(today), token);
    expect(checkIn.status).toBe(201);
    expect(checkIn.body.readiness.color).toBe('red');
    expect(checkIn.body.readiness.reasons.length).toBeGreaterThan(0);
    expect(['rest', 'recovery']).toContain(checkIn.body.workout.type);
    expect(checkIn.body.workout.id).toBe(todays.id);
    const [note] = await queryRows<{ title: string; body: string }>(
      s.server.db,
      sql`select title, body from notifications where user_id = ${user.id} and kind = 'plan_adapted' order by created_at limit 1`,
    );
    expect(note?.body).toMatch(/recovery|rest/i);

    // The dashboard: the adapted workout, red readiness, and the load figures.
    const dash = await s.api.get('/dashboard/today', token);
    expect(dash.status).toBe(200);
    expect(dash.body.date).toBe(today);
    expect(dash.body.workout).toMatchObject({ id: todays.id, type: checkIn.body.workout.type });
    expect(dash.body.readiness.color).toBe('red');
    expect(dash.body.load.acwr).toEqual(expect.any(Number));
    expect(dash.body.load.acwr).toBeGreaterThan(0);
    expect(dash.body.load.tsb).toEqual(expect.any(Number));
    expect(dash.body.load.chronic).toBeGreaterThan(0);
    expect(dash.body.alerts.map((a: { code: string }) => a.code)).toContain('READINESS_RED');
    expect(dash.body.coachNote).toMatch(/readiness is red/i);

    // The load series ends today and agrees with the dashboard.
    const load = await s.api.get(`/stats/load?from=${addDays(today, -27)}&to=${today}`, token);
    expect(load.body.days).toHaveLength(28);
    expect(load.body.days.at(-1)).toMatchObject({
      date: today,
      acwr: dash.body.load.acwr,
      tsb: dash.body.load.tsb,
    });

    // The pipelines the logs queued have run in this process: stored rolling stats agree with the dashboard.
    const queue = queueOf(s.server);
    await waitForIdle(queue);
    const [stats] = await queryRows<{ acwr: number; tsb: number }>(
      s.server.db,
      sql`select acwr, tsb from rolling_stats where user_id = ${user.id} and date = ${today}`,
    );
    expect(stats!.acwr).toBeCloseTo(dash.body.load.acwr, 2);
    expect(stats!.tsb).toBeCloseTo(dash.body.load.tsb, 1);

    // Midnight after a long run nobody ran, on a clock the test controls (the runner's zone is UTC): the scan
    // fans out to the runner, the missed-workouts job marks it, and the evaluation moves the long run.
    const planned = (await s.api.get('/plan/current', token)).body.workouts;
    const longRun = planned.find(
      (w: { type: string; date: string }) => w.type === 'long' && w.date > addDays(today, 7),
    );
    expect(longRun).toBeDefined();
    const clock = new ManualClock(Date.parse(`${longRun.date}T23:50:00Z`));
    const [scan] = createPipelineProcessors({
      queue,
      services: servicesOf(s.server),
      now: () => clock.now(),
    }).filter((p) => p.name === JOBS.midnightScan);
    await clock.advance(15 * 60_000);
    const fanOut = await scan!.run({
      id: 'journey-midnight',
      name: JOBS.midnightScan,
      payload: {},
      attempt: 1,
      attempts: 1,
    });
    expect(fanOut).toEqual({ due: 1, unknownZones: 0 });
    await waitForIdle(queue);
    const after = (await s.api.get('/plan/current', token)).body.workouts as {
      id: string;
      date: string;
      type: string;
      state: string;
      adaptations?: { rule: string; ref?: string }[];
    }[];
    expect(after.find((w) => w.id === longRun.id)).toMatchObject({ state: 'missed', type: 'long' });
    const moved = after.filter(
      (w) => w.date > longRun.date && w.adaptations?.some((a) => a.ref === longRun.id),
    );
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((w) => w.state === 'planned')).toBe(true);
    const notes = await queryRows<{ body: string; data: { changes: { rule: string }[] } }>(
      s.server.db,
      sql`select body, data from notifications where user_id = ${user.id} and kind = 'plan_adapted' and body like ${`%${longRun.date}%`}`,
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toMatch(new RegExp(`missed the .*long run on ${longRun.date}`));
    expect(notes[0]!.data.changes.every((c) => c.rule.includes('MISSED_LONG_RUN'))).toBe(true);
    // At least once: the same midnight again changes nothing more.
    await scan!.run({
      id: 'journey-midnight-again',
      name: JOBS.midnightScan,
      payload: {},
      attempt: 1,
      attempts: 1,
    });
    await waitForIdle(queue);
    expect((await s.api.get('/plan/current', token)).body.workouts).toEqual(after);

    // Regenerating keeps the past: the logs stay, the plan moves to version 2.
    const regen = await s.api.post('/plan/regenerate', undefined, token);
    expect(regen.body.plan.version).toBe(2);
    expect((await s.api.get('/activities', token)).body.activities).toHaveLength(15);

    // The export holds it all: every row of every runner table, the adapted and missed workouts included.
    const exported = await s.api.get('/account/export', token);
    expect(exported.status).toBe(200);
    const dump = exported.body;
    expect(dump.user).toMatchObject({ id: user.id, email: user.email });
    expect(dump.activities).toHaveLength(15);
    expect(dump.trainingPlans.map((p: { version: number }) => p.version).sort()).toEqual([1, 2]);
    expect(dump.scheduledWorkouts).toContainEqual(
      expect.objectContaining({ id: longRun.id, state: 'missed' }),
    );
    expect(dump.dailyMetrics).toContainEqual(expect.objectContaining({ date: today, restingHr: 75 }));
    expect(dump.notifications.length).toBeGreaterThanOrEqual(2);
    expect(dump.rollingStats.length).toBeGreaterThanOrEqual(28);
    for (const table of await runnerTables(s.server.db)) {
      const owner = table === 'users' ? 'id' : 'user_id';
      const [{ n }] = (await queryRows<{ n: number }>(
        s.server.db,
        sql.raw(`select count(*)::int as n from "${table}" where "${owner}" = '${user.id}'`),
      )) as [{ n: number }];
      const key = table.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase());
      const section = table === 'users' ? [dump.user] : dump[key];
      expect(section, `export section for ${table}`).toHaveLength(n);
    }

    // Delete leaves zero rows for that runner in every table.
    const gone = await s.api.delete('/account', { password: 'correct horse' }, token);
    expect(gone.status).toBe(204);
    expect(await runnerRows(s.server.db, user.id)).toEqual(
      Object.fromEntries((await runnerTables(s.server.db)).map((t) => [t, expect.stringMatching(/^0:/)])),
    );
    expect((await s.api.get('/me', token)).status).toBe(401);
  });
});
