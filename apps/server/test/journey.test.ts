import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/connection.ts';
import { BACKENDS, skipBackend } from './helpers/backends.ts';
import { addDays, everyDayBody, redCheckIn, todayUtc } from './helpers/domain.ts';
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
      sql`select title, body from notifications where user_id = ${user.id}`,
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

    // Regenerating keeps the past: the logs stay, the plan moves to version 2.
    const regen = await s.api.post('/plan/regenerate', undefined, token);
    expect(regen.body.plan.version).toBe(2);
    expect((await s.api.get('/activities', token)).body.activities).toHaveLength(15);
  });
});
