import { sql } from 'drizzle-orm';
import { ReadinessSchema } from '@runningcoach/contracts';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/connection.ts';
import { BACKENDS, skipBackend } from './helpers/backends.ts';
import { addDays, domainSnapshot, everyDayBody, onboard, redCheckIn, todayUtc } from './helpers/domain.ts';
import { register, useServer } from './helpers/suite.ts';

describe.each(BACKENDS)('daily metrics on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  const s = useServer(backend);

  it('a green morning is stored with readiness and sleep index, and changes nothing', async () => {
    const { accessToken } = await register(s.api);
    const { plan } = await onboard(s.api, accessToken, everyDayBody());
    const today = todayUtc();
    const res = await s.api.post(
      '/daily-metrics',
      {
        date: today,
        restingHr: 52,
        sleepDurationMinutes: 480,
        sleepQuality: 4,
        soreness: 1,
        stress: 1,
        mood: 4,
      },
      accessToken,
    );
    expect(res.status).toBe(201);
    expect(res.body.metrics).toMatchObject({ date: today, restingHr: 52, sleepDurationMinutes: 480 });
    expect(res.body.metrics.sleepIndex).toBeGreaterThan(7);
    expect(res.body.readiness.color).toBe('green');
    expect(ReadinessSchema.safeParse(res.body.readiness).error).toBeUndefined();
    const planned = plan.workouts.find((w) => w.date === today)!;
    expect(res.body.workout).toMatchObject({ id: planned.id, state: 'planned' });
    expect(res.body.workout.adaptations).toBeUndefined();
  });

  it('a red morning turns today into rest or recovery, with a notification giving the reasons', async () => {
    const { user, accessToken } = await register(s.api);
    await onboard(s.api, accessToken, everyDayBody());
    const today = todayUtc();
    const before = (await s.api.get('/plan/current', accessToken)).body.workouts;
    const res = await s.api.post('/daily-metrics', redCheckIn(today), accessToken);
    expect(res.status).toBe(201);
    expect(res.body.readiness.color).toBe('red');
    expect(['rest', 'recovery']).toContain(res.body.workout.type);
    expect(res.body.workout.adaptations).toEqual([
      expect.objectContaining({ rule: 'READINESS_RED', on: today }),
    ]);

    const after = (await s.api.get('/plan/current', accessToken)).body.workouts;
    const changed = after.filter(
      (w: { id: string }, i: number) => JSON.stringify(w) !== JSON.stringify(before[i]),
    );
    expect(changed.map((w: { date: string }) => w.date)).toEqual([today]);

    const notes = await queryRows<{ kind: string; body: string; data: { reasons: { code: string }[] } }>(
      s.server.db,
      sql`select kind, body, data from notifications where user_id = ${user.id}`,
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]!.kind).toBe('plan_adapted');
    expect(notes[0]!.data.reasons.map((r) => r.code)).toContain('READINESS_RED');

    // The same check-in again: one row per day, and the plan is not adapted twice.
    const again = await s.api.post('/daily-metrics', redCheckIn(today), accessToken);
    expect(again.status).toBe(201);
    expect(again.body.workout).toEqual(res.body.workout);
    const counts = await queryRows<{ m: number; n: number }>(
      s.server.db,
      sql`select (select count(*)::int from daily_metrics where user_id = ${user.id}) as m,
                 (select count(*)::int from notifications where user_id = ${user.id}) as n`,
    );
    expect(counts).toEqual([{ m: 1, n: 1 }]);
  });

  it('an earlier day is stored but never rewrites the past; a later one is refused', async () => {
    const { accessToken } = await register(s.api);
    await onboard(s.api, accessToken, everyDayBody());
    const yesterday = addDays(todayUtc(), -1);
    const past = await s.api.post('/daily-metrics', redCheckIn(yesterday), accessToken);
    expect(past.status).toBe(201);
    expect(past.body.workout).toBeNull();
    const future = await s.api.post('/daily-metrics', redCheckIn(addDays(todayUtc(), 5)), accessToken);
    expect(future.status).toBe(422);
    expect(future.body.error.message).toMatch(/^date:/);
  });

  it('works without a plan (workout null)', async () => {
    const { accessToken } = await register(s.api);
    const res = await s.api.post('/daily-metrics', { date: todayUtc(), mood: 3 }, accessToken);
    expect(res.status).toBe(201);
    expect(res.body.workout).toBeNull();
  });

  it('a second runner’s check-in touches none of the first runner’s rows', async () => {
    const a = await register(s.api);
    const b = await register(s.api);
    await onboard(s.api, a.accessToken, everyDayBody());
    const res = await s.api.post('/daily-metrics', redCheckIn(), b.accessToken);
    expect(res.status).toBe(201);
    expect(res.body.workout).toBeNull();
    const aPlan = (await s.api.get('/plan/current', a.accessToken)).body.workouts;
    expect(aPlan.every((w: { adaptations?: unknown }) => w.adaptations === undefined)).toBe(true);
  });

  it('bad bodies are 400 naming the field, with no row written', async () => {
    const { accessToken } = await register(s.api);
    await onboard(s.api, accessToken, everyDayBody());
    const today = todayUtc();
    const cases: [unknown, string][] = [
      [{}, 'date'],
      [{ date: '22/11/2026' }, 'date'],
      [{ date: today, restingHr: 10 }, 'restingHr'],
      [{ date: today, hrvRmssd: 'high' }, 'hrvRmssd'],
      [{ date: today, sleepDurationMinutes: 2000 }, 'sleepDurationMinutes'],
      [{ date: today, soreness: 6 }, 'soreness'],
      [{ date: today, mood: 2.5 }, 'mood'],
      [{ date: today, weightKg: -1 }, 'weightKg'],
      [[{ date: today }], 'body'],
    ];
    const before = await domainSnapshot(s.server.db);
    for (const [body, field] of cases) {
      const res = await s.api.post('/daily-metrics', body, accessToken);
      expect(res.status, field).toBe(400);
      expect(res.body.error.message, field).toMatch(new RegExp(`^${field}:`));
    }
    expect(await domainSnapshot(s.server.db)).toEqual(before);
  });
});
