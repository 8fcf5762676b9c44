import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/connection.ts';
import { BACKENDS, skipBackend } from './helpers/backends.ts';
import { everyDayBody, onboard, redCheckIn, todayUtc } from './helpers/domain.ts';
import type { Client, Reply } from './helpers/http.ts';
import { apiRoutes } from './helpers/routes.ts';
import { runnerRows } from './helpers/runner-rows.ts';
import { register, useServer } from './helpers/suite.ts';
import { SHORT_RUN_FIT, upload } from './helpers/upload.ts';

interface Owner {
  token: string;
  refreshToken: string;
  userId: string;
  email: string;
  planId: string;
  workoutId: string;
  activityId: string;
  importedId: string;
  notificationId: string;
  alertId: string;
}
interface Ctx {
  api: Client;
  /** http://host:port/api/v1, for the multipart upload. */
  base: string;
  a: Owner;
  /** The intruder: a signed-in runner with data of their own. */
  b: { token: string; userId: string };
}
type Expect = 'not-found' | 'own-data' | 'unauthorized';
type Probe = (c: Ctx) => Promise<[Reply, Expect]>;

/**
 * For every /api/v1 route: runner B aims at runner A's data. B must get 404 (or 401 on public auth routes),
 * or an answer about B's own data that mentions nothing of A's. After all probes A's rows are untouched.
 */
const PROBES: Record<string, Probe> = {
  // Public auth routes: A's email or a token shaped like A's must not open A's account.
  'POST /auth/login': async ({ api, a }) => [
    await api.post('/auth/login', { email: a.email, password: 'not their password' }),
    'unauthorized',
  ],
  'POST /auth/refresh': async ({ api, a }) => [
    await api.post('/auth/refresh', { refreshToken: `${a.userId}.${'x'.repeat(43)}` }),
    'unauthorized',
  ],
  'POST /auth/logout': async ({ api, a }) => {
    const res = await api.post('/auth/logout', { refreshToken: `${a.userId}.${'y'.repeat(43)}` });
    expect(res.status).toBe(204); // logout is idempotent; A's real session must still refresh (checked below)
    return [res, 'own-data'];
  },
  'POST /auth/register': async ({ api, a }) => [
    await api.post('/auth/register', { email: a.email.toUpperCase(), password: 'correct horse' }),
    'not-found', // 409 EMAIL_TAKEN, checked below: it must not sign B in as A
  ],
  'GET /me': async ({ api, b }) => [await api.get('/me', b.token), 'own-data'],
  'PATCH /me': async ({ api, b }) => [await api.patch('/me', { name: 'Intruder' }, b.token), 'own-data'],
  'POST /onboarding': async ({ api, b }) => [
    await api.post('/onboarding', everyDayBody(), b.token),
    'own-data',
  ],
  'GET /plan/current': async ({ api, b }) => [await api.get('/plan/current', b.token), 'own-data'],
  'POST /plan/regenerate': async ({ api, b }) => [
    await api.post('/plan/regenerate', undefined, b.token),
    'own-data',
  ],
  'GET /dashboard/today': async ({ api, b }) => [await api.get('/dashboard/today', b.token), 'own-data'],
  'GET /stats/load': async ({ api, b }) => [await api.get('/stats/load', b.token), 'own-data'],
  'POST /daily-metrics': async ({ api, b }) => [
    await api.post('/daily-metrics', redCheckIn(), b.token),
    'own-data',
  ],
  'GET /activities': async ({ api, b }) => [await api.get('/activities', b.token), 'own-data'],
  'GET /activities/:id': async ({ api, a, b }) => [
    await api.get(`/activities/${a.activityId}`, b.token),
    'not-found',
  ],
  'POST /activities': async ({ api, a, b }) => [
    await api.post(
      '/activities',
      { date: todayUtc(), type: 'run', durationSec: 600, workoutId: a.workoutId },
      b.token,
    ),
    'not-found',
  ],
  'PATCH /activities/:id': async ({ api, a, b }) => [
    await api.request('PATCH', `/activities/${a.activityId}`, { json: { rpe: 9 }, token: b.token }),
    'not-found',
  ],
  'POST /activities/import': async ({ base, a, b }) => {
    // The very file A imported: B gets an activity of B's own (dedup is per runner), never A's.
    const res = await upload(base, b.token, SHORT_RUN_FIT);
    expect(res.status).toBe(201);
    expect(res.body.activities[0].id).not.toBe(a.importedId);
    return [res, 'own-data'];
  },
  'GET /workouts/:id.fit': async ({ api, a, b }) => [
    await api.get(`/workouts/${encodeURIComponent(a.workoutId)}.fit`, b.token),
    'not-found',
  ],
  'GET /notifications': async ({ api, b }) => [await api.get('/notifications', b.token), 'own-data'],
  'POST /notifications/:id/read': async ({ api, a, b }) => [
    await api.post(`/notifications/${a.notificationId}/read`, undefined, b.token),
    'not-found',
  ],
  'GET /alerts': async ({ api, b }) => [await api.get('/alerts', b.token), 'own-data'],
  'POST /alerts/:id/dismiss': async ({ api, a, b }) => [
    await api.post(`/alerts/${a.alertId}/dismiss`, undefined, b.token),
    'not-found',
  ],
  'GET /plan/calendar.ics': async ({ api, b }) => {
    expect((await api.get(`/plan/calendar.ics?token=${'x'.repeat(43)}`)).status).toBe(404);
    return [await api.get('/plan/calendar.ics', b.token), 'own-data'];
  },
  'POST /plan/calendar-token': async ({ api, b }) => [
    await api.post('/plan/calendar-token', undefined, b.token),
    'own-data',
  ],
  'DELETE /plan/calendar-token': async ({ api, b }) => [
    await api.delete('/plan/calendar-token', undefined, b.token),
    'own-data',
  ],
  'GET /account/export': async ({ api, b }) => [await api.get('/account/export', b.token), 'own-data'],
  // Last: B is gone afterwards.
  'DELETE /account': async ({ api, b }) => [
    await api.delete('/account', { password: 'correct horse' }, b.token),
    'own-data',
  ],
};

