import { ActivitySchema } from '@runningcoach/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/connection.ts';
import { BACKENDS, skipBackend } from './helpers/backends.ts';
import { addDays, domainSnapshot, everyDayBody, onboard, todayUtc } from './helpers/domain.ts';
import { register, useServer } from './helpers/suite.ts';

describe.each(BACKENDS)('activities on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  const s = useServer(backend);

  it('a manual run gets sRPE and Banister TRIMP and completes the same-day workout', async () => {
    const { accessToken } = await register(s.api);
    const { plan } = await onboard(s.api, accessToken, everyDayBody());
    const today = todayUtc();
    const res = await s.api.post(
      '/activities',
      { date: today, type: 'run', durationSec: 3600, distanceMeters: 10_000, avgHr: 150, maxHr: 170, rpe: 6 },
      accessToken,
    );
    expect(res.status).toBe(201);
    const planned = plan.workouts.find((w) => w.date === today)!;
    expect(res.body).toMatchObject({
      id: expect.any(String),
      date: today,
      source: 'manual',
      internalLoad: 360,
      workoutId: planned.id,
    });
    expect(res.body.trimp).toBeGreaterThan(50);
    expect(ActivitySchema.strict().safeParse(res.body).error).toBeUndefined();
    const current = (await s.api.get('/plan/current', accessToken)).body.workouts;
    expect(current.find((w: { id: string }) => w.id === planned.id)).toMatchObject({
      state: 'completed',
      completedActivityId: res.body.id,
    });

    const one = await s.api.get(`/activities/${res.body.id}`, accessToken);
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ ...res.body, samples: null });
  });

  it('links an explicit workoutId; no rpe means no internalLoad; no HR means no trimp', async () => {
    const { accessToken } = await register(s.api);
    const { plan } = await onboard(s.api, accessToken, everyDayBody());
    const target = plan.workouts[0]!;
    const res = await s.api.post(
      '/activities',
      { date: addDays(todayUtc(), -1), type: 'treadmill', durationSec: 1800, workoutId: target.id },
      accessToken,
    );
    expect(res.status).toBe(201);
    expect(res.body.workoutId).toBe(target.id);
    expect(res.body).not.toHaveProperty('internalLoad');
    expect(res.body).not.toHaveProperty('trimp');
    // Done is done: a second log against it, or a strength session against a run, is a 422 naming workoutId.
    const before = await domainSnapshot(s.server.db);
    for (const body of [
      { date: todayUtc(), type: 'run', durationSec: 1800, workoutId: target.id },
      { date: todayUtc(), type: 'strength', durationSec: 1800, workoutId: plan.workouts[2]!.id },
    ]) {
      const refused = await s.api.post('/activities', body, accessToken);
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({
        code: 'WORKOUT_MISMATCH',
        message: expect.stringMatching(/^workoutId: /),
      });
    }
    expect(await domainSnapshot(s.server.db)).toEqual(before);
  });

  it('lists by date range', async () => {
    const { accessToken } = await register(s.api);
    const today = todayUtc();
    for (const d of [-10, -5, 0]) {
      const r = await s.api.post(
        '/activities',
        { date: addDays(today, d), type: 'run', durationSec: 1200, rpe: 3 },
        accessToken,
      );
      expect(r.status).toBe(201);
    }
    const all = await s.api.get('/activities', accessToken);
    expect(all.body.activities.map((a: { date: string }) => a.date)).toEqual([
      addDays(today, -10),
      addDays(today, -5),
      today,
    ]);
    const some = await s.api.get(
      `/activities?from=${addDays(today, -6)}&to=${addDays(today, -1)}`,
      accessToken,
    );
    expect(some.body.activities.map((a: { date: string }) => a.date)).toEqual([addDays(today, -5)]);
    const bad = await s.api.get(`/activities?from=${today}&to=${addDays(today, -1)}`, accessToken);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^from:/);
    expect((await s.api.get('/activities?from=yesterday', accessToken)).body.error.message).toMatch(/^from:/);
  });

  it('a second runner gets 404 on the first runner’s activity and workout', async () => {
    const a = await register(s.api);
    const b = await register(s.api);
    const { plan } = await onboard(s.api, a.accessToken, everyDayBody());
    const act = await s.api.post(
      '/activities',
      { date: todayUtc(), type: 'run', durationSec: 600 },
      a.accessToken,
    );
    expect((await s.api.get(`/activities/${act.body.id}`, b.accessToken)).status).toBe(404);
    expect((await s.api.get('/activities/not-a-uuid', b.accessToken)).status).toBe(404);
    expect((await s.api.get('/activities', b.accessToken)).body.activities).toEqual([]);
    const before = await domainSnapshot(s.server.db);
    const steal = await s.api.post(
      '/activities',
      { date: todayUtc(), type: 'run', durationSec: 600, workoutId: plan.workouts[1]!.id },
      b.accessToken,
    );
    expect(steal.status).toBe(404);
    expect(await domainSnapshot(s.server.db)).toEqual(before);
  });

  it('bad bodies are 400 naming the field, with no row written', async () => {
    const { accessToken } = await register(s.api);
    await onboard(s.api, accessToken, everyDayBody());
    const ok = { date: todayUtc(), type: 'run', durationSec: 1800 };
    const cases: [unknown, string, number][] = [
      [{ ...ok, date: undefined }, 'date', 400],
      [{ ...ok, type: 'skydive' }, 'type', 400],
      [{ ...ok, durationSec: 0 }, 'durationSec', 400],
      [{ ...ok, durationSec: '1h' }, 'durationSec', 400],
      [{ ...ok, distanceMeters: -5 }, 'distanceMeters', 400],
      [{ ...ok, avgHr: 400 }, 'avgHr', 400],
      [{ ...ok, avgHr: 160, maxHr: 150 }, 'maxHr', 400],
      [{ ...ok, rpe: 11 }, 'rpe', 400],
      [{ ...ok, feeling: 0 }, 'feeling', 400],
      [{ ...ok, startTime: 'noon' }, 'startTime', 400],
      [{ ...ok, internalLoad: 5 }, 'internalLoad', 400],
      [{ ...ok, date: addDays(todayUtc(), 3) }, 'date', 422],
      ['run', 'body', 400],
    ];
    const before = await domainSnapshot(s.server.db);
    for (const [body, field, status] of cases) {
      const res = await s.api.post('/activities', body, accessToken);
      expect(res.status, field).toBe(status);
      expect(res.body.error.message, field).toMatch(new RegExp(`^${field}:`));
    }
    expect(await domainSnapshot(s.server.db)).toEqual(before);
  });

  it('samples: stored columnar, returned whole, and filling the summary fields left out', async () => {
    const { accessToken } = await register(s.api);
    const n = 3600;
    const samples = {
      t: Array.from({ length: n }, (_, i) => i),
      hr: Array.from({ length: n }, (_, i) => (i === 10 ? null : 140 + (i % 20))),
      speed: Array.from({ length: n }, () => 2.5),
      altitude: Array.from({ length: n }, (_, i) => Math.round(100 + 20 * Math.sin(i / 600)) / 1),
    };
    const res = await s.api.post(
      '/activities',
      { date: todayUtc(), type: 'run', durationSec: n, rpe: 5, samples },
      accessToken,
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ avgHr: 149, maxHr: 159, distanceMeters: 8997.5 });
    // Up 20 m, down 40 m, up ~14 m again: ~34 m of climb.
    expect(res.body.elevationGainMeters).toBeGreaterThan(30);
    expect(res.body.elevationGainMeters).toBeLessThan(36);
    expect(res.body).not.toHaveProperty('samples');
    const one = await s.api.get(`/activities/${res.body.id}`, accessToken);
    expect(one.body.samples).toEqual(samples);
    const [stored] = await queryRows<{ encoding: string; sample_count: number; size: number }>(
      s.server.db,
      sql`select encoding, sample_count, length(data) as size from activity_samples where activity_id = ${res.body.id}`,
    );
    expect(stored).toMatchObject({ encoding: 'rc-col1+deflate', sample_count: n });
    expect(Number(stored!.size)).toBeLessThan(JSON.stringify(samples).length / 10);
    // What the runner entered wins over what the samples say.
    const entered = await s.api.post(
      '/activities',
      { date: todayUtc(), type: 'run', durationSec: n, avgHr: 120, samples },
      accessToken,
    );
    expect(entered.body).toMatchObject({ avgHr: 120, maxHr: 159 });

    const before = await domainSnapshot(s.server.db, ['activities', 'activity_samples']);
    const bad: [unknown, string][] = [
      [{ ...samples, hr: samples.hr.slice(1) }, 'samples.hr'],
      [{ ...samples, t: [...samples.t.slice(0, -1), 5] }, `samples.t.${n - 1}`],
      [{ ...samples, hr: samples.hr.map((x) => (x === 150 ? 300 : x)) }, 'samples.hr'],
      [{ ...samples, spo2: [] }, 'samples'],
      [{ t: [] }, 'samples.t'],
    ];
    for (const [body, field] of bad) {
      const r = await s.api.post(
        '/activities',
        { date: todayUtc(), type: 'run', durationSec: 60, samples: body },
        accessToken,
      );
      expect(r.status, field).toBe(400);
      expect(r.body.error.message, field).toMatch(new RegExp(`^${field.replace(/\./g, '\\.')}`));
    }
    expect(await domainSnapshot(s.server.db, ['activities', 'activity_samples'])).toEqual(before);
  });
});
