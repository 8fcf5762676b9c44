import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BACKENDS,
  createTestDatabase,
  skipBackend,
  startServer,
  type TestDatabase,
  type TestServer,
} from './helpers/backends.ts';
import { addDays, onboard, todayUtc } from './helpers/domain.ts';
import { type Client, client } from './helpers/http.ts';
import { queueOf, waitForIdle } from './helpers/pipelines.ts';
import { register } from './helpers/suite.ts';
import { type AdapterName, WatermelonDevice } from './helpers/watermelon-device.ts';

const ADAPTERS: AdapterName[] = ['lokijs', 'sqlite'];
const yesterday = () => addDays(todayUtc(), -1);
const run = (extra: Record<string, unknown> = {}) => ({
  date: yesterday(),
  type: 'run',
  source: 'manual',
  duration_sec: 2400,
  distance_meters: 8000,
  rpe: 4,
  notes: 'easy loop',
  ...extra,
});

// Acceptance 1: an unmodified WatermelonDB synchronize() (sendCreatedAsUpdated) against the real server over
// HTTP, with the LokiJS and the SQLite adapter, on PGlite and on PostgreSQL.
describe.each(BACKENDS)('WatermelonDB clients on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('RC_SKIP_PG=1');
  let database: TestDatabase;
  let server: TestServer;
  let api: Client;
  let setupError: unknown;
  beforeAll(async () => {
    try {
      database = await createTestDatabase(backend);
      server = await startServer(database);
      api = client(`${server.url}/api/v1`);
    } catch (err) {
      setupError = err;
    }
  }, 60_000);
  beforeEach(() => {
    if (setupError) throw setupError;
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  /** A runner with a plan, and two devices of theirs with fresh local databases. */
  async function runnerWithDevices(adapter: AdapterName) {
    const { user, accessToken } = await register(api);
    await onboard(api, accessToken);
    const base = `${server.url}/api/v1`;
    return {
      user,
      token: accessToken,
      phone: new WatermelonDevice(adapter, base, accessToken),
      browser: new WatermelonDevice(adapter, base, accessToken),
    };
  }

  describe.each(ADAPTERS)('%s adapter', (adapter) => {
    it('first sync brings the plan, the settings and server-made records', async () => {
      const { user, token, phone } = await runnerWithDevices(adapter);
      const logged = await api.post(
        '/activities',
        { date: yesterday(), type: 'run', durationSec: 1800, rpe: 5 },
        token,
      );
      expect(logged.status).toBe(201);
      await phone.sync();
      const local = await phone.dump();
      expect(local.training_plans).toHaveLength(1);
      expect(local.scheduled_workouts.length).toBeGreaterThan(10);
      expect(local.user_settings).toEqual([
        expect.objectContaining({ id: user.id, units: 'km', time_zone: 'UTC' }),
      ]);
      expect(local.activities).toEqual([
        expect.objectContaining({ id: logged.body.id, type: 'run', duration_sec: 1800, rpe: 5 }),
      ]);
      // Sent as `updated` only (WatermelonDB creates the missing ones), never `created`.
      for (const t of Object.values(phone.pulled[0]!.changes as Record<string, { created: unknown[] }>))
        expect(t.created).toEqual([]);
    });

    it('create, update and delete travel two-way between two devices and the server', async () => {
      const { token, phone, browser } = await runnerWithDevices(adapter);
      await phone.sync();
      await browser.sync();

      // create on the phone (a WatermelonDB id, not a uuid)
      const id = await phone.create('activities', run());
      expect(id).toMatch(/^[A-Za-z0-9]{16}$/);
      await phone.sync();
      const onServer = await api.get(`/activities/${id}`, token);
      expect(onServer.status).toBe(200);
      expect(onServer.body).toMatchObject({ id, distanceMeters: 8000, rpe: 4, notes: 'easy loop' });
      await browser.sync();
      expect(await browser.find('activities', id)).toMatchObject({
        distance_meters: 8000,
        notes: 'easy loop',
      });

      // update on the browser
      await browser.update('activities', id, { notes: 'felt strong', rpe: 6 });
      await browser.sync();
      expect((await api.get(`/activities/${id}`, token)).body).toMatchObject({
        notes: 'felt strong',
        rpe: 6,
      });
      await phone.sync();
      expect(await phone.find('activities', id)).toMatchObject({ notes: 'felt strong', rpe: 6 });

      // delete on the phone
      await phone.remove('activities', id);
      await phone.sync();
      expect((await api.get(`/activities/${id}`, token)).status).toBe(404);
      await browser.sync();
      expect(await browser.find('activities', id)).toBeNull();

      // daily metrics and settings, the other way round
      const day = await browser.create('daily_metrics', { date: yesterday(), resting_hr: 48, hrv_rmssd: 62 });
      const settingsId = (await browser.dump()).user_settings[0]!.id as string;
      await browser.update('user_settings', settingsId, { units: 'mi' });
      await browser.sync();
      await phone.sync();
      expect(await phone.find('daily_metrics', day)).toMatchObject({ resting_hr: 48, hrv_rmssd: 62 });
      expect(await phone.find('user_settings', settingsId)).toMatchObject({ units: 'mi' });
      expect((await api.get('/me', token)).body.settings.units).toBe('mi');
    });

    it('create → sync → delete → sync: the record never comes back', async () => {
      const { token, phone, browser } = await runnerWithDevices(adapter);
      await browser.sync();
      const id = await phone.create('activities', run({ notes: 'to be deleted' }));
      await phone.sync();
      await browser.sync();
      expect(await browser.find('activities', id)).not.toBeNull();

      await phone.remove('activities', id);
      await phone.sync();
      // More syncs, from both devices and a brand-new one: still gone everywhere.
      await phone.sync();
      await browser.sync();
      const fresh = new WatermelonDevice(adapter, `${server.url}/api/v1`, token);
      await fresh.sync();
      for (const d of [phone, browser, fresh]) expect(await d.find('activities', id)).toBeNull();
      expect((await api.get(`/activities/${id}`, token)).status).toBe(404);

      // A device that edited it offline before learning of the delete cannot resurrect it.
      const id2 = await phone.create('activities', run({ date: addDays(todayUtc(), -3), notes: 'second' }));
      await phone.sync();
      await browser.sync();
      await browser.update('activities', id2, { notes: 'edited offline' });
      await phone.remove('activities', id2);
      await phone.sync();
      await browser.sync();
      await phone.sync();
      for (const d of [phone, browser]) expect(await d.find('activities', id2)).toBeNull();
      expect((await api.get(`/activities/${id2}`, token)).status).toBe(404);
    });

    it("two devices of one runner converge to the server's state; another runner sees none of it", async () => {
      const { token, phone, browser } = await runnerWithDevices(adapter);
      await phone.sync();
      await browser.sync();
      await phone.create('activities', run({ date: addDays(todayUtc(), -2), notes: 'phone run' }));
      await browser.create('activities', run({ date: addDays(todayUtc(), -4), notes: 'browser run' }));
      await browser.create('daily_metrics', { date: addDays(todayUtc(), -2), sleep_quality: 4 });
      // The runner skips a coming workout (plans are the server's for today on: whatever it keeps, all agree).
      const workout = (await phone.dump()).scheduled_workouts.find((w) => w.type !== 'rest')!;
      await phone.update('scheduled_workouts', workout.id as string, { state: 'skipped' });
      await api.post('/activities', { date: addDays(todayUtc(), -6), type: 'run', durationSec: 1200 }, token);
      // Two rounds once the server's own jobs (rolling stats, adaptation) have settled: each device's
      // changes reach the other, and the server's derived rows stop changing underneath.
      await phone.sync();
      await browser.sync();
      await waitForIdle(queueOf(server));
      for (let i = 0; i < 2; i++) {
        await phone.sync();
        await browser.sync();
      }
      const a = await phone.dump();
      const b = await browser.dump();
      expect(b).toEqual(a);
      expect(a.activities.map((x) => x.notes).sort()).toEqual(['browser run', 'phone run', null].sort());
      // A fresh device (the server's whole state) agrees too.
      const fresh = new WatermelonDevice(adapter, `${server.url}/api/v1`, token);
      await fresh.sync();
      expect(await fresh.dump()).toEqual(a);

      const stranger = await register(api);
      const theirs = new WatermelonDevice(adapter, `${server.url}/api/v1`, stranger.accessToken);
      await theirs.sync();
      const seen = await theirs.dump();
      expect(seen.activities).toEqual([]);
      expect(seen.daily_metrics).toEqual([]);
      expect(seen.scheduled_workouts).toEqual([]);
      expect(seen.user_settings).toEqual([expect.objectContaining({ id: stranger.user.id })]);
    });
  });
});
