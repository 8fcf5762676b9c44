import {
  MILD,
  type OpenWeatherSimulator,
  startOpenWeatherSimulator,
} from '@runningcoach/integrations/simulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, skipBackend } from './helpers/backends.ts';
import { addDays, everyDayBody, onboard, todayUtc } from './helpers/domain.ts';
import { register, useServer } from './helpers/suite.ts';

const HOT = { morn: 28, day: 34, eve: 31, night: 26, dewPoint: 22, humidity: 50 };
const HARD = new Set(['long', 'threshold', 'intervals', 'marathon_pace']);

describe.each(BACKENDS)('weather-aware coaching over HTTP on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  let owm: OpenWeatherSimulator;
  beforeAll(async () => {
    owm = await startOpenWeatherSimulator({ today: todayUtc(), apiKey: 'owm-test-key' });
  });
  afterAll(() => owm?.close());
  const s = useServer(backend, () => ({ OPENWEATHER_URL: owm.url, OPENWEATHER_API_KEY: 'owm-test-key' }));

  let token = '';
  let firstHard: { id: string; date: string; type: string } | undefined;
  beforeAll(async () => {
    if (!s.api) return;
    const runner = await register(s.api);
    token = runner.accessToken;
    await onboard(s.api, token, everyDayBody());
    const week = addDays(todayUtc(), 6);
    const { workouts } = (await s.api.get('/plan/current', token)).body;
    firstHard = (workouts as { id: string; date: string; type: string }[]).find(
      (w) => w.date >= todayUtc() && w.date <= week && HARD.has(w.type),
    );
  });

  it('a hot week moves or softens the long and hard sessions, each with a reason', async () => {
    expect(firstHard).toBeDefined();
    owm.setWeather(() => HOT);
    const res = await s.api.get('/weather/forecast?lat=38.72&lon=-9.14', token);
    expect(res.status).toBe(200);
    expect(res.body.days).toHaveLength(7);
    expect(res.body.days[0]).toMatchObject({ date: todayUtc(), tempC: { day: 34 }, dewPointC: 22 });
    const mine = res.body.suggestions.find((x: { workoutId: string }) => x.workoutId === firstHard!.id);
    expect(['move', 'soften']).toContain(mine.action);
    expect(mine.reason.code).toMatch(/^HEAT_(MOVE|SOFTEN)_SESSION$/);
    expect(mine.paceAdjustmentPct).toBeGreaterThan(2);
    // Today's note: feels-like and what to drink in this heat.
    expect(res.body.coachNote.message).toMatch(/^Feels like \d+ °C\..*Drink 600-800 ml per hour/);
  });

  it('a mild week changes nothing, and the forecast is cached per location', async () => {
    owm.setWeather(MILD);
    const before = owm.requests.length;
    const first = await s.api.get('/weather/forecast?lat=52.52&lon=13.40', token);
    expect(first.status).toBe(200);
    expect(first.body.suggestions).toEqual([]);
    const again = await s.api.get('/weather/forecast?lat=52.5201&lon=13.4049', token);
    expect(again.body.days).toEqual(first.body.days);
    // One One Call and one air-pollution request for both answers.
    expect(owm.requests.length - before).toBe(2);
  });

  it('a hot run scores a higher effort than the same pace in cool air', async () => {
    const hotDay = addDays(todayUtc(), -1);
    const coolDay = addDays(todayUtc(), -2);
    owm.setWeather((date) => (date === hotDay ? HOT : MILD(date, 0)));
    const log = (date: string) =>
      s.api.post(
        '/activities',
        { date, type: 'run', startTime: `${date}T08:00:00Z`, durationSec: 3000, distanceMeters: 10_000 },
        token,
      );
    const hot = (await log(hotDay)).body.id;
    const cool = (await log(coolDay)).body.id;
    const hotScore = await s.api.get(`/activities/${hot}/effort?lat=38.72&lon=-9.14`, token);
    const coolScore = await s.api.get(`/activities/${cool}/effort?lat=38.72&lon=-9.14`, token);
    expect(hotScore.status).toBe(200);
    expect(hotScore.body).toMatchObject({ paceSecPerKm: 300, basis: 'threshold', weather: { tempC: 34 } });
    expect(coolScore.body.heatAdjustmentPct).toBeLessThan(1);
    expect(hotScore.body.heatAdjustmentPct).toBeGreaterThan(5);
    expect(hotScore.body.score).toBeGreaterThan(coolScore.body.score);
  });

  it("today's coach note on the dashboard carries the weather at the runner's location, if they set one", async () => {
    owm.setWeather(() => HOT);
    const without = await s.api.get('/dashboard/today', token);
    expect(without.status).toBe(200);
    expect(without.body.weather).toBeNull();
    expect(without.body.coachNote).not.toMatch(/Feels like/);
    const before = owm.requests.length;
    const set = await s.api.patch('/me', { settings: { location: { lat: 40.42, lon: -3.7 } } }, token);
    expect(set.status).toBe(200);
    expect(set.body.settings.location).toEqual({ lat: 40.42, lon: -3.7 });
    const res = await s.api.get('/dashboard/today', token);
    expect(res.status).toBe(200);
    expect(res.body.weather).toMatchObject({ workoutId: res.body.workout.id, stale: false });
    expect(res.body.weather.message).toMatch(/^Feels like \d+ °C\..*Drink 600-800 ml per hour/);
    expect(res.body.coachNote.endsWith(res.body.weather.message)).toBe(true);
    // Asked at the runner's place, then served from the forecast cache.
    expect(owm.requests.slice(before).map((r) => r.query.get('lat'))).toEqual(['40.42', '40.42']);
    await s.api.get('/dashboard/today', token);
    expect(owm.requests.length - before).toBe(2);

    // Somewhere with no forecast yet while OpenWeather is down: the dashboard, without the weather.
    await s.api.patch('/me', { settings: { location: { lat: -33.87, lon: 151.21 } } }, token);
    owm.outage = '503';
    try {
      const down = await s.api.get('/dashboard/today', token);
      expect(down.status).toBe(200);
      expect(down.body.weather).toBeNull();
      expect(down.body.coachNote).not.toMatch(/Feels like/);
    } finally {
      owm.outage = 'none';
    }
    // `null` forgets the place: no weather.
    const forget = await s.api.patch('/me', { settings: { location: null } }, token);
    expect(forget.body.settings.location).toBeUndefined();
    expect((await s.api.get('/dashboard/today', token)).body.weather).toBeNull();
  });

  it('an outage is a 503 naming the provider; bad coordinates a 400', async () => {
    owm.failNext(4);
    const res = await s.api.get('/weather/forecast?lat=10&lon=10', token);
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
    expect((await s.api.get('/weather/forecast?lat=95&lon=10', token)).status).toBe(400);
  });
});

