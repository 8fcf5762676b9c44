import { sql } from 'drizzle-orm';
import { apple } from '@runningcoach/integrations';
import {
  garminRun,
  GarminSimulator,
  type MyFitnessPalSimulator,
  startMyFitnessPalSimulator,
  stravaRun,
  StravaSimulator,
} from '@runningcoach/integrations/simulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/connection.ts';
import { ProviderBreakers } from '../src/integrations/provider-breakers.ts';
import { MFP_DAILY_JOB, PROVIDER_EVENT_JOB } from '../src/integrations/provider-jobs.ts';
import { BACKENDS, skipBackend } from './helpers/backends.ts';
import { addDays, everyDayBody, onboard, onboardingBody, todayUtc } from './helpers/domain.ts';
import { queueOf, waitForIdle } from './helpers/pipelines.ts';
import { register, snapshot, useServer } from './helpers/suite.ts';

const DAY = 86_400_000;

/** A MyFitnessPal diary_meal entry (energy in kcal, or kJ with `kj`). */
const meal = (
  date: string,
  name: string,
  energy: number,
  carbs: number,
  protein: number,
  fat: number,
  kj = false,
) => ({
  type: 'diary_meal' as const,
  date,
  diary_meal: name,
  nutritional_contents: {
    energy: { unit: kj ? ('kilojoules' as const) : ('calories' as const), value: energy },
    carbohydrates: carbs,
    protein,
    fat,
  },
});
const startOf = (daysAgo: number) => Math.floor(Date.now() / DAY) * DAY - daysAgo * DAY + 7 * 3600_000;

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(BACKENDS)('provider integrations against simulators on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  const stravaSim = new StravaSimulator();
  const garminSim = new GarminSimulator();
  let mfpSim: MyFitnessPalSimulator;
  beforeAll(async () => {
    await stravaSim.start();
    await garminSim.start();
    mfpSim = await startMyFitnessPalSimulator({ clientId: 'mfp-client', clientSecret: 'mfp-secret' });
  });
  afterAll(async () => {
    await stravaSim.server.close();
    await garminSim.server.close();
    await mfpSim?.close();
  });
  const s = useServer(backend, () => ({
    STRAVA_CLIENT_ID: stravaSim.oauth.clientId,
    STRAVA_CLIENT_SECRET: stravaSim.oauth.clientSecret,
    STRAVA_VERIFY_TOKEN: 'verify-me',
    STRAVA_SUBSCRIPTION_ID: String(stravaSim.subscriptionId),
    STRAVA_BASE_URL: stravaSim.url,
    GARMIN_CLIENT_ID: garminSim.oauth.clientId,
    GARMIN_CLIENT_SECRET: garminSim.oauth.clientSecret,
    GARMIN_API_URL: garminSim.url,
    GARMIN_AUTH_URL: `${garminSim.url}/oauth2Confirm`,
    GARMIN_TOKEN_URL: `${garminSim.url}/di-oauth2-service/oauth/token`,
    MFP_URL: mfpSim.url,
    MFP_CLIENT_ID: 'mfp-client',
    MFP_CLIENT_SECRET: 'mfp-secret',
    MFP_AUTH_URL: `${mfpSim.url}/oauth2/authorize`,
    PROVIDER_TIMEOUT_MS: '400',
    PROVIDER_RETRY_BASE_MS: '50',
    PROVIDER_RETRY_ATTEMPTS: '12',
  }));
  const webhooks = () => `${s.server.url}/webhooks`;
  const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(s.server.db, q);
  /** Until provider jobs, then the pipelines they start, have settled. */
  async function settle() {
    const q = queueOf(s.server);
    await until('provider jobs', async () => {
      const c = (await q.counts([PROVIDER_EVENT_JOB]))[PROVIDER_EVENT_JOB]!;
      return c.waiting + c.active + c.delayed === 0;
    });
    await waitForIdle(q);
  }

  /** Connect through the real OAuth dance: our connect → the simulator's consent → our public callback. */
  async function connect(token: string, provider: 'strava' | 'garmin' | 'myfitnesspal', user: string) {
    const sim = { strava: stravaSim, garmin: garminSim, myfitnesspal: mfpSim }[provider];
    const res = await s.api.post(`/integrations/${provider}/connect`, undefined, token);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const back = sim.oauth.approve(res.body.authorizeUrl, user);
    const cb = await fetch(back);
    const body = (await cb.json()) as { externalUserId?: string } & Record<string, unknown>;
    return { status: cb.status, body, authorizeUrl: res.body.authorizeUrl as string, back };
  }

  let runnerToken = '';
  let runnerId = '';
  const athlete = 4242;
  const garminUser = 'garmin-user-1';

  it('OAuth: Strava connects with a checked state; tokens are sealed (raw SQL shows ciphertext only)', async () => {
    const { accessToken, user } = await register(s.api);
    runnerToken = accessToken;
    runnerId = user.id;
    const done = await connect(accessToken, 'strava', String(athlete));
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ provider: 'strava', connected: true, externalUserId: String(athlete) });
    // The same callback again: the state was single-use.
    const replay = await fetch(done.back);
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { error: { code: string } }).error.code).toBe('INVALID_STATE');
    const [conn] = await rows<{ access_token_enc: string; refresh_token_enc: string }>(
      sql`select access_token_enc, refresh_token_enc from provider_connections where user_id = ${user.id}`,
    );
    const plain = [...stravaSim.oauth.access.keys()];
    expect(plain.length).toBeGreaterThan(0);
    for (const p of plain) {
      expect(conn!.access_token_enc).not.toContain(p);
      expect(conn!.refresh_token_enc).not.toContain(p);
    }
    expect(conn!.access_token_enc).toMatch(/^v1\./);
    const list = await s.api.get('/integrations', accessToken);
    expect(list.body.integrations).toContainEqual(
      expect.objectContaining({ provider: 'strava', configured: true, connected: true }),
    );
  });

  it('OAuth: a forged state stores nothing; Garmin uses PKCE and a wrong verifier is refused', async () => {
    const before = await snapshot(s.server.db);
    const forged = await fetch(
      `${s.server.url}/api/v1/integrations/strava/callback?code=abc&state=${'x'.repeat(43)}`,
    );
    expect(forged.status).toBe(400);
    expect(await snapshot(s.server.db)).toEqual(before);

    const { accessToken } = await register(s.api);
    const start = await s.api.post('/integrations/garmin/connect', undefined, accessToken);
    const url = new URL(start.body.authorizeUrl);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    // An attacker's consent with another challenge: the token endpoint refuses our verifier.
    url.searchParams.set('code_challenge', 'A'.repeat(43));
    const cb = await fetch(garminSim.oauth.approve(url.toString(), 'garmin-intruder'));
    expect(cb.status).toBe(502);
    expect(await rows(sql`select 1 from provider_connections where provider = 'garmin'`)).toEqual([]);

    const ok = await connect(runnerToken, 'garmin', garminUser);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.externalUserId).toBe(garminUser);
  });

  it('Strava: subscription validation echoes the challenge only for our verify token', async () => {
    const good = await fetch(
      `${webhooks()}/strava?hub.mode=subscribe&hub.challenge=15f7d1a91c1f40&hub.verify_token=verify-me`,
    );
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ 'hub.challenge': '15f7d1a91c1f40' });
    const bad = await fetch(`${webhooks()}/strava?hub.mode=subscribe&hub.challenge=x&hub.verify_token=nope`);
    expect(bad.status).toBe(403);
  });

  it('Strava: an event delivered twice yields one activity, fetched with the runner token (streams too)', async () => {
    const { activity, streams } = stravaRun(1001, new Date(startOf(2)).toISOString(), 30);
    stravaSim.put(athlete, activity, streams);
    const event = stravaSim.event({ object_id: 1001, owner_id: athlete });
    const t = performance.now();
    expect(await stravaSim.deliver(`${webhooks()}/strava`, event)).toBe(200);
    expect(performance.now() - t).toBeLessThan(2000);
    expect(await stravaSim.deliver(`${webhooks()}/strava`, event)).toBe(200);
    await settle();
    const list = await s.api.get('/activities', runnerToken);
    const fromStrava = list.body.activities.filter((a: { source: string }) => a.source === 'strava');
    expect(fromStrava).toHaveLength(1);
    expect(fromStrava[0]).toMatchObject({ type: 'run', durationSec: 1800, maxHr: 160 });
    const one = await s.api.get(`/activities/${fromStrava[0].id}`, runnerToken);
    expect(one.body.samples.t).toHaveLength(1801);
    expect(
      await rows(sql`select 1 from webhook_events where provider = 'strava' and kind = 'activity.create'`),
    ).toHaveLength(1);
    expect(stravaSim.server.count('GET', '/api/v3/activities/1001')).toBe(2); // activity + streams, once

    // A delete event removes it.
    await stravaSim.deliver(
      `${webhooks()}/strava`,
      stravaSim.event({ object_id: 1001, owner_id: athlete, aspect_type: 'delete' }),
    );
    await settle();
    const after = await s.api.get('/activities', runnerToken);
    expect(after.body.activities.filter((a: { source: string }) => a.source === 'strava')).toHaveLength(0);
  });

  it('forged events are rejected and store nothing (whole-database snapshot)', async () => {
    const device = await s.api.post('/integrations/apple/devices', { deviceName: 'iPhone' }, runnerToken);
    expect(device.status).toBe(201);
    await settle();
    const before = await snapshot(s.server.db);
    const wrongSub = await stravaSim.deliver(
      `${webhooks()}/strava`,
      stravaSim.event({ object_id: 1002, owner_id: athlete, subscription_id: 999 }),
    );
    expect(wrongSub).toBe(403);
    const body = { activities: [garminRun(garminUser, 77, Math.floor(startOf(1) / 1000))] };
    expect((await garminSim.deliver(`${webhooks()}/garmin`, body, 'someone-else')).status).toBe(403);
    const noHeader = await fetch(`${webhooks()}/garmin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(noHeader.status).toBe(403);
    const relay = JSON.stringify({ workouts: [], dailies: [{ date: '2026-11-20', restingHeartRate: 50 }] });
    for (const signature of [apple.signRelayBody('not-the-secret', relay), 'sha256=00', '']) {
      const res = await fetch(`${webhooks()}/apple`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [apple.APPLE_DEVICE_HEADER]: device.body.deviceId,
          ...(signature && { [apple.APPLE_SIGNATURE_HEADER]: signature }),
        },
        body: relay,
      });
      expect(res.status).toBe(401);
    }
    await settle();
    expect(await snapshot(s.server.db)).toEqual(before);
  });

  it('Garmin: push twice → one activity; ping pulled; dailies, sleeps and HRV become daily metrics', async () => {
    const startSec = Math.floor(startOf(3) / 1000);
    const body = { activities: [garminRun(garminUser, 501, startSec, 40)] };
    const first = await garminSim.deliver(`${webhooks()}/garmin`, body);
    expect(first.status).toBe(200);
    expect(first.ms).toBeLessThan(2000);
    expect((await garminSim.deliver(`${webhooks()}/garmin/activities`, body)).status).toBe(200);
    // Ping: the summary is fetched from callbackURL with the runner's token.
    const pingStart = Math.floor(startOf(4) / 1000);
    garminSim.upload(garminUser, 'activities', garminRun(garminUser, 502, pingStart, 30), pingStart + 3000);
    await garminSim.deliver(
      `${webhooks()}/garmin`,
      garminSim.pingBody(garminUser, 'activities', pingStart, pingStart + 4000),
    );
    const date = new Date(startOf(1)).toISOString().slice(0, 10);
    await garminSim.deliver(`${webhooks()}/garmin/dailies`, {
      dailies: [
        {
          userId: garminUser,
          summaryId: 'd1',
          calendarDate: date,
          restingHeartRateInBeatsPerMinute: 47,
          averageStressLevel: 30,
        },
      ],
    });
    await garminSim.deliver(`${webhooks()}/garmin`, {
      sleeps: [
        {
          userId: garminUser,
          summaryId: 's1',
          calendarDate: date,
          durationInSeconds: 27_000,
          overallSleepScore: { value: 80, qualifierKey: 'GOOD' },
        },
      ],
      hrv: [{ userId: garminUser, summaryId: 'h1', calendarDate: date, lastNightAvg: 61 }],
    });
    await settle();
    const list = await s.api.get('/activities', runnerToken);
    const garmins = list.body.activities.filter((a: { source: string }) => a.source === 'garmin');
    expect(garmins.map((a: { durationSec: number }) => a.durationSec).sort()).toEqual([1800, 2400]);
    const [m] = await rows<Record<string, unknown>>(
      sql`select resting_hr, hrv_rmssd, sleep_duration_minutes, sleep_quality, stress from daily_metrics where user_id = ${runnerId} and date = ${date}`,
    );
    expect(m).toEqual({
      resting_hr: 47,
      hrv_rmssd: 61,
      sleep_duration_minutes: 450,
      sleep_quality: 4,
      stress: 2,
    });
  });

  it('Apple relay: a signed relay is stored once; a tampered token ciphertext is refused, not used', async () => {
    const device = await s.api.post('/integrations/apple/devices', { deviceName: 'iPhone 16' }, runnerToken);
    expect(device.status).toBe(201);
    const relay = JSON.stringify({
      workouts: [
        {
          uuid: 'HK-1',
          activityType: 'running',
          startDate: new Date(startOf(5)).toISOString(),
          durationSec: 2000,
          totalDistanceMeters: 6000,
          averageHeartRate: 150,
        },
      ],
    });
    const send = () =>
      fetch(`${webhooks()}/apple`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [apple.APPLE_DEVICE_HEADER]: device.body.deviceId,
          [apple.APPLE_SIGNATURE_HEADER]: apple.signRelayBody(device.body.secret, relay),
        },
        body: relay,
      });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    await settle();
    const list = await s.api.get('/activities', runnerToken);
    expect(list.body.activities.filter((a: { source: string }) => a.source === 'apple')).toHaveLength(1);
    const [secret] = await rows<{ secret_enc: string }>(
      sql`select secret_enc from device_secrets where id = ${device.body.deviceId}`,
    );
    expect(secret!.secret_enc).not.toContain(device.body.secret);

    // Tamper with the stored Strava token: the event fails authentication, nothing is fetched or stored.
    await s.server.db.execute(
      sql`update provider_connections set access_token_enc = overlay(access_token_enc placing 'AAAA' from 30 for 4) where user_id = ${runnerId} and provider = 'strava'`,
    );
    const { activity, streams } = stravaRun(1003, new Date(startOf(6)).toISOString(), 20);
    stravaSim.put(athlete, activity, streams);
    const calls = stravaSim.server.count('GET', '/api/v3/activities/1003');
    await stravaSim.deliver(`${webhooks()}/strava`, stravaSim.event({ object_id: 1003, owner_id: athlete }));
    await settle();
    const [ev] = await rows<{ status: string; error: string }>(
      sql`select status, error from webhook_events where event_key like 'activity:1003:%'`,
    );
    expect(ev).toMatchObject({ status: 'failed' });
    expect(ev!.error).toMatch(/failed authentication/);
    expect(stravaSim.server.count('GET', '/api/v3/activities/1003')).toBe(calls);
  });

  it('outage: the circuit opens after 5 failures, the event is retried later and nothing is lost', async () => {
    // Fresh tokens (the previous test broke them), then Strava goes down.
    const again = await connect(runnerToken, 'strava', String(athlete));
    expect(again.status).toBe(200);
    const breakers = s.server.app.get(ProviderBreakers);
    let now = Date.now();
    breakers.now = () => now;
    const { activity, streams } = stravaRun(1004, new Date(startOf(7)).toISOString(), 25);
    stravaSim.put(athlete, activity, streams);
    stravaSim.server.outage = '503';
    expect(
      await stravaSim.deliver(
        `${webhooks()}/strava`,
        stravaSim.event({ object_id: 1004, owner_id: athlete }),
      ),
    ).toBe(200);
    await until('the circuit to open', async () => breakers.get('strava').state === 'open');
    const hits = stravaSim.server.count('GET', '/api/v3/activities/1004');
    expect(hits).toBe(5);
    // Open: retries fail fast without calling Strava.
    await new Promise((r) => setTimeout(r, 1500));
    expect(stravaSim.server.count('GET', '/api/v3/activities/1004')).toBe(hits);
    const [pending] = await rows<{ status: string }>(
      sql`select status from webhook_events where event_key like 'activity:1004:%'`,
    );
    expect(pending!.status).toBe('pending');
    // Strava is back and 30 s have passed: the next retry (half-open trial) gets through.
    stravaSim.server.outage = 'none';
    now += 30_000;
    await until('the activity', async () => {
      const list = await s.api.get('/activities', runnerToken);
      return list.body.activities.some(
        (a: { durationSec: number; source: string }) => a.source === 'strava' && a.durationSec === 1500,
      );
    });
    expect(breakers.get('strava').state).toBe('closed');
    const [done] = await rows<{ status: string }>(
      sql`select status from webhook_events where event_key like 'activity:1004:%'`,
    );
    expect(done!.status).toBe('done');
  }, 60_000);

  it('Training API: the next 7 days of structured workouts are pushed to Garmin as FIT workout files', async () => {
    await onboard(s.api, runnerToken, everyDayBody());
    const from = new Date().toISOString().slice(0, 10);
    const current = await s.api.get('/plan/current', runnerToken);
    const week = (
      current.body.workouts as { id: string; date: string; structure: { steps: { type: string }[] } }[]
    )
      .filter(
        (w) => w.date >= from && w.date <= new Date(Date.parse(from) + 6 * DAY).toISOString().slice(0, 10),
      )
      .filter((w) => w.structure.steps.length > 0);
    expect(week.length).toBeGreaterThan(0);
    const res = await s.api.post('/integrations/garmin/workouts', {}, runnerToken);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.pushed.map((p: { workoutId: string }) => p.workoutId).sort()).toEqual(
      week.map((w) => w.id).sort(),
    );
    const received = garminSim.workouts.filter((w) => w.user === garminUser);
    expect(received).toHaveLength(week.length);
    for (const [i, w] of week.entries()) {
      expect(received[i]!.workout.structure.steps.map((x) => x.type)).toEqual(
        w.structure.steps.map((x) => x.type),
      );
    }
  });

  it('disconnect deletes the tokens, and with deleteData the activities the provider brought', async () => {
    await settle();
    const garminDay = new Date(startOf(3)).toISOString().slice(0, 10);
    const loadOn = async (date: string) =>
      (
        await rows<{ load: number }>(
          sql`select load from rolling_stats where user_id = ${runnerId} and date = ${date}`,
        )
      )[0]?.load;
    // The runner rates the Garmin run of that day: it now counts in the load.
    const garminRunOfDay = (await s.api.get('/activities', runnerToken)).body.activities.find(
      (a: { source: string; date: string }) => a.source === 'garmin' && a.date === garminDay,
    );
    expect((await s.api.patch(`/activities/${garminRunOfDay.id}`, { rpe: 6 }, runnerToken)).status).toBe(200);
    await settle();
    expect(await loadOn(garminDay)).toBeGreaterThan(0);
    const res = await s.api.request('DELETE', '/integrations/garmin?deleteData=true', { token: runnerToken });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.deletedActivities).toBe(2);
    // The load is recomputed without them (UpdateRollingStats queued from the earliest day that lost one).
    await settle();
    expect(await loadOn(garminDay)).toBe(0);
    expect(
      await rows(sql`select 1 from provider_connections where user_id = ${runnerId} and provider = 'garmin'`),
    ).toEqual([]);
    const list = await s.api.get('/activities', runnerToken);
    expect(list.body.activities.filter((a: { source: string }) => a.source === 'garmin')).toHaveLength(0);
    // Strava is asked to deauthorize the app with the runner's token before ours are deleted.
    const deauthorized = stravaSim.server.count('POST', '/oauth/deauthorize');
    const [stravaToken] = [...stravaSim.oauth.access].find(([, u]) => u === String(athlete)) ?? [];
    expect(stravaToken).toBeDefined();
    const keep = await s.api.request('DELETE', '/integrations/strava', { token: runnerToken });
    expect(keep.status, JSON.stringify(keep.body)).toBe(200);
    expect(keep.body.deletedActivities).toBe(0);
    expect(stravaSim.server.count('POST', '/oauth/deauthorize')).toBe(deauthorized + 1);
    expect(stravaSim.oauth.access.has(stravaToken!)).toBe(false);
    expect(
      (await s.api.get('/activities', runnerToken)).body.activities.some(
        (a: { source: string }) => a.source === 'strava',
      ),
    ).toBe(true);
  });

  it('a failing Strava deauthorize does not block the local disconnect', async () => {
    expect((await connect(runnerToken, 'strava', String(athlete))).status).toBe(200);
    const tried = stravaSim.server.count('POST', '/oauth/deauthorize');
    stravaSim.server.outage = '503';
    try {
      const res = await s.api.request('DELETE', '/integrations/strava', { token: runnerToken });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    } finally {
      stravaSim.server.outage = 'none';
    }
    expect(stravaSim.server.count('POST', '/oauth/deauthorize')).toBe(tried + 1);
    expect(
      await rows(sql`select 1 from provider_connections where user_id = ${runnerId} and provider = 'strava'`),
    ).toEqual([]);
  });

  it('MyFitnessPal: connect, callback and disconnect through the OAuth connection service', async () => {
    const { accessToken, user } = await register(s.api);
    const listed = await s.api.get('/integrations', accessToken);
    expect(listed.body.integrations).toContainEqual(
      expect.objectContaining({ provider: 'myfitnesspal', configured: true, connected: false }),
    );
    const done = await connect(accessToken, 'myfitnesspal', '2320694511409');
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({
      provider: 'myfitnesspal',
      connected: true,
      externalUserId: '2320694511409',
    });
    const consent = new URL(done.authorizeUrl);
    expect(consent.origin + consent.pathname).toBe(`${mfpSim.url}/oauth2/authorize`);
    expect(consent.searchParams.get('client_id')).toBe('mfp-client');
    expect(consent.searchParams.has('code_challenge')).toBe(false);
    expect(mfpSim.count('POST', '/oauth2/token')).toBe(1);
    // The stored token is sealed, and it is the one MyFitnessPal issued (it reads the diary).
    const [conn] = await rows<{ access_token_enc: string }>(
      sql`select access_token_enc from provider_connections where user_id = ${user.id} and provider = 'myfitnesspal'`,
    );
    const issued = [...mfpSim.oauth.access].find(([, u]) => u === '2320694511409')![0];
    expect(conn!.access_token_enc).toMatch(/^v1\./);
    expect(conn!.access_token_enc).not.toContain(issued);
    // With deleteData, the nutrition days MyFitnessPal brought go; the runner's own entries stay.
    await s.server.db.execute(
      sql`insert into nutrition_days (user_id, date, source, intake_kcal) values
          (${user.id}, '2026-11-01', 'myfitnesspal', 2100), (${user.id}, '2026-11-02', 'manual', 1900)`,
    );
    const res = await s.api.request('DELETE', '/integrations/myfitnesspal?deleteData=true', {
      token: accessToken,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ deletedActivities: 0, deletedNutritionDays: 1 });
    expect(
      await rows(sql`select source from nutrition_days where user_id = ${user.id} order by date`),
    ).toEqual([{ source: 'manual' }]);
    const again = await s.api.request('DELETE', '/integrations/myfitnesspal', { token: accessToken });
    expect(again.status).toBe(404);
  });

  // A 60 kg, 168 cm runner (fat-free mass ~46 kg) running 15 km on each of the last three days, who logs in
  // MyFitnessPal 1800 kcal a day: (1800 − 900) / 46 ≈ 20 kcal/kg FFM, a RED-S risk from the diary alone.
  const mfpAccount = '7100200300';
  const today = todayUtc();
  const day = (k: number) => addDays(today, k);
  const lowDay = (date: string) => [
    meal(date, 'Breakfast', 800, 100, 40, 20),
    meal(date, 'Dinner', 4184, 150, 50, 30, true), // 1000 kcal
  ];
  let mfpToken = '';
  let mfpSyncId = '';
  const nutritionDays = async (token: string) =>
    (await s.api.get(`/nutrition/days?from=${day(-30)}&to=${today}`, token)).body.days as {
      date: string;
      source: string;
      intakeKcal: number;
    }[];
  const nutritionAlerts = async (token: string) =>
    ((await s.api.get('/alerts?active=true', token)).body.alerts as { kind: string; date: string }[]).filter(
      (a) => a.kind.startsWith('nutrition_'),
    );
  /** Until the import is no longer pending; its last status. */
  const finished = (token: string, id: string, ms?: number) =>
    until(
      `MyFitnessPal import ${id}`,
      async () => {
        const res = await s.api.get(`/integrations/myfitnesspal/sync/${id}`, token);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        return res.body.status !== 'pending' && (res.body as { status: string; error?: string });
      },
      ms,
    );

  it('MyFitnessPal: connecting imports the last 14 days (token refreshed); the runner’s own entries stay', async () => {
    const { accessToken, user } = await register(s.api);
    mfpToken = accessToken;
    await onboard(s.api, accessToken, onboardingBody());
    for (const date of [day(-3), day(-2), day(-1)]) {
      const run = { date, type: 'run', durationSec: 90 * 60, distanceMeters: 15_000, rpe: 6 };
      expect((await s.api.post('/activities', run, accessToken)).status).toBe(201);
    }
    for (const date of [day(-12), day(-3), day(-2), day(-1)]) mfpSim.setDiary(date, lowDay(date), mfpAccount);
    mfpSim.setDiary(day(-20), lowDay(day(-20)), mfpAccount); // before the 14 days
    mfpSim.setDiary(day(-10), lowDay(day(-10)), mfpAccount);
    // The runner entered day −10 by hand: what they said they ate wins over the diary.
    const manual = await s.api.request('PUT', `/nutrition/days/${day(-10)}`, {
      json: { intakeKcal: 2222 },
      token: accessToken,
    });
    expect(manual.status).toBe(200);
    // Tokens that expire within the refresh margin: the import refreshes through the connection service.
    mfpSim.oauth.expiresIn = 60;
    const tokenCalls = mfpSim.count('POST', '/oauth2/token');
    const diaryCalls = mfpSim.count('GET', '/v2/diary');
    const done = await connect(accessToken, 'myfitnesspal', mfpAccount);
    mfpSim.oauth.expiresIn = 21_600;
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.syncId).toEqual(expect.any(String));
    expect(await finished(accessToken, String(done.body.syncId))).toMatchObject({ status: 'done' });
    expect(mfpSim.count('GET', '/v2/diary') - diaryCalls).toBe(14);
    expect(mfpSim.count('POST', '/oauth2/token') - tokenCalls).toBe(2); // the code exchange, one refresh
    const totals = {
      source: 'myfitnesspal',
      intakeKcal: 1800,
      carbsGrams: 250,
      proteinGrams: 90,
      fatGrams: 50,
    };
    expect(await nutritionDays(accessToken)).toEqual([
      { date: day(-12), ...totals },
      { date: day(-10), source: 'manual', intakeKcal: 2222 },
      { date: day(-3), ...totals },
      { date: day(-2), ...totals },
      { date: day(-1), ...totals },
    ]);
    expect(await nutritionAlerts(accessToken)).toContainEqual(
      expect.objectContaining({ kind: 'nutrition_red_s_risk', date: day(-1) }),
    );
    expect(await rows(sql`select kind, status from webhook_events where user_id = ${user.id}`)).toEqual([
      { kind: 'connect', status: 'done' },
    ]);
  });

  it('MyFitnessPal: an explicit sync is queued (202) and followed; bad ranges name the field; others see nothing', async () => {
    mfpSim.setDiary(day(-2), [meal(day(-2), 'Lunch', 3100, 420, 120, 80)], mfpAccount);
    const res = await s.api.post('/integrations/myfitnesspal/sync', { from: day(-2) }, mfpToken);
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toMatchObject({ status: 'pending', from: day(-2), to: today });
    mfpSyncId = res.body.syncId;
    expect(await finished(mfpToken, mfpSyncId)).toMatchObject({
      status: 'done',
      finishedAt: expect.any(String),
    });
    expect((await nutritionDays(mfpToken)).find((d) => d.date === day(-2))).toMatchObject({
      source: 'myfitnesspal',
      intakeKcal: 3100,
    });
    // No body: the last 14 days.
    const plain = await s.api.post('/integrations/myfitnesspal/sync', undefined, mfpToken);
    expect(plain.status).toBe(202);
    expect(plain.body).toMatchObject({ from: day(-13), to: today });
    await finished(mfpToken, plain.body.syncId);

    for (const [body, field] of [
      [{ from: today, to: day(-1) }, 'from'],
      [{ from: day(-92) }, 'from'],
      [{ to: day(5) }, 'to'],
      [{ from: '2027-02-30' }, 'from'],
      [{ from: day(-1), extra: 1 }, 'extra'],
    ] as const) {
      const bad = await s.api.post('/integrations/myfitnesspal/sync', body, mfpToken);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.error.message).toMatch(new RegExp(`^${field}: `));
    }
    expect((await s.api.post('/integrations/myfitnesspal/sync', { from: day(-91) }, mfpToken)).status).toBe(
      202,
    );

    const other = await register(s.api);
    const notConnected = await s.api.post('/integrations/myfitnesspal/sync', {}, other.accessToken);
    expect(notConnected.status).toBe(404);
    expect(notConnected.body.error).toMatchObject({
      code: 'NOT_CONNECTED',
      message: 'provider: myfitnesspal is not connected',
    });
    expect((await s.api.get(`/integrations/myfitnesspal/sync/${mfpSyncId}`, other.accessToken)).status).toBe(
      404,
    );
    expect(await nutritionDays(other.accessToken)).toEqual([]);
    expect(await nutritionAlerts(other.accessToken)).toEqual([]);
    await settle();
  });

  it('MyFitnessPal: with the job queue down an explicit sync is a 503 and leaves no import pending', async () => {
    await settle();
    const queue = queueOf(s.server);
    const add = queue.add;
    queue.add = () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379'));
    try {
      const res = await s.api.post(
        '/integrations/myfitnesspal/sync',
        { from: day(-1), to: day(-1) },
        mfpToken,
      );
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ code: 'QUEUE_UNAVAILABLE' });
    } finally {
      queue.add = add;
    }
    const imports = await rows<{ status: string; error: string | null }>(
      sql`select status, error from webhook_events where provider = 'myfitnesspal' and kind = 'sync'
          and received_at > now() - interval '1 minute' order by received_at desc limit 1`,
    );
    expect(imports).toEqual([{ status: 'failed', error: 'the job queue is unavailable' }]);
  });

  it('MyFitnessPal outage: the import waits in the queue (pending), nothing is lost, and lands when it is back', async () => {
    await settle();
    const breakers = s.server.app.get(ProviderBreakers);
    let now = Date.now();
    breakers.now = () => now;
    mfpSim.setDiary(day(-1), [meal(day(-1), 'Dinner', 2900, 400, 110, 70)], mfpAccount);
    mfpSim.outage = '503';
    try {
      const res = await s.api.post(
        '/integrations/myfitnesspal/sync',
        { from: day(-1), to: day(-1) },
        mfpToken,
      );
      expect(res.status).toBe(202);
      await until('the circuit to open', async () => breakers.get('myfitnesspal').state === 'open');
      const calls = mfpSim.count('GET', '/v2/diary');
      await new Promise((r) => setTimeout(r, 1500));
      expect(mfpSim.count('GET', '/v2/diary')).toBe(calls); // open: retries fail fast
      const pending = await s.api.get(`/integrations/myfitnesspal/sync/${res.body.syncId}`, mfpToken);
      expect(pending.body.status).toBe('pending');
      expect((await nutritionDays(mfpToken)).find((d) => d.date === day(-1))!.intakeKcal).toBe(1800);
      mfpSim.outage = 'none';
      now += 30_000;
      expect(await finished(mfpToken, res.body.syncId)).toMatchObject({ status: 'done' });
    } finally {
      mfpSim.outage = 'none';
    }
    expect(breakers.get('myfitnesspal').state).toBe('closed');
    expect((await nutritionDays(mfpToken)).find((d) => d.date === day(-1))!.intakeKcal).toBe(2900);
  }, 60_000);

  it('MyFitnessPal daily job: yesterday and today for every connected runner, once a day', async () => {
    mfpSim.setDiary(today, [meal(today, 'Breakfast', 600, 80, 30, 15)], mfpAccount);
    const q = queueOf(s.server);
    await q.add(MFP_DAILY_JOB, {});
    await q.add(MFP_DAILY_JOB, {});
    await until('the daily import', async () =>
      (await nutritionDays(mfpToken)).some((d) => d.date === today && d.intakeKcal === 600),
    );
    await settle();
    const daily = await rows<{ payload: { from: string; to: string }; status: string }>(
      sql`select payload, status from webhook_events where provider = 'myfitnesspal' and kind = 'daily'`,
    );
    expect(daily).toEqual([{ payload: { from: day(-1), to: today }, status: 'done' }]);
  });

  it('MyFitnessPal disconnect with deleteData: its days go and the RED-S alert they raised clears', async () => {
    // Back to the low diary on the run days, so the alert stands on MyFitnessPal's days alone.
    for (const date of [day(-2), day(-1), today]) mfpSim.setDiary(date, lowDay(date), mfpAccount);
    const res = await s.api.post('/integrations/myfitnesspal/sync', { from: day(-2) }, mfpToken);
    expect(await finished(mfpToken, res.body.syncId)).toMatchObject({ status: 'done' });
    expect((await nutritionAlerts(mfpToken)).map((a) => a.kind)).toContain('nutrition_red_s_risk');
    const gone = await s.api.request('DELETE', '/integrations/myfitnesspal?deleteData=true', {
      token: mfpToken,
    });
    expect(gone.status, JSON.stringify(gone.body)).toBe(200);
    expect(gone.body).toEqual({ deletedActivities: 0, deletedNutritionDays: 6 }); // −20 (the 92-day sync) … today
    expect(await nutritionDays(mfpToken)).toEqual([{ date: day(-10), source: 'manual', intakeKcal: 2222 }]);
    expect(await nutritionAlerts(mfpToken)).toEqual([]);
    // Not connected any more: an explicit sync is refused, a daily run skips the runner.
    expect((await s.api.post('/integrations/myfitnesspal/sync', {}, mfpToken)).status).toBe(404);
  });
});

describe.each(BACKENDS)('webhooks and the per-IP rate limit on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  const stravaSim = new StravaSimulator();
  beforeAll(() => stravaSim.start());
  afterAll(() => stravaSim.server.close());
  const LIMIT = 5;
  const s = useServer(backend, () => ({
    STRAVA_CLIENT_ID: stravaSim.oauth.clientId,
    STRAVA_CLIENT_SECRET: stravaSim.oauth.clientSecret,
    STRAVA_SUBSCRIPTION_ID: String(stravaSim.subscriptionId),
    STRAVA_BASE_URL: stravaSim.url,
    RATE_LIMIT_PER_MINUTE: String(LIMIT),
  }));

  it('MyFitnessPal without partner credentials: connect is refused, disconnect finds nothing', async () => {
    const { accessToken } = await register(s.api);
    const listed = await s.api.get('/integrations', accessToken);
    expect(listed.body.integrations).toContainEqual(
      expect.objectContaining({ provider: 'myfitnesspal', configured: false, connected: false }),
    );
    const res = await s.api.post('/integrations/myfitnesspal/connect', undefined, accessToken);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'PROVIDER_NOT_CONFIGURED' });
    expect(res.body.error.message).toMatch(/^provider: myfitnesspal/);
    const gone = await s.api.request('DELETE', '/integrations/myfitnesspal', { token: accessToken });
    expect(gone.status).toBe(404);
    const sync = await s.api.post('/integrations/myfitnesspal/sync', {}, accessToken);
    expect(sync.status).toBe(409);
    expect(sync.body.error).toMatchObject({
      code: 'PROVIDER_NOT_CONFIGURED',
      message: 'provider: myfitnesspal is not configured on this server',
    });
  });
  it('a burst of valid deliveries beyond the limit is accepted and processed; other public routes are limited', async () => {
    const athlete = 777;
    const { accessToken, user } = await register(s.api);
    const start = await s.api.post('/integrations/strava/connect', undefined, accessToken);
    expect((await fetch(stravaSim.oauth.approve(start.body.authorizeUrl, String(athlete)))).status).toBe(200);
    const burst = LIMIT * 4;
    for (let i = 0; i < burst; i++) {
      const { activity, streams } = stravaRun(5000 + i, new Date(startOf(1) - i * 3600_000).toISOString(), 1);
      stravaSim.put(athlete, activity, streams);
    }
    const statuses = await Promise.all(
      Array.from({ length: burst }, (_, i) =>
        stravaSim.deliver(
          `${s.server.url}/webhooks/strava`,
          stravaSim.event({ object_id: 5000 + i, owner_id: athlete }),
        ),
      ),
    );
    expect(statuses).toEqual(Array.from({ length: burst }, () => 200));
    // Read in the database: the runner's own API calls are limited too.
    await until('every delivered activity', async () => {
      const [n] = await queryRows<{ n: number }>(
        s.server.db,
        sql`select count(*)::int as n from activities where user_id = ${user.id} and source = 'strava'`,
      );
      return n!.n === burst;
    });
    // The limit is on for everything else from this IP: the public callback is refused past it.
    const hits = await Promise.all(
      Array.from({ length: LIMIT + 1 }, () =>
        fetch(`${s.server.url}/api/v1/integrations/strava/callback?state=x`).then((r) => r.status),
      ),
    );
    expect(hits).toContain(429);
  });
});
