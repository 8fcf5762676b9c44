import { TrainingPlanSchema, WorkoutSchema } from '@runningcoach/contracts';
import { describe, expect, it } from 'vitest';
import { BACKENDS, skipBackend } from './helpers/backends.ts';
import { domainSnapshot, onboard, onboardingBody, todayUtc } from './helpers/domain.ts';
import { register, useServer } from './helpers/suite.ts';

describe.each(BACKENDS)('onboarding and plans on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  const s = useServer(backend);

  it('onboarding builds the first plan from the runner’s today and stores profile and goal', async () => {
    const { accessToken } = await register(s.api);
    const body = onboardingBody();
    const res = await s.api.post('/onboarding', body, accessToken);
    expect(res.status).toBe(201);
    const { plan } = res.body;
    expect(plan).toMatchObject({
      version: 1,
      status: 'active',
      startDate: todayUtc(),
      endDate: body.goal.raceDate,
    });
    expect(plan.phases.map((p: { name: string }) => p.name)).toContain('base');
    expect(plan.workouts.length).toBeGreaterThan(20);
    expect(plan.workouts[0].id).toBe(`${plan.id}:${plan.workouts[0].date}`);
    expect(plan.engineVersion).toEqual(expect.any(String));
    expect(plan.paces).toBeDefined();
    expect(plan.goal).toMatchObject({ distanceMeters: 21_097.5 });
    expect(plan).not.toHaveProperty('fitness');
    // API.md's TrainingPlan, as the contracts package spells it.
    expect(TrainingPlanSchema.safeParse(plan).error).toBeUndefined();

    const me = await s.api.get('/me', accessToken);
    expect(me.body.profile).toMatchObject({ sex: 'female', weightKg: 60 });
    expect(me.body.baselines).toMatchObject({ restingHr: 52, maxHr: 188 });

    const current = await s.api.get('/plan/current', accessToken);
    expect(current.status).toBe(200);
    expect(current.body.plan).toEqual(plan);
    expect(current.body.workouts).toHaveLength(plan.workouts.length);
    expect(current.body.workouts[0]).toMatchObject({ state: 'planned', completedActivityId: null });
    for (const w of current.body.workouts) expect(WorkoutSchema.safeParse(w).error).toBeUndefined();
  });

  it('uses the runner’s time zone for the first day', async () => {
    const { accessToken } = await register(s.api);
    // Far east: a day ahead of UTC for half of every day; the plan must start on Kiritimati's today.
    await s.api.patch('/me', { settings: { timeZone: 'Pacific/Kiritimati' } }, accessToken);
    const local = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati' }).format(new Date());
    const { plan } = await onboard(s.api, accessToken);
    expect(plan).toMatchObject({ startDate: local });
  });

  it('GET /plan/current is 404 NO_PLAN before onboarding, and regenerate too', async () => {
    const { accessToken } = await register(s.api);
    const res = await s.api.get('/plan/current', accessToken);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NO_PLAN');
    expect((await s.api.post('/plan/regenerate', undefined, accessToken)).status).toBe(404);
  });

  it('regenerate makes version + 1 and supersedes the previous plan', async () => {
    const { user, accessToken } = await register(s.api);
    const first = await onboard(s.api, accessToken);
    const res = await s.api.post('/plan/regenerate', undefined, accessToken);
    expect(res.status).toBe(200);
    expect(res.body.plan).toMatchObject({ version: 2, status: 'active' });
    expect(res.body.plan.id).not.toBe(first.plan.id);
    const current = await s.api.get('/plan/current', accessToken);
    expect(current.body.plan.id).toBe(res.body.plan.id);
    const db = s.server.db;
    const rows = await db.execute(
      `select version, status from training_plans where user_id = '${user.id}' order by version`,
    );
    expect((rows as unknown as { rows: unknown[] }).rows).toEqual([
      { version: 1, status: 'superseded' },
      { version: 2, status: 'active' },
    ]);
  });

  it('a second runner sees none of the first runner’s plan', async () => {
    const a = await register(s.api);
    const b = await register(s.api);
    await onboard(s.api, a.accessToken);
    expect((await s.api.get('/plan/current', b.accessToken)).status).toBe(404);
    expect((await s.api.post('/plan/regenerate', undefined, b.accessToken)).status).toBe(404);
  });

  it('bad onboarding bodies are 400/422 naming the field, with no row written', async () => {
    const { accessToken } = await register(s.api);
    const good = onboardingBody();
    const cases: [unknown, string, number][] = [
      [{ ...good, profile: undefined }, 'profile', 400],
      [{ ...good, profile: { ...good.profile, weightKg: 'heavy' } }, 'profile.weightKg', 400],
      [{ ...good, goal: { ...good.goal, raceDate: '2026-02-30' } }, 'goal.raceDate', 400],
      [{ ...good, availability: { runDays: ['mon'], longRunDay: 'mon' } }, 'availability.runDays', 400],
      [
        { ...good, availability: { runDays: ['mon', 'tue'], longRunDay: 'sun' } },
        'availability.longRunDay',
        400,
      ],
      [{ ...good, fitness: { weeklyDistanceMeters: -1 } }, 'fitness.weeklyDistanceMeters', 400],
      [[good], 'body', 400],
      // Valid shape, but the engine cannot build a plan for a race next week.
      [{ ...good, goal: { ...good.goal, raceDate: todayUtc() } }, 'goal.raceDate', 422],
    ];
    const before = await domainSnapshot(s.server.db);
    for (const [body, field, status] of cases) {
      const res = await s.api.post('/onboarding', body, accessToken);
      expect(res.status, field).toBe(status);
      expect(res.body.error.message, field).toMatch(new RegExp(`^${field.replace('.', '\\.')}:`));
    }
    expect(await domainSnapshot(s.server.db)).toEqual(before);
  });

  it('needs an access token', async () => {
    expect((await s.api.post('/onboarding', onboardingBody())).status).toBe(401);
    expect((await s.api.get('/plan/current')).status).toBe(401);
  });
});
