import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { queryRows } from '../src/db/connection.ts';
import { SyncPushService } from '../src/sync/sync-push.service.ts';
import type { AppRouter } from '../src/trpc/app-router.ts';
import { BACKENDS, skipBackend } from './helpers/backends.ts';
import { addDays, everyDayBody, onboard, todayUtc } from './helpers/domain.ts';
import { queueOf, waitForIdle } from './helpers/pipelines.ts';
import { register, snapshot, useServer } from './helpers/suite.ts';
import { byId, type PullBody, pull, push, run } from './helpers/sync-api.ts';

function trpc(url: string, token: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({ url: `${url}/trpc`, fetch, headers: () => ({ authorization: `Bearer ${token}` }) }),
    ],
  });
}

// Several HTTP round trips a test (some build a plan): more than the default 5 s on a busy 2-core machine.
vi.setConfig({ testTimeout: 30_000 });

describe.each(BACKENDS)('sync server work on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  const s = useServer(backend);

  describe('pushed records get the REST writes’ derived work', () => {
    it('a pushed check-in: readiness and sleep index stored, the plan adapted, like POST /daily-metrics', async () => {
      const { accessToken } = await register(s.api);
      await onboard(s.api, accessToken, everyDayBody());
      const t0 = (await pull(s.api, accessToken)).timestamp!;
      const day = todayUtc();
      const res = await push(s.api, accessToken, {
        daily_metrics: {
          created: [
            {
              id: 'wmRedDay00000001',
              date: day,
              resting_hr: 75,
              sleep_duration_minutes: 240,
              sleep_quality: 1,
              soreness: 5,
              stress: 5,
              mood: 1,
              morning_readiness: 1,
            },
          ],
        },
      });
      expect(res.status).toBe(200);
      const p = await pull(s.api, accessToken, `last_pulled_at=${t0}`);
      const m = byId(p.changes.daily_metrics!.updated, 'wmRedDay00000001')!;
      expect(JSON.parse(String(m.readiness))).toMatchObject({ color: 'red' });
      expect(m.sleep_index).toEqual(expect.any(Number));
      // The plan adapted from today: changed workouts come down on the same pull, and a notification says why.
      expect(p.changes.scheduled_workouts!.updated.some((w) => w.date === day)).toBe(true);
      const notes = (await s.api.get('/notifications', accessToken)).body.notifications as { kind: string }[];
      expect(notes.map((n) => n.kind)).toContain('plan_adapted');
    });

    it('a pushed activity: sRPE and TRIMP loads, then NormalizeActivity → rolling stats (after commit)', async () => {
      const { accessToken } = await register(s.api);
      await onboard(s.api, accessToken, everyDayBody());
      const t0 = (await pull(s.api, accessToken)).timestamp!;
      await push(s.api, accessToken, {
        activities: {
          created: [
            run('wmLoads000000001', { rpe: 6, avg_hr: 150, start_time: Date.now() - 3_600_000 }),
            // 5 km in 2 minutes: NormalizeActivity rejects it.
            run('wmTooFast0000001', { type: 'run', duration_sec: 120, start_time: Date.now() - 7_200_000 }),
          ],
        },
      });
      await waitForIdle(queueOf(s.server));
      const p = await pull(s.api, accessToken, `last_pulled_at=${t0}`);
      const a = byId(p.changes.activities!.updated, 'wmLoads000000001')!;
      expect(a.internal_load).toBe(180);
      expect(a.trimp).toEqual(expect.any(Number));
      expect(a.trimp as number).toBeGreaterThan(0);
      expect(byId(p.changes.activities!.updated, 'wmTooFast0000001')!.rejected_reason).toMatch(
        /world record/,
      );
      expect(p.changes.rolling_stats!.updated.find((r) => r.date === todayUtc())).toMatchObject({
        load: 180,
      });
      // The dashboard (cached before the push) shows the pushed load: the write invalidated it.
      const dash = await s.api.get('/dashboard/today', accessToken);
      expect(dash.status).toBe(200);
      expect(JSON.stringify(dash.body)).toContain('180');
    });

    it('the dashboard cache is dropped by a push', async () => {
      const { accessToken } = await register(s.api);
      await onboard(s.api, accessToken, everyDayBody());
      const before = await s.api.get('/dashboard/today', accessToken);
      expect(before.status).toBe(200);
      await push(s.api, accessToken, {
        daily_metrics: { created: [{ id: 'wmDash0000000001', date: todayUtc(), soreness: 5, stress: 5 }] },
      });
      const after = await s.api.get('/dashboard/today', accessToken);
      expect(JSON.stringify(after.body)).not.toEqual(JSON.stringify(before.body));
    });
  });

  describe('conflict log → alerts, undo for 24 h', () => {
    const base = () => Date.parse(`${todayUtc()}T06:00:00Z`);

    async function deviceWins(token: string, tag: string) {
      const id = `wmUndoDevice${tag}`;
      await push(s.api, token, {
        activities: {
          created: [run(id, { start_time: base(), source: 'garmin', distance_meters: 10_000 })],
        },
      });
      const res = await push(s.api, token, {
        activities: {
          updated: [run(id, { start_time: base(), source: 'manual', distance_meters: 8000, rpe: 5 })],
        },
      });
      expect(res.body.conflicts).toEqual([expect.objectContaining({ rule: 'device_wins' })]);
      const alert = (await pull(s.api, token)).changes.alerts!.updated.find(
        (a) => a.kind === 'sync_conflict',
      )!;
      expect(alert).toBeDefined();
      return JSON.parse(String(alert.data)) as { conflictId: string; rule: string; undoable: boolean };
    }

    it('device_wins: an alert per conflict; undo restores the runner’s value, bumps it, settles the alert', async () => {
      const { accessToken } = await register(s.api);
      const data = await deviceWins(accessToken, '0001');
      expect(data).toMatchObject({ rule: 'device_wins', undoable: true });
      const t = (await pull(s.api, accessToken)).timestamp!;
      const undo = await s.api.post(`/sync/conflicts/${data.conflictId}/undo`, undefined, accessToken);
      expect(undo.status).toBe(200);
      expect(undo.body).toMatchObject({
        id: data.conflictId,
        restored: [{ table: 'activities', id: 'wmUndoDevice0001' }],
      });
      const p = await pull(s.api, accessToken, `last_pulled_at=${t}`);
      expect(p.changes.activities!.updated).toEqual([
        expect.objectContaining({ id: 'wmUndoDevice0001', distance_meters: 8000, rpe: 5 }),
      ]);
      const alert = p.changes.alerts!.updated.find((a) => a.kind === 'sync_conflict')!;
      expect(alert.dismissed_at).toEqual(expect.any(Number));
      expect(JSON.parse(String(alert.data))).toMatchObject({ undone: true });
      // Undoing again answers the same and writes nothing (once the undo's own pipelines settled).
      await waitForIdle(queueOf(s.server));
      const before = await snapshot(s.server.db);
      const again = await s.api.post(`/sync/conflicts/${data.conflictId}/undo`, undefined, accessToken);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(undo.body);
      expect(await snapshot(s.server.db)).toEqual(before);
    });

    it('another runner’s conflict is 404; one older than 24 h is 410; nothing to undo is 409', async () => {
      const a = await register(s.api);
      const b = await register(s.api);
      const data = await deviceWins(a.accessToken, '0002');
      await waitForIdle(queueOf(s.server));
      const before = await snapshot(s.server.db);
      expect(
        (await s.api.post(`/sync/conflicts/${data.conflictId}/undo`, undefined, b.accessToken)).status,
      ).toBe(404);
      expect(
        (
          await s.api.post(
            '/sync/conflicts/00000000-0000-4000-8000-000000000000/undo',
            undefined,
            a.accessToken,
          )
        ).status,
      ).toBe(404);
      expect(await snapshot(s.server.db)).toEqual(before);
      await queryRows(
        s.server.db,
        sql`update sync_conflicts set created_at = now() - interval '25 hours' where id = ${data.conflictId}`,
      );
      const late = await s.api.post(`/sync/conflicts/${data.conflictId}/undo`, undefined, a.accessToken);
      expect(late.status).toBe(410);
      expect(late.body.error.code).toBe('UNDO_EXPIRED');
      // A pushed plan change: the server's plan stays, there is nothing of the runner's to put back.
      const { plan } = await onboard(s.api, a.accessToken, everyDayBody());
      await push(s.api, a.accessToken, {
        training_plans: { updated: [{ id: plan.id, status: 'archived' }] },
      });
      const alerts = (await pull(s.api, a.accessToken)).changes.alerts!.updated.map((x) =>
        JSON.parse(String(x.data)),
      );
      const planConflict = alerts.find((x) => x.table === 'training_plans');
      expect(planConflict).toMatchObject({ undoable: false });
      const none = await s.api.post(
        `/sync/conflicts/${planConflict.conflictId}/undo`,
        undefined,
        a.accessToken,
      );
      expect(none.status).toBe(409);
      expect(none.body.error.code).toBe('NOT_UNDOABLE');
    });

    for (const order of ['manual first', 'device first'] as const) {
      it(`merged duplicate activities (${order}): undo brings both back as they were`, async () => {
        const { accessToken } = await register(s.api);
        const o = order === 'manual first' ? 'M' : 'D';
        const m = run(`wmUndoMan000000${o}`, {
          start_time: base() + 60_000,
          source: 'manual',
          rpe: 7,
          notes: 'hills',
          distance_meters: 9000,
        });
        const d = run(`wmUndoDev000000${o}`, {
          start_time: base(),
          source: 'garmin',
          distance_meters: 10_123,
        });
        for (const r of order === 'manual first' ? [m, d] : [d, m])
          await push(s.api, accessToken, { activities: { created: [r] } });
        const merged = await pull(s.api, accessToken);
        expect(merged.changes.activities!.updated.map((r) => r.id)).toEqual([d.id]);
        const conflict = JSON.parse(
          String(merged.changes.alerts!.updated.find((a) => a.kind === 'sync_conflict')!.data),
        );
        expect(conflict).toMatchObject({ rule: 'merged_duplicate', recordId: m.id });
        expect(
          (await s.api.post(`/sync/conflicts/${conflict.conflictId}/undo`, undefined, accessToken)).status,
        ).toBe(200);
        const p = await pull(s.api, accessToken, `last_pulled_at=${merged.timestamp}`);
        expect(p.changes.activities!.deleted).toEqual([]);
        expect(byId(p.changes.activities!.updated, m.id)).toMatchObject({
          source: 'manual',
          distance_meters: 9000,
          rpe: 7,
        });
        expect(byId(p.changes.activities!.updated, d.id)).toMatchObject({
          source: 'garmin',
          distance_meters: 10_123,
          rpe: null,
          notes: null,
        });
      });
    }

    it('merged check-ins: undo puts the day’s values back as they were before the merge', async () => {
      const { accessToken } = await register(s.api);
      const day = todayUtc();
      await push(s.api, accessToken, {
        daily_metrics: { created: [{ id: 'wmUndoDay0000001', date: day, resting_hr: 48 }] },
      });
      await push(s.api, accessToken, {
        daily_metrics: { created: [{ id: 'wmUndoDay0000002', date: day, resting_hr: 60, hrv_rmssd: 70 }] },
      });
      const merged = await pull(s.api, accessToken);
      expect(byId(merged.changes.daily_metrics!.updated, 'wmUndoDay0000001')).toMatchObject({
        resting_hr: 60,
        hrv_rmssd: 70,
      });
      const conflict = JSON.parse(
        String(merged.changes.alerts!.updated.find((a) => a.kind === 'sync_conflict')!.data),
      );
      expect(
        (await s.api.post(`/sync/conflicts/${conflict.conflictId}/undo`, undefined, accessToken)).status,
      ).toBe(200);
      const p = await pull(s.api, accessToken, `last_pulled_at=${merged.timestamp}`);
      expect(p.changes.daily_metrics!.updated).toEqual([
        expect.objectContaining({ id: 'wmUndoDay0000001', resting_hr: 48, hrv_rmssd: null }),
      ]);
    });
  });

  describe('session flow: check → upload → download → complete, status', () => {
    it('over the same clock as pull and push', async () => {
      const { accessToken } = await register(s.api);
      const first = await s.api.post('/sync/check', {}, accessToken);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        schemaVersion: 1,
        since: 0,
        changes: { user_settings: 1, activities: 0, deleted: 0 },
        total: 1,
        hasChanges: true,
      });
      expect(first.body.serverTime).toEqual(expect.any(Number));
      const down = await s.api.get('/sync/download', accessToken);
      expect(down.status).toBe(200);
      const t1 = (down.body as PullBody).timestamp!;
      expect(t1).toBe(first.body.timestamp);
      expect(
        (await s.api.post('/sync/complete', { deviceId: 'phone', cursor: t1 }, accessToken)).body,
      ).toMatchObject({
        deviceId: 'phone',
        acknowledgedCursor: t1,
        pendingChanges: 0,
      });

      const up = await s.api.request('POST', '/sync/upload', {
        json: { changes: { activities: { created: [run('wmSession0000001')], deleted: [] } } },
        token: accessToken,
        headers: { 'idempotency-key': 'up-1' },
      });
      expect(up.status).toBe(200);
      expect(up.body).toEqual({ ok: true, conflicts: [] });
      const check = await s.api.post('/sync/check', { since: t1 }, accessToken);
      expect(check.body.changes.activities).toBe(1);
      expect(check.body.hasChanges).toBe(true);
      const status = await s.api.get('/sync/status', accessToken);
      expect(status.status).toBe(200);
      expect(status.body.devices).toEqual([
        expect.objectContaining({
          deviceId: 'phone',
          acknowledgedCursor: t1,
          pendingChanges: expect.any(Number),
        }),
      ]);
      expect(status.body.devices[0].pendingChanges).toBeGreaterThanOrEqual(1);
      const next = (await s.api.get(`/sync/download?since=${t1}`, accessToken)).body as PullBody;
      expect(next.changes.activities!.updated.map((r) => r.id)).toEqual(['wmSession0000001']);
      await waitForIdle(queueOf(s.server));
      const last = (await s.api.get(`/sync/download?since=${t1}`, accessToken)).body as PullBody;
      await s.api.post('/sync/complete', { deviceId: 'phone', cursor: last.timestamp }, accessToken);
      // An older cursor never moves a device back; a cursor the server never gave is refused.
      await s.api.post('/sync/complete', { deviceId: 'phone', cursor: t1 }, accessToken);
      const settled = await s.api.get('/sync/status', accessToken);
      expect(settled.body.devices).toEqual([
        expect.objectContaining({ deviceId: 'phone', acknowledgedCursor: last.timestamp, pendingChanges: 0 }),
      ]);
      const ahead = await s.api.post(
        '/sync/complete',
        { deviceId: 'phone', cursor: last.timestamp! + 10_000_000 },
        accessToken,
      );
      expect(ahead.status).toBe(400);
      expect(ahead.body.error.code).toBe('INVALID_CURSOR');
      // Another runner sees none of it.
      const other = await register(s.api);
      expect((await s.api.get('/sync/status', other.accessToken)).body.devices).toEqual([]);
    });
  });

  describe('tRPC sync.pull / sync.push', () => {
    it('the same services and shapes as REST', async () => {
      const { accessToken } = await register(s.api);
      const api = trpc(s.server.url, accessToken);
      const first = await api.sync.pull.query({});
      expect(first).toMatchObject({ hasMore: false, nextCursor: null });
      const res = await api.sync.push.mutate({
        lastPulledAt: first.timestamp,
        changes: { activities: { created: [run('wmTrpc0000000001', { rpe: 4 })] } },
        idempotencyKey: 'trpc-1',
      });
      expect(res).toEqual({ ok: true, conflicts: [] });
      const p = await api.sync.pull.query({ lastPulledAt: first.timestamp });
      expect(p.changes.activities.updated).toEqual([
        expect.objectContaining({ id: 'wmTrpc0000000001', rpe: 4 }),
      ]);
      // REST sees the tRPC push.
      expect((await pull(s.api, accessToken)).changes.activities!.updated.map((r) => r.id)).toEqual([
        'wmTrpc0000000001',
      ]);
      let err: unknown;
      try {
        await api.sync.push.mutate({
          changes: { activities: { created: [run('wmTrpcBad0000001', { duration_sec: -1 })] } },
        });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(TRPCClientError);
      expect((err as TRPCClientError<AppRouter>).data).toMatchObject({
        httpStatus: 400,
        app: { code: 'SYNC_REJECTED' },
      });
    });
  });

  describe('a push killed after k of n records (all or nothing)', () => {
    const n = 6;
    const changes = (k: number) => ({
      activities: {
        // Yesterday, hours apart: three activities, no duplicates.
        created: [0, 1, 2].map((i) =>
          run(`wmKill${k}000000${i}`, {
            start_time: Date.parse(`${todayUtc()}T0${i}:00:00Z`) - 86_400_000,
            date: addDays(todayUtc(), -1),
          }),
        ),
        deleted: [],
      },
      daily_metrics: {
        created: [1, 2, 3].map((i) => ({
          id: `wmKillDay${k}0000${i}`,
          date: new Date(Date.now() - i * 86_400_000).toISOString().slice(0, 10),
          resting_hr: 50 + i,
        })),
      },
    });

    for (let k = 0; k < n; k++) {
      it(`k = ${k}: nothing of the push is stored; the retry applies all ${n}`, async () => {
        const { accessToken } = await register(s.api);
        const body = changes(k);
        const service = s.server.app.get(SyncPushService);
        // Earlier tests' pipelines settle first: only this push may change anything.
        await waitForIdle(queueOf(s.server));
        const before = await snapshot(s.server.db);
        service.beforeRecordWrite = (written) => {
          if (written === k) throw new Error(`injected fault after ${k} records`);
        };
        let res;
        try {
          res = await push(s.api, accessToken, body, { key: `kill-${k}` });
        } finally {
          service.beforeRecordWrite = null;
        }
        expect(res.status).toBe(500);
        expect(await snapshot(s.server.db)).toEqual(before);
        const retry = await push(s.api, accessToken, body, { key: `kill-${k}` });
        expect(retry.status).toBe(200);
        expect(retry.headers.get('idempotency-replayed')).toBeNull();
        const p = await pull(s.api, accessToken, 'window_days=0');
        expect(p.changes.activities!.updated.map((r) => r.id).sort()).toEqual(
          [0, 1, 2].map((i) => `wmKill${k}000000${i}`),
        );
        expect(p.changes.daily_metrics!.updated.map((r) => r.id).sort()).toEqual(
          [1, 2, 3].map((i) => `wmKillDay${k}0000${i}`),
        );
      });
    }

    // The same from inside the database: a trigger raises on the k-th activity insert of a transaction.
    for (const k of [1, 2, 3]) {
      it(`a database error on activity insert ${k} of 3: nothing stored; the retry applies all`, async () => {
        const { accessToken } = await register(s.api);
        const body = changes(10 + k);
        const fn = `rc_test_fail_insert_${k}`;
        await s.server.db.execute(
          sql.raw(`create function ${fn}() returns trigger language plpgsql as $$
            declare n int := coalesce(nullif(current_setting('rc_test.inserts', true), ''), '0')::int + 1;
            begin
              perform set_config('rc_test.inserts', n::text, true);
              if n = ${k} then raise exception 'injected fault on insert %', n; end if;
              return new;
            end $$`),
        );
        await s.server.db.execute(
          sql.raw(`create trigger ${fn} before insert on activities for each row execute function ${fn}()`),
        );
        // Earlier tests' pipelines settle first: only this push may change anything.
        await waitForIdle(queueOf(s.server));
        const before = await snapshot(s.server.db);
        let res;
        try {
          res = await push(s.api, accessToken, body);
        } finally {
          await s.server.db.execute(sql.raw(`drop trigger ${fn} on activities`));
          await s.server.db.execute(sql.raw(`drop function ${fn}()`));
        }
        expect(res.status).toBe(500);
        expect(res.body.error.code).toBe('INTERNAL_ERROR');
        expect(await snapshot(s.server.db)).toEqual(before);
        expect((await push(s.api, accessToken, body)).status).toBe(200);
        const p = await pull(s.api, accessToken, 'window_days=0');
        expect(p.changes.activities!.updated).toHaveLength(3);
        expect(p.changes.daily_metrics!.updated).toHaveLength(3);
      });
    }
  });
});