describe('weather while OpenWeather is down, forecasts not cached (WEATHER_CACHE_SECONDS=0)', () => {
  let owm: OpenWeatherSimulator;
  beforeAll(async () => {
    owm = await startOpenWeatherSimulator({ today: todayUtc() });
  });
  afterAll(() => owm?.close());
  const s = useServer('pglite', () => ({ OPENWEATHER_URL: owm.url, WEATHER_CACHE_SECONDS: '0' }));

  it("the place's last forecast stands in, marked stale, for the forecast and the dashboard note", async () => {
    const runner = await register(s.api);
    await onboard(s.api, runner.accessToken, everyDayBody());
    await s.api.patch('/me', { settings: { location: { lat: 38.72, lon: -9.14 } } }, runner.accessToken);
    owm.setWeather(() => HOT);
    const fresh = await s.api.get('/weather/forecast?lat=38.72&lon=-9.14', runner.accessToken);
    expect(fresh.body).toMatchObject({ stale: false });
    owm.outage = '503';
    try {
      const stale = await s.api.get('/weather/forecast?lat=38.72&lon=-9.14', runner.accessToken);
      expect(stale.status).toBe(200);
      expect(stale.body).toMatchObject({ stale: true, fetchedAt: fresh.body.fetchedAt });
      expect(stale.body.days).toEqual(fresh.body.days);
      const dash = await s.api.get('/dashboard/today', runner.accessToken);
      expect(dash.status).toBe(200);
      expect(dash.body.weather).toMatchObject({ stale: true, feelsLikeC: expect.any(Number) });
      // A place never fetched has nothing to fall back on.
      const none = await s.api.get('/weather/forecast?lat=10&lon=10', runner.accessToken);
      expect(none.status).toBe(503);
    } finally {
      owm.outage = 'none';
    }
  });
});

describe('weather without OPENWEATHER_*', () => {
  const s = useServer('pglite');
  it('is 503 naming the variables', async () => {
    const { accessToken } = await register(s.api);
    const res = await s.api.get('/weather/forecast?lat=1&lon=1', accessToken);
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(/OPENWEATHER_URL/);
  });
});
