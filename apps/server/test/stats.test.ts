import { RollingStatSchema } from '@runningcoach/contracts';
import { describe, expect, it } from 'vitest';
import { BACKENDS, skipBackend } from './helpers/backends.ts';
import { addDays, todayUtc } from './helpers/domain.ts';
import { register, useServer } from './helpers/suite.ts';

describe.each(BACKENDS)('load stats and dashboard on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  const s = useServer(backend);

  it('the daily series uses sRPE, else TRIMP, with EWMAs from the first activity', async () => {
    const { accessToken } = await register(s.api);
    await s.api.patch(
      '/me',
      { profile: { sex: 'male' }, baselines: { restingHr: 50, maxHr: 190 } },
      accessToken,
    );
    const today = todayUtc();
    const logs = [
      { date: addDays(today, -40), type: 'run', durationSec: 3600, rpe: 5 },
      { date: addDays(today, -2), type: 'run', durationSec: 1800, avgHr: 150 },
      { date: today, type: 'run', durationSec: 3600, rpe: 4 },
      { date: today, type: 'strength', durationSec: 1200, rpe: 6 },
    ];
    for (const log of logs) expect((await s.api.post('/activities', log, accessToken)).status).toBe(201);
    const res = await s.api.get(`/stats/load?from=${addDays(today, -6)}&to=${today}`, accessToken);
    expect(res.status).toBe(200);
    const days = res.body.days;
    expect(days.map((d: { date: string }) => d.date)).toEqual(
      Array.from({ length: 7 }, (_, i) => addDays(today, i - 6)),
    );
    expect(days[6].load).toBe(240 + 120);
    expect(days[4].load).toBeGreaterThan(0);
    expect(days[0].chronic).toBeGreaterThan(0); // the run 40 days ago still counts in the EWMA
    for (const d of days) {
      expect(RollingStatSchema.strict().safeParse(d).error).toBeUndefined();
      expect(Math.abs(d.tsb - (d.chronic - d.acute))).toBeLessThanOrEqual(0.02); // each is rounded
      expect(Object.keys(d).sort()).toEqual(
        ['acute', 'acwr', 'chronic', 'date', 'load', 'monotony', 'strain', 'tsb'].sort(),
      );
    }
    const defaults = await s.api.get('/stats/load', accessToken);
    expect(defaults.body.days).toHaveLength(90);
    expect(defaults.body.days.at(-1).date).toBe(today);
  });

  it('dashboard/today works for a new runner (no plan, no data)', async () => {
    const { accessToken } = await register(s.api);
    const res = await s.api.get('/dashboard/today', accessToken);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      date: todayUtc(),
      workout: null,
      readiness: null,
      load: { acute: 0, chronic: 0, acwr: null, tsb: 0, monotony: null },
      alerts: [],
      coachNote: expect.any(String),
      weather: null,
    });
  });

  it('a second runner sees none of the first runner’s load', async () => {
    const a = await register(s.api);
    const b = await register(s.api);
    await s.api.post(
      '/activities',
      { date: todayUtc(), type: 'run', durationSec: 3600, rpe: 7 },
      a.accessToken,
    );
    const res = await s.api.get('/stats/load', b.accessToken);
    expect(res.body.days.every((d: { load: number }) => d.load === 0)).toBe(true);
    expect((await s.api.get('/dashboard/today', b.accessToken)).body.load.acute).toBe(0);
  });

  it('bad ranges are 400 naming the field', async () => {
    const { accessToken } = await register(s.api);
    const today = todayUtc();
    const cases: [string, string][] = [
      [`from=${today}&to=${addDays(today, -1)}`, 'from'],
      ['from=2026-13-01', 'from'],
      ['to=soon', 'to'],
      ['from=2020-01-01&to=2026-01-01', 'from'],
      ['window=7', 'window'],
    ];
    for (const [q, field] of cases) {
      const res = await s.api.get(`/stats/load?${q}`, accessToken);
      expect(res.status, q).toBe(400);
      expect(res.body.error.message, q).toMatch(new RegExp(`^${field}:`));
    }
  });

  it('dashboard/today is cached, and a settings change (PATCH /me) or a log shows at once', async () => {
    const { accessToken } = await register(s.api);
    const first = await s.api.get('/dashboard/today', accessToken);
    expect(first.body.date).toBe(todayUtc());
    // A zone whose calendar day differs from UTC's right now.
    const zone = new Date().getUTCHours() >= 12 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
    expect((await s.api.patch('/me', { settings: { timeZone: zone } }, accessToken)).status).toBe(200);
    const moved = await s.api.get('/dashboard/today', accessToken);
    expect(moved.body.date).not.toBe(first.body.date);
    await s.api.post(
      '/activities',
      { date: moved.body.date, type: 'run', durationSec: 3600, rpe: 6 },
      accessToken,
    );
    expect((await s.api.get('/dashboard/today', accessToken)).body.load.acute).toBeGreaterThan(0);
  });
});
