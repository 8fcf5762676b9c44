import { sql } from 'drizzle-orm';
import {
  type SimServer,
  startAhotuSimulator,
  startOpenWeatherSimulator,
} from '@runningcoach/integrations/simulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/connection.ts';
import { BACKENDS, skipBackend } from './helpers/backends.ts';
import { everyDayBody, onboard, redCheckIn, todayUtc } from './helpers/domain.ts';
import type { Client, Reply } from './helpers/http.ts';
import { queueOf, waitForIdle } from './helpers/pipelines.ts';
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
  conflictId: string;
  mfpSyncId: string;
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
  // Integrations: B's own connections and device secrets; A's provider links are out of reach.
  'GET /integrations': async ({ api, b }) => [await api.get('/integrations', b.token), 'own-data'],
  'POST /integrations/:provider/connect': async ({ api, b }) => [
    await api.post('/integrations/strava/connect', undefined, b.token),
    'not-found', // 409: no provider configured here; never a link to A's account
  ],
  'GET /integrations/:provider/callback': async ({ api, b }) => {
    // Public by design (the provider's redirect): a state that is not one we issued opens nothing.
    const forged = await api.get(`/integrations/strava/callback?code=x&state=${'s'.repeat(43)}`);
    expect(forged.status).toBe(400);
    return [await api.get('/integrations', b.token), 'own-data'];
  },
  'DELETE /integrations/:provider': async ({ api, b }) => [
    await api.request('DELETE', '/integrations/strava?deleteData=true', { token: b.token }),
    'not-found',
  ],
  'POST /integrations/garmin/workouts': async ({ api, b }) => [
    await api.post('/integrations/garmin/workouts', {}, b.token),
    'not-found', // 409: B has no Garmin link; A's workouts are never pushed
  ],
  'POST /integrations/myfitnesspal/sync': async ({ api, b }) => [
    await api.post('/integrations/myfitnesspal/sync', {}, b.token),
    'not-found', // 409: MyFitnessPal is not configured here; A's diary is never read for B
  ],
  'GET /integrations/myfitnesspal/sync/:id': async ({ api, a, b }) => [
    await api.get(`/integrations/myfitnesspal/sync/${a.mfpSyncId}`, b.token),
    'not-found',
  ],
  'POST /integrations/apple/devices': async ({ api, b }) => [
    await api.post('/integrations/apple/devices', { deviceName: 'B phone' }, b.token),
    'own-data',
  ],
  'GET /notifications': async ({ api, b }) => [await api.get('/notifications', b.token), 'own-data'],
  'POST /notifications/:id/read': async ({ api, a, b }) => [
    await api.post(`/notifications/${a.notificationId}/read`, undefined, b.token),
    'not-found',
  ],
  'GET /alerts': async ({ api, b }) => [await api.get('/alerts', b.token), 'own-data'],
  'GET /sync': async ({ api, b }) => [await api.get('/sync?window_days=0', b.token), 'own-data'],
  // B deletes and overwrites A's ids through sync: ignored or refused, A's rows unchanged (checked below).
  'POST /sync': async ({ api, a, b }) => {
    const del = await api.post('/sync', { changes: { activities: { deleted: [a.activityId] } } }, b.token);
    expect(del.status).toBe(200);
    return [
      await api.post(
        '/sync',
        {
          changes: {
            activities: {
              updated: [{ id: a.activityId, date: '2026-03-01', type: 'run', duration_sec: 60 }],
            },
          },
        },
        b.token,
      ),
      'not-found',
    ];
  },
  'POST /sync/check': async ({ api, b }) => [await api.post('/sync/check', {}, b.token), 'own-data'],
  'POST /sync/upload': async ({ api, a, b }) => [
    await api.post(
      '/sync/upload',
      {
        changes: {
          activities: { updated: [{ id: a.activityId, date: '2026-03-01', type: 'run', duration_sec: 60 }] },
        },
      },
      b.token,
    ),
    'not-found',
  ],
  'GET /sync/download': async ({ api, b }) => [
    await api.get('/sync/download?window_days=0', b.token),
    'own-data',
  ],
  'POST /sync/complete': async ({ api, b }) => [
    await api.post('/sync/complete', { deviceId: 'intruder', cursor: 1 }, b.token),
    'own-data',
  ],
  'GET /sync/status': async ({ api, b }) => [await api.get('/sync/status', b.token), 'own-data'],
  'POST /sync/conflicts/:id/undo': async ({ api, a, b }) => [
    await api.post(`/sync/conflicts/${a.conflictId}/undo`, undefined, b.token),
    'not-found',
  ],
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
  // Races are the provider's, not a runner's: B's search and B's choice touch only B's goal and plan.
  'GET /races': async ({ api, b }) => [await api.get('/races?distance=marathon', b.token), 'own-data'],
  'GET /weather/forecast': async ({ api, b }) => [
    await api.get('/weather/forecast?lat=52.52&lon=13.4', b.token),
    'own-data',
  ],
  'GET /activities/:id/effort': async ({ api, a, b }) => [
    await api.get(`/activities/${a.activityId}/effort?lat=52.52&lon=13.4`, b.token),
    'not-found',
  ],
  'GET /nutrition/days': async ({ api, b }) => [await api.get('/nutrition/days', b.token), 'own-data'],
  'PUT /nutrition/days/:date': async ({ api, b }) => [
    await api.request('PUT', `/nutrition/days/${todayUtc()}`, { json: { intakeKcal: 2500 }, token: b.token }),
    'own-data',
  ],
  'POST /nutrition/import': async ({ api, b }) => [
    await api.post('/nutrition/import', { csv: `date,calories\n${todayUtc()},2400` }, b.token),
    'own-data',
  ],
  'POST /races/:id/select': async ({ api, b }) => [
    await api.post('/races/lakeside-42k/select', {}, b.token),
    'own-data',
  ],
  // Last: B is gone afterwards.
  'DELETE /account': async ({ api, b }) => [
    await api.delete('/account', { password: 'correct horse' }, b.token),
    'own-data',
  ],
};

