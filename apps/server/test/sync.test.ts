import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { BACKENDS, skipBackend } from './helpers/backends.ts';
import { addDays, onboard, todayUtc } from './helpers/domain.ts';
import { queueOf, waitForIdle } from './helpers/pipelines.ts';
import { register, snapshot, useServer } from './helpers/suite.ts';
import { ids, pull, push, run } from './helpers/sync-api.ts';

const TABLES = [
  'user_settings',
  'training_plans',
  'scheduled_workouts',
  'activities',
  'daily_metrics',
  'rolling_stats',
  'alerts',
];

// Several HTTP round trips a test (some build a plan): more than the default 5 s on a busy 2-core machine.
vi.setConfig({ testTimeout: 30_000 });

describe.each(BACKENDS)('sync on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  const s = useServer(backend);

  it('first pull: every table, nothing as created, the settings record, a server timestamp', async () => {
    const { accessToken, user } = await register(s.api);
    const body = await pull(s.api, accessToken);
    expect(Object.keys(body.changes).sort()).toEqual([...TABLES].sort());
    for (const t of TABLES) expect(body.changes[t]!.created).toEqual([]);
    expect(body.changes.user_settings!.updated).toEqual([
      expect.objectContaining({ id: user.id, units: 'km', time_zone: 'UTC', notifications_push: true }),
    ]);
    expect(body).toMatchObject({ hasMore: false, nextCursor: null });
    expect(body.timestamp).toBeGreaterThanOrEqual(1);
    // Nothing changed since: an empty incremental pull.
    const again = await pull(s.api, accessToken, `last_pulled_at=${body.timestamp}`);
    for (const t of TABLES) expect(again.changes[t]).toEqual({ created: [], updated: [], deleted: [] });
    expect(again.timestamp).toBe(body.timestamp);
  });

  it('push creates, pull returns them as updated; REST writes and plans bump the cursor too', async () => {
    const { accessToken } = await register(s.api);
    const t0 = (await pull(s.api, accessToken)).timestamp!;
    const res = await push(
      s.api,
      accessToken,
      {
        activities: { created: [run('wmActivity000001', { rpe: 6, _status: 'created', _changed: '' })] },
        daily_metrics: { created: [{ id: 'wmMetrics0000001', date: todayUtc(), resting_hr: 50 }] },
      },
      { since: t0 },
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, conflicts: [] });
    const p1 = await pull(s.api, accessToken, `last_pulled_at=${t0}`);
    expect(p1.timestamp).toBeGreaterThan(t0);
    expect(p1.changes.activities!.updated).toEqual([
      expect.objectContaining({ id: 'wmActivity000001', source: 'manual', rpe: 6, internal_load: 180 }),
    ]);
    expect(ids(p1.changes.daily_metrics!.updated)).toEqual(['wmMetrics0000001']);

    // A REST write lands on the next pull; onboarding's plan and workouts too.
    await onboard(s.api, accessToken);
    const rest = await s.api.post(
      '/activities',
      { date: todayUtc(), type: 'bike', durationSec: 600 },
      accessToken,
    );
    expect(rest.status).toBe(201);
    const p2 = await pull(s.api, accessToken, `last_pulled_at=${p1.timestamp}`);
    expect(ids(p2.changes.activities!.updated)).toEqual([rest.body.id]);
    expect(p2.changes.training_plans!.updated).toHaveLength(1);
    expect(p2.changes.scheduled_workouts!.updated.length).toBeGreaterThan(10);
    // The activity endpoint reads client-made ids.
    expect((await s.api.get('/activities/wmActivity000001', accessToken)).body).toMatchObject({ rpe: 6 });
  });

  it('deletes stay deleted: a tombstone is pulled, a later push of that id is ignored', async () => {
    const { accessToken } = await register(s.api);
    await push(s.api, accessToken, { activities: { created: [run('wmGone0000000001')] } });
    const t1 = (await pull(s.api, accessToken)).timestamp!;
    expect(
      (await push(s.api, accessToken, { activities: { deleted: ['wmGone0000000001', 'neverExisted0001'] } }))
        .status,
    ).toBe(200);
    const p = await pull(s.api, accessToken, `last_pulled_at=${t1}`);
    expect(p.changes.activities).toEqual({ created: [], updated: [], deleted: ['wmGone0000000001'] });
    const again = await push(s.api, accessToken, {
      activities: { updated: [run('wmGone0000000001', { rpe: 9 })] },
    });
    expect(again.body.conflicts).toEqual([
      expect.objectContaining({ id: 'wmGone0000000001', rule: 'deleted' }),
    ]);
    const after = await pull(s.api, accessToken, `last_pulled_at=${p.timestamp}`);
    expect(after.changes.activities!.updated).toEqual([]);
    expect((await pull(s.api, accessToken)).changes.activities!.updated).toEqual([]);
  });

  it('the same Idempotency-Key replays the stored answer and applies nothing again', async () => {
    const { accessToken } = await register(s.api);
    const first = await push(
      s.api,
      accessToken,
      { activities: { created: [run('wmIdem0000000001', { rpe: 3 })] } },
      { key: 'k-1' },
    );
    expect(first.status).toBe(200);
    const t = (await pull(s.api, accessToken)).timestamp!;
    // Same key, different body: the stored answer, and the body is not applied.
    const replay = await push(
      s.api,
      accessToken,
      { activities: { updated: [run('wmIdem0000000001', { rpe: 9 })] } },
      { key: 'k-1' },
    );
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    const p = await pull(s.api, accessToken, `last_pulled_at=${t}`);
    expect(p.changes.activities!.updated).toEqual([]);
    // Applying the same changes again under a new key changes nothing either (an upsert by id).
    await push(
      s.api,
      accessToken,
      { activities: { created: [run('wmIdem0000000001', { rpe: 3 })] } },
      { key: 'k-2' },
    );
    const p2 = await pull(s.api, accessToken, `last_pulled_at=${t}`);
    expect(p2.changes.activities!.updated).toEqual([]);
  });

  it('bad records reject the whole push, each named, and nothing is written', async () => {
    const { accessToken, user } = await register(s.api);
    // Earlier pushes' pipelines (loads → rolling stats) settle first: only this push may change anything.
    await waitForIdle(queueOf(s.server));
    const before = await snapshot(s.server.db);
    const res = await push(s.api, accessToken, {
      activities: {
        created: [run('wmGood0000000001'), run('wmBad00000000001', { duration_sec: -5, colour: 'red' })],
      },
      daily_metrics: { created: [{ id: 'wmBadMetric00001', date: '2025-02-30' }] },
      alerts: { updated: [{ id: 'a1', title: 'x' }] },
      user_settings: { updated: [{ id: 'someone-else', units: 'mi' }] },
      pets: { created: [{ id: 'p1' }] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('SYNC_REJECTED');
    const records = res.body.error.details.records as {
      table: string;
      id: string | null;
      field: string | null;
    }[];
    expect(records).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ table: 'activities', id: 'wmBad00000000001', field: 'duration_sec' }),
        expect.objectContaining({ table: 'activities', id: 'wmBad00000000001', field: 'colour' }),
        expect.objectContaining({ table: 'daily_metrics', id: 'wmBadMetric00001', field: 'date' }),
        expect.objectContaining({ table: 'alerts', id: 'a1' }),
        expect.objectContaining({ table: 'user_settings', id: 'someone-else', field: 'id' }),
        expect.objectContaining({ table: 'pets', id: null, field: null }),
      ]),
    );
    expect(records.some((r) => r.id === 'wmGood0000000001')).toBe(false);
    expect(await snapshot(s.server.db)).toEqual(before);
    expect(user.id).toBeTruthy();
  });

  it('settings: last write by server receipt wins; a second runner sees nothing of the first', async () => {
    const a = await register(s.api);
    const b = await register(s.api);
    const place = { lat: 52.52, lon: 13.4 };
    await s.api.patch('/me', { settings: { location: place } }, a.accessToken);
    await push(s.api, a.accessToken, { user_settings: { updated: [{ id: a.user.id, units: 'mi' }] } });
    await push(s.api, a.accessToken, {
      user_settings: { updated: [{ id: a.user.id, units: 'km', time_zone: 'Europe/Paris' }] },
    });
    expect((await pull(s.api, a.accessToken)).changes.user_settings!.updated[0]).toMatchObject({
      units: 'km',
      time_zone: 'Europe/Paris',
    });
    // The synced record does not carry the location: a push keeps it.
    expect((await s.api.get('/me', a.accessToken)).body.settings.location).toEqual(place);
    await push(s.api, a.accessToken, { activities: { created: [run('wmPrivate0000001')] } });
    const other = await pull(s.api, b.accessToken);
    expect(other.changes.activities!.updated).toEqual([]);
    expect(ids(other.changes.user_settings!.updated)).toEqual([b.user.id]);
    // Another runner's id is not theirs to delete.
    await push(s.api, b.accessToken, { activities: { deleted: ['wmPrivate0000001'] } });
    expect(ids((await pull(s.api, a.accessToken)).changes.activities!.updated)).toEqual(['wmPrivate0000001']);
  });

  it('pages by (version, id) with a cursor; the timestamp comes only with the last page', async () => {
    const { accessToken } = await register(s.api);
    const created = Array.from({ length: 7 }, (_, i) =>
      run(`wmPage${String(i).padStart(10, '0')}`, { start_time: null }),
    );
    for (const r of created) await push(s.api, accessToken, { activities: { created: [r] } });
    // The pushes' pipelines (loads → rolling stats) settle first: the last page's timestamp is then the clock.
    await waitForIdle(queueOf(s.server));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    let last;
    do {
      last = await pull(s.api, accessToken, `limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      pages++;
      seen.push(...last.changes.activities!.updated.map((r) => String(r.id)));
      if (last.hasMore) expect(last.timestamp).toBeNull();
      cursor = last.nextCursor;
    } while (last.hasMore);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(seen.sort()).toEqual(created.map((r) => r.id).sort());
    expect(last.timestamp).toBe((await pull(s.api, accessToken)).timestamp);
    expect((await s.api.get('/sync?cursor=bm9wZQ', accessToken)).body.error.code).toBe('INVALID_CURSOR');
  });

  it('a first sync covers 90 days unless asked for more', async () => {
    const { accessToken } = await register(s.api);
    await push(s.api, accessToken, {
      activities: {
        created: [run('wmOld00000000001', { date: addDays(todayUtc(), -120) }), run('wmNew00000000001')],
      },
    });
    expect(ids((await pull(s.api, accessToken)).changes.activities!.updated)).toEqual(['wmNew00000000001']);
    expect(ids((await pull(s.api, accessToken, 'window_days=0')).changes.activities!.updated)).toEqual([
      'wmNew00000000001',
      'wmOld00000000001',
    ]);
  });

  it('gzip both ways', async () => {
    const { accessToken } = await register(s.api);
    const changes = {
      activities: {
        created: Array.from({ length: 20 }, (_, i) =>
          run(`wmGzip${String(i).padStart(10, '0')}`, { notes: 'easy run in the park' }),
        ),
      },
    };
    const sent = await fetch(`${s.server.url}/api/v1/sync`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${accessToken}`,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      body: gzipSync(JSON.stringify({ changes })),
    });
    expect(sent.status).toBe(200);
    const res = await fetch(`${s.server.url}/api/v1/sync`, {
      headers: { authorization: `Bearer ${accessToken}`, 'accept-encoding': 'gzip' },
    });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    // fetch inflates transparently; the raw size is what went over the wire.
    const body = JSON.parse(await res.text());
    expect(body.changes.activities.updated).toHaveLength(20);
    const bad = await fetch(`${s.server.url}/api/v1/sync`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${accessToken}`,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      body: 'not gzip',
    });
    expect(bad.status).toBe(400);
    expect(gunzipSync(gzipSync('x')).toString()).toBe('x');
  });

  describe('activities: duplicates and device data, in both arrival orders', () => {
    const base = Date.parse(`${todayUtc()}T06:00:00Z`);
    const manual = (id: string, offsetMs = 0) =>
      run(id, {
        start_time: base + offsetMs,
        source: 'manual',
        rpe: 7,
        notes: 'felt strong',
        distance_meters: 9000,
      });
    const device = (id: string) =>
      run(id, { start_time: base, source: 'garmin', distance_meters: 10_123, avg_hr: 150 });

    for (const order of ['manual first', 'device first'] as const) {
      // Record ids are global keys: each test's own.
      const o = order === 'manual first' ? 'M' : 'D';
      it(`9:59 apart merge (${order}): device objective, manual subjective, the loser never comes back`, async () => {
        const { accessToken } = await register(s.api);
        const m = manual(`wmManual0000000${o}`, 599_000);
        const d = device(`wmDevice0000000${o}`);
        const [first, second] = order === 'manual first' ? [m, d] : [d, m];
        await push(s.api, accessToken, { activities: { created: [first] } });
        const t = (await pull(s.api, accessToken)).timestamp!;
        const res = await push(s.api, accessToken, { activities: { created: [second] } });
        expect(res.body.conflicts).toEqual([
          expect.objectContaining({ id: `wmManual0000000${o}`, rule: 'merged_duplicate' }),
        ]);
        const p = await pull(s.api, accessToken, `last_pulled_at=${t}`);
        expect(p.changes.activities!.updated).toEqual([
          expect.objectContaining({
            id: `wmDevice0000000${o}`,
            source: 'garmin',
            distance_meters: 10_123,
            rpe: 7,
            notes: 'felt strong',
          }),
        ]);
        if (order === 'manual first') expect(p.changes.activities!.deleted).toEqual([`wmManual0000000${o}`]);
        // The loser pushed again (a device that missed the merge) stays deleted.
        await push(s.api, accessToken, { activities: { updated: [m] } });
        const all = await pull(s.api, accessToken);
        expect(ids(all.changes.activities!.updated)).toEqual([`wmDevice0000000${o}`]);
      });

      it(`10:01 apart stay two (${order})`, async () => {
        const { accessToken } = await register(s.api);
        const m = manual(`wmManTwo0000000${o}`, 601_000);
        const d = device(`wmDevTwo0000000${o}`);
        for (const r of order === 'manual first' ? [m, d] : [d, m])
          expect((await push(s.api, accessToken, { activities: { created: [r] } })).status).toBe(200);
        expect(ids((await pull(s.api, accessToken)).changes.activities!.updated)).toEqual([
          `wmDevTwo0000000${o}`,
          `wmManTwo0000000${o}`,
        ]);
      });

      it(`objective fields: a device source wins over a manual edit (${order})`, async () => {
        const { accessToken } = await register(s.api);
        const edit = run(`wmEdit000000000${o}`, {
          start_time: base,
          source: 'manual',
          distance_meters: 8000,
          rpe: 4,
        });
        const dev = run(`wmEdit000000000${o}`, {
          start_time: base,
          source: 'garmin',
          distance_meters: 10_000,
        });
        for (const r of order === 'manual first' ? [edit, dev] : [dev, edit]) {
          await push(s.api, accessToken, { activities: { updated: [r] } });
        }
        expect((await pull(s.api, accessToken)).changes.activities!.updated).toEqual([
          expect.objectContaining({ source: 'garmin', distance_meters: 10_000, rpe: 4 }),
        ]);
      });
    }
  });

  it('daily metrics: merged per field, a second record of the same day merges into the first', async () => {
    const { accessToken } = await register(s.api);
    const day = todayUtc();
    await push(s.api, accessToken, {
      daily_metrics: { created: [{ id: 'wmDayPhone000001', date: day, resting_hr: 48 }] },
    });
    const res = await push(s.api, accessToken, {
      daily_metrics: { created: [{ id: 'wmDayWatch000001', date: day, hrv_rmssd: 70 }] },
    });
    expect(res.body.conflicts).toEqual([
      expect.objectContaining({ id: 'wmDayWatch000001', rule: 'merged_duplicate' }),
    ]);
    const p = await pull(s.api, accessToken);
    expect(p.changes.daily_metrics!.updated).toEqual([
      expect.objectContaining({ id: 'wmDayPhone000001', resting_hr: 48, hrv_rmssd: 70 }),
    ]);
  });

  if (backend === 'postgres') {
    it('a write that began before a pull and commits after it arrives on the next pull', async () => {
      const { accessToken, user } = await register(s.api);
      const t0 = (await pull(s.api, accessToken)).timestamp!;
      const writer = new pg.Client({ connectionString: s.database.env.DATABASE_URL });
      await writer.connect();
      try {
        await writer.query('begin');
        await writer.query(`select set_config('role', 'rc_app', true), set_config('app.user_id', $1, true)`, [
          user.id,
        ]);
        await writer.query(
          `insert into activities (id, user_id, date, type, source, duration_sec) values ('wmSlowWriter0001', $1, current_date, 'run', 'manual', 600)`,
          [user.id],
        );
        // Meanwhile another device writes and pulls: its pull cannot include the open write...
        const later = push(s.api, accessToken, { activities: { created: [run('wmFastWriter0001')] } });
        const during = await pull(s.api, accessToken, `last_pulled_at=${t0}`);
        expect(ids(during.changes.activities!.updated)).not.toContain('wmSlowWriter0001');
        await writer.query('commit');
        await later;
        // ...and the next pull, from that pull's timestamp, brings it.
        const next = await pull(s.api, accessToken, `last_pulled_at=${during.timestamp}`);
        expect(ids(next.changes.activities!.updated)).toContain('wmSlowWriter0001');
      } finally {
        await writer.end();
      }
    });
  }
});