describe.each(BACKENDS)('a second runner, on every endpoint, on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  const s = useServer(backend);
  const ctx = {} as Ctx;

  beforeAll(async () => {
    if (!s.api) return; // the setup error fails each test
    const a = await register(s.api);
    const { plan } = await onboard(s.api, a.accessToken, everyDayBody());
    await s.api.post('/daily-metrics', redCheckIn(), a.accessToken);
    const act = await s.api.post(
      '/activities',
      { date: todayUtc(), type: 'run', durationSec: 1800, rpe: 5, notes: 'A private note' },
      a.accessToken,
    );
    if (act.status !== 201) throw new Error(`activity: ${act.status}`);
    const notes = await s.api.get('/notifications', a.accessToken);
    const notificationId = notes.body.notifications[0]?.id;
    if (!notificationId) throw new Error('the red check-in left no notification');
    const [alert] = await queryRows<{ id: string }>(
      s.server.db,
      sql`insert into alerts (user_id, kind, severity, date, title, body)
          values (${a.user.id}, 'acwr_high', 'warning', ${todayUtc()}, 'Load spike', 'ACWR 1.6') returning id`,
    );
    const imported = await upload(`${s.server.url}/api/v1`, a.accessToken, SHORT_RUN_FIT);
    if (imported.status !== 201) throw new Error(`import: ${imported.status}`);
    const b = await register(s.api);
    await onboard(s.api, b.accessToken, everyDayBody());
    ctx.api = s.api;
    ctx.base = `${s.server.url}/api/v1`;
    ctx.a = {
      token: a.accessToken,
      refreshToken: a.refreshToken,
      userId: a.user.id,
      email: a.user.email,
      planId: plan.id,
      workoutId: plan.workouts.find((w) => w.date > todayUtc())!.id,
      activityId: act.body.id,
      importedId: imported.body.activities[0].id,
      notificationId,
      alertId: alert!.id,
    };
    ctx.b = { token: b.accessToken, userId: b.user.id };
  }, 60_000);

  it('has a probe for every route the server serves', async () => {
    const routes = await apiRoutes(s.root);
    expect(routes.filter((r) => !(r in PROBES))).toEqual([]);
    expect(Object.keys(PROBES).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('gets 404/401 or only its own data, and leaves every row of the first runner as it was', async () => {
    const before = await runnerRows(s.server.db, ctx.a.userId);
    const secrets = [
      ctx.a.userId,
      ctx.a.email,
      ctx.a.planId,
      ctx.a.workoutId,
      ctx.a.activityId,
      ctx.a.importedId,
      'A private note',
    ];
    for (const [route, probe] of Object.entries(PROBES)) {
      const [res, expected] = await probe(ctx);
      const seen = JSON.stringify(res.body ?? '');
      for (const secret of secrets) expect(seen, `${route} leaks ${secret}`).not.toContain(secret);
      if (expected === 'not-found') expect([404, 409], route).toContain(res.status);
      if (expected === 'unauthorized') expect(res.status, route).toBe(401);
      if (expected === 'own-data') expect(res.status, `${route}: ${seen}`).toBeLessThan(300);
    }
    expect(await runnerRows(s.server.db, ctx.a.userId)).toEqual(before);
    // A's session survived the forged logout and refresh.
    expect((await s.api.post('/auth/refresh', { refreshToken: ctx.a.refreshToken })).status).toBe(200);
  });
});