describe.each(BACKENDS)('a second runner, on every endpoint, on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  let ahotu: SimServer;
  let owm: SimServer;
  beforeAll(async () => {
    ahotu = await startAhotuSimulator({ today: todayUtc() });
    owm = await startOpenWeatherSimulator({ today: todayUtc() });
  });
  afterAll(async () => {
    await ahotu?.close();
    await owm?.close();
  });
  const s = useServer(backend, () => ({ AHOTU_URL: ahotu.url, OPENWEATHER_URL: owm.url }));
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
    // A conflict-log entry of A's: a device record, then a manual edit of its distance (device_wins).
    const device = {
      id: 'isoDeviceRun0001',
      date: todayUtc(),
      type: 'bike',
      source: 'garmin',
      duration_sec: 3600,
    };
    await s.api.post('/sync', { changes: { activities: { created: [device] } } }, a.accessToken);
    const edit = { ...device, source: 'manual', duration_sec: 1200 };
    await s.api.post('/sync', { changes: { activities: { updated: [edit] } } }, a.accessToken);
    const [conflict] = await queryRows<{ id: string }>(
      s.server.db,
      sql`select id from sync_conflicts where user_id = ${a.user.id}`,
    );
    if (!conflict) throw new Error('the device edit left no conflict');
    // The activity's pipelines settle first, so nothing of A's changes during the probes but what they do.
    await waitForIdle(queueOf(s.server));
    const notes = await s.api.get('/notifications', a.accessToken);
    const notificationId = notes.body.notifications[0]?.id;
    if (!notificationId) throw new Error('the red check-in left no notification');
    const [alert] = await queryRows<{ id: string }>(
      s.server.db,
      sql`insert into alerts (user_id, kind, severity, date, title, body)
          values (${a.user.id}, 'acwr_high', 'warning', ${todayUtc()}, 'Load spike', 'ACWR 1.6') returning id`,
    );
    // A MyFitnessPal import of A's, as the sync route logs it.
    const [mfpSync] = await queryRows<{ id: string }>(
      s.server.db,
      sql`insert into webhook_events (user_id, provider, event_key, kind, payload)
          values (${a.user.id}, 'myfitnesspal', ${`sync:${a.user.id}`}, 'sync',
                  ${JSON.stringify({ from: todayUtc(), to: todayUtc() })}::jsonb) returning id`,
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
      conflictId: conflict.id,
      mfpSyncId: mfpSync!.id,
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
      ctx.a.conflictId,
      ctx.a.mfpSyncId,
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
    // Some ~40 requests, three of them plan builds, on a shared 2-core machine.
  }, 30_000);
});
