import { type SimServer, startAhotuSimulator } from '@runningcoach/integrations/simulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, skipBackend } from './helpers/backends.ts';
import { addDays, domainSnapshot, onboard, onboardingBody, todayUtc } from './helpers/domain.ts';
import { register, useServer } from './helpers/suite.ts';

interface PlanBody {
  endDate: string;
  goal: { raceDate: string; distanceMeters: number; elevationGainMeters?: number; raceId?: string };
  phases: { name: string; startDate: string; endDate: string }[];
  weeks: { phase: string; targetDistanceMeters: number }[];
  warnings: { code: string }[];
  workouts: { date: string; type: string; phase: string; description: string }[];
}

describe.each(BACKENDS)('race search and select over HTTP on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  let ahotu: SimServer;
  beforeAll(async () => {
    ahotu = await startAhotuSimulator({ today: todayUtc(), apiKey: 'ahotu-test-key' });
  });
  afterAll(() => ahotu?.close());
  const s = useServer(backend, () => ({ AHOTU_URL: ahotu.url, AHOTU_API_KEY: 'ahotu-test-key' }));

  let token = '';
  beforeAll(async () => {
    if (!s.api) return;
    token = (await register(s.api)).accessToken;
    await onboard(s.api, token, onboardingBody());
  });

  it('searches by query, distance and place, with date, place, distance, climb and course profile', async () => {
    const res = await s.api.get('/races?query=marathon&distance=marathon', token);
    expect(res.status).toBe(200);
    expect(res.body.races.map((r: { id: string }) => r.id)).toEqual(['lakeside-42k', 'ridge-42k']);
    const ridge = res.body.races[1];
    expect(ridge).toMatchObject({
      date: addDays(todayUtc(), 126),
      place: { city: 'Boulder', country: 'US' },
      distanceMeters: 42_195,
    });
    expect(ridge.elevationGainMeters).toBeGreaterThan(900);
    expect(ridge.courseProfile.length).toBeGreaterThan(40);
    const near = await s.api.get(`/races?near=52.5,13.4&radiusKm=50&from=${addDays(todayUtc(), 100)}`, token);
    expect(near.body.races.map((r: { id: string }) => r.id)).toEqual(['lakeside-10k', 'lakeside-42k']);
  });

  it('selecting a race sets the goal and builds the plan backward to race day, with its taper', async () => {
    const res = await s.api.post('/races/lakeside-42k/select', { targetTimeSec: 4 * 3600 }, token);
    expect(res.status).toBe(200);
    const plan = res.body.plan as PlanBody;
    const raceDay = addDays(todayUtc(), 112);
    expect(plan.endDate).toBe(raceDay);
    expect(plan.goal).toMatchObject({ raceDate: raceDay, distanceMeters: 42_195, raceId: 'lakeside-42k' });
    expect(plan.workouts.at(-1)).toMatchObject({ date: raceDay, type: 'race' });
    expect(plan.phases.at(-1)).toMatchObject({ name: 'taper', endDate: raceDay });
    const peak = Math.max(...plan.weeks.map((w) => w.targetDistanceMeters));
    const lastWeek = plan.weeks.at(-1)!;
    expect(lastWeek.phase).toBe('taper');
    expect(lastWeek.targetDistanceMeters).toBeLessThan(peak * 0.7);
    // The stored plan and the runner's goal are the new ones.
    const current = await s.api.get('/plan/current', token);
    expect(current.body.plan.endDate).toBe(raceDay);
    expect(current.body.plan.goal).toMatchObject({ raceId: 'lakeside-42k', targetTimeSec: 4 * 3600 });
  });

  it("a hilly course's climbs shape the workouts: hill repeats in build and peak, with the reason", async () => {
    const res = await s.api.post('/races/ridge-42k/select', undefined, token);
    expect(res.status).toBe(200);
    const plan = res.body.plan as PlanBody;
    expect(plan.warnings.map((w) => w.code)).toContain('COURSE_HILLY');
    for (const phase of ['build', 'peak']) {
      const hills = plan.workouts.filter((w) => w.phase === phase && /^Hill repeats/.test(w.description));
      expect(hills.length, phase).toBeGreaterThan(0);
    }
    expect(plan.endDate).toBe(addDays(todayUtc(), 126));
  });

  it('an unknown race is 404 and an outage 503, and neither writes anything', async () => {
    const before = await domainSnapshot(s.server.db);
    const missing = await s.api.post('/races/no-such-race/select', {}, token);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('RACE_NOT_FOUND');
    ahotu.failNext(2);
    const down = await s.api.post('/races/harbour-21k/select', {}, token);
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(await domainSnapshot(s.server.db)).toEqual(before);
  });

  it('a race too close for its distance is a 422 naming goal.raceDate; without a plan, 404 NO_PLAN', async () => {
    const before = await domainSnapshot(s.server.db);
    const close = await s.api.post('/races/winter-50k/select', {}, token);
    expect(close.status).toBe(422);
    expect(close.body.error.message).toMatch(/^goal\.raceDate: /);
    const fresh = (await register(s.api)).accessToken;
    const afterRegister = await domainSnapshot(s.server.db);
    expect(afterRegister.training_plans).toBe(before.training_plans);
    const none = await s.api.post('/races/lakeside-42k/select', {}, fresh);
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('NO_PLAN');
    expect(await domainSnapshot(s.server.db)).toEqual(afterRegister);
  });

  it('while Ahotu is down a search answers with its last results, marked stale; choosing still needs Ahotu', async () => {
    const fresh = await s.api.get('/races?query=harbour', token);
    expect(fresh.body).toMatchObject({ stale: false });
    expect(fresh.body.races.map((r: { id: string }) => r.id)).toEqual(['harbour-21k']);
    const before = await domainSnapshot(s.server.db);
    ahotu.outage = '503';
    try {
      const stale = await s.api.get('/races?query=harbour', token);
      expect(stale.status).toBe(200);
      expect(stale.body).toEqual({ races: fresh.body.races, stale: true });
      // A search never answered has nothing to stand in; a race is not chosen from a stale copy.
      expect((await s.api.get('/races?query=canyon', token)).status).toBe(503);
      expect((await s.api.post('/races/harbour-21k/select', {}, token)).status).toBe(503);
    } finally {
      ahotu.outage = 'none';
    }
    expect(await domainSnapshot(s.server.db)).toEqual(before);
  });
});

describe('race search without AHOTU_URL', () => {
  const s = useServer('pglite');
  it('is 503 naming the variable', async () => {
    const { accessToken } = await register(s.api);
    const res = await s.api.get('/races?query=berlin', accessToken);
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: 'PROVIDER_NOT_CONFIGURED' });
    expect(res.body.error.message).toMatch(/AHOTU_URL/);
  });
});
