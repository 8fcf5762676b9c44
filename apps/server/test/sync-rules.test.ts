import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { queryRows } from '../src/db/connection.ts';
import { BACKENDS, skipBackend } from './helpers/backends.ts';
import { addDays, onboard, todayUtc } from './helpers/domain.ts';
import { queueOf, waitForIdle } from './helpers/pipelines.ts';
import { byId, ids, pull, push, run } from './helpers/sync-api.ts';
import { register, useServer } from './helpers/suite.ts';

/**
 * Acceptance 4 of issue 4: each conflict rule in every arrival order (the duplicate window, device data and
 * the all-or-nothing push are in sync.test.ts / sync-server.test.ts), and the server bugs the fault
 * simulation found: settings versions, clock skew, merged ids within one push, stale whole records.
 */
// Each test is several HTTP round trips (onboarding builds a plan): more than the default 5 s on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const ORDERS = [
  ['A', 'B'],
  ['B', 'A'],
] as const;

describe.each(BACKENDS)('sync conflict rules on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  const s = useServer(backend);
  let n = 0;
  /** Record ids are global keys: a fresh one per test. */
  const id = (tag: string) => `${tag}${String(++n).padStart(4, '0')}${backend[0]}`.padEnd(16, 'x');

  for (const order of ORDERS) {
    it(`subjective fields follow the latest edit by server receipt (${order.join(' then ')})`, async () => {
      const { accessToken } = await register(s.api);
      const a = id('subj');
      await push(s.api, accessToken, { activities: { created: [run(a, { rpe: 5, notes: 'logged' })] } });
      const edits = {
        A: run(a, { rpe: 3, notes: 'from the phone', _changed: 'rpe,notes' }),
        B: run(a, { rpe: 8, notes: 'from the watch', _changed: 'rpe,notes' }),
      };
      for (const device of order)
        await push(s.api, accessToken, { activities: { updated: [edits[device]] } });
      const last = edits[order[1]];
      expect(byId((await pull(s.api, accessToken)).changes.activities!.updated, a)).toMatchObject({
        rpe: last.rpe,
        notes: last.notes,
      });
    });

    it(`an update changes only its _changed columns, whatever arrives first (${order.join(' then ')})`, async () => {
      const { accessToken } = await register(s.api);
      const a = id('chgd');
      const original = run(a, { rpe: 5, notes: 'logged' });
      await push(s.api, accessToken, { activities: { created: [original] } });
      // Both devices pulled `original`; each edits one field and pushes its whole (partly stale) record.
      const edits = {
        A: { ...original, notes: 'new notes', _status: 'updated', _changed: 'notes' },
        B: { ...original, rpe: 9, _status: 'updated', _changed: 'rpe' },
      };
      for (const device of order)
        await push(s.api, accessToken, { activities: { updated: [edits[device]] } });
      expect(byId((await pull(s.api, accessToken)).changes.activities!.updated, a)).toMatchObject({
        rpe: 9,
        notes: 'new notes',
      });
      // Without _changed a record is taken whole (created, or a client that keeps no list).
      await push(s.api, accessToken, { activities: { updated: [original] } });
      expect(byId((await pull(s.api, accessToken)).changes.activities!.updated, a)).toMatchObject({
        rpe: 5,
        notes: 'logged',
      });
    });

    it(`daily metrics merge per field, one record a day (${order.join(' then ')})`, async () => {
      const { accessToken } = await register(s.api);
      const day = addDays(todayUtc(), -2);
      const records = {
        A: { id: id('dayA'), date: day, resting_hr: 48, mood: 2 },
        B: { id: id('dayB'), date: day, hrv_rmssd: 70, mood: 4 },
      };
      for (const device of order)
        await push(s.api, accessToken, { daily_metrics: { created: [records[device]] } });
      const metrics = (await pull(s.api, accessToken)).changes.daily_metrics!.updated;
      // The first record of the day survives; the later one's values win where it has them.
      expect(metrics).toEqual([
        expect.objectContaining({
          id: records[order[0]].id,
          resting_hr: 48,
          hrv_rmssd: 70,
          mood: records[order[1]].mood,
        }),
      ]);
      // Two devices editing different fields of that record: both edits stay.
      const survivor = metrics[0]!;
      const edits = {
        A: { ...survivor, soreness: 2, _changed: 'soreness' },
        B: { ...survivor, stress: 4, _changed: 'stress' },
      };
      for (const device of order)
        await push(s.api, accessToken, { daily_metrics: { updated: [edits[device]] } });
      expect((await pull(s.api, accessToken)).changes.daily_metrics!.updated).toEqual([
        expect.objectContaining({ id: survivor.id, soreness: 2, stress: 4, resting_hr: 48 }),
      ]);
    });

    it(`settings: the last write by server receipt wins (${order.join(' then ')})`, async () => {
      const { accessToken, user } = await register(s.api);
      const edits = {
        A: { id: user.id, units: 'mi', time_zone: 'Asia/Tokyo', _changed: 'units,time_zone' },
        B: { id: user.id, units: 'km', time_zone: 'Europe/Paris', _changed: 'units,time_zone' },
      };
      for (const device of order)
        await push(s.api, accessToken, { user_settings: { updated: [edits[device]] } }, { device });
      expect((await pull(s.api, accessToken)).changes.user_settings!.updated).toEqual([
        expect.objectContaining({ units: edits[order[1]].units, time_zone: edits[order[1]].time_zone }),
      ]);
    });

    it(`workouts: the plan wins for today and later, a past log is the runner's (${order.join(' then ')})`, async () => {
      const { accessToken, user } = await register(s.api);
      await onboard(s.api, accessToken);
      const first = await pull(s.api, accessToken);
      const workouts = first.changes.scheduled_workouts!.updated;
      const future = workouts.find((w) => (w.date as string) > todayUtc())!;
      const edit = { ...future, state: 'skipped', _changed: 'state' };
      const serverChange = () =>
        queryRows(
          s.server.db,
          sql`update scheduled_workouts set description = 'adapted by the engine'
              where id = ${future.id as string} and user_id = ${user.id}`,
        );
      if (order[0] === 'A') {
        // The runner's offline skip arrives first (nothing changed since their pull): applied.
        const res = await push(
          s.api,
          accessToken,
          { scheduled_workouts: { updated: [edit] } },
          {
            since: first.timestamp!,
          },
        );
        expect(res.body.conflicts).toEqual([]);
        await serverChange();
      } else {
        // The engine changed the workout after the runner's last pull: its version wins, the client pulls it.
        await serverChange();
        const res = await push(
          s.api,
          accessToken,
          { scheduled_workouts: { updated: [edit] } },
          {
            since: first.timestamp!,
          },
        );
        expect(res.body.conflicts).toEqual([expect.objectContaining({ id: future.id, rule: 'server_wins' })]);
      }
      const after = byId(
        (await pull(s.api, accessToken)).changes.scheduled_workouts!.updated,
        future.id as string,
      );
      expect(after).toMatchObject({
        description: 'adapted by the engine',
        state: order[0] === 'A' ? 'skipped' : 'planned',
      });
      // A past workout is the runner's log: marked done even though the server changed it since.
      await queryRows(
        s.server.db,
        sql`update scheduled_workouts set date = ${addDays(todayUtc(), -1)} where id = ${future.id as string}`,
      );
      const past = await push(
        s.api,
        accessToken,
        {
          scheduled_workouts: { updated: [{ ...future, date: addDays(todayUtc(), -1), state: 'completed' }] },
        },
        { since: first.timestamp! },
      );
      expect(past.body.conflicts).toEqual([]);
      expect(
        byId((await pull(s.api, accessToken)).changes.scheduled_workouts!.updated, future.id as string),
      ).toMatchObject({ state: 'completed' });
    });
  }

  it('plans are the server’s: a pushed change or delete is ignored and the plan sent back', async () => {
    const { accessToken } = await register(s.api);
    await onboard(s.api, accessToken);
    const first = await pull(s.api, accessToken);
    const plan = first.changes.training_plans!.updated[0]!;
    const res = await push(s.api, accessToken, {
      training_plans: { updated: [{ ...plan, status: 'archived' }], deleted: [] },
    });
    expect(res.body.conflicts).toEqual([expect.objectContaining({ id: plan.id, rule: 'server_wins' })]);
    const next = await pull(s.api, accessToken, `last_pulled_at=${first.timestamp}`);
    expect(next.changes.training_plans!.updated).toEqual([
      expect.objectContaining({ id: plan.id, status: plan.status }),
    ]);
  });

  it('settings: updated_at moves only with the settings (a profile edit sends nothing)', async () => {
    const { accessToken, user } = await register(s.api);
    await push(s.api, accessToken, { user_settings: { updated: [{ id: user.id, units: 'mi' }] } });
    const before = await pull(s.api, accessToken);
    const settings = before.changes.user_settings!.updated[0]!;
    expect(settings.updated_at).toBeLessThanOrEqual(before.timestamp!);
    expect((await s.api.patch('/me', { name: 'Renamed' }, accessToken)).status).toBe(200);
    const since = await pull(s.api, accessToken, `last_pulled_at=${before.timestamp}`);
    expect(since.changes.user_settings!.updated).toEqual([]);
    // What a device holds is still exactly the server's record.
    expect((await pull(s.api, accessToken)).changes.user_settings!.updated[0]).toEqual(settings);
  });

  it('clock skew: a start in 2099 is clamped to the server’s now, its day to today; no stats beyond tomorrow', async () => {
    const { accessToken } = await register(s.api);
    const a = id('skew');
    const y2099 = Date.UTC(2099, 0, 1, 6);
    const before = Date.now();
    await push(s.api, accessToken, {
      activities: { created: [run(a, { date: '2099-01-01', start_time: y2099, rpe: 6 })] },
    });
    await waitForIdle(queueOf(s.server));
    const p = await pull(s.api, accessToken);
    const stored = byId(p.changes.activities!.updated, a)!;
    expect(stored.date).toBe(todayUtc());
    expect(stored.start_time).toBeGreaterThanOrEqual(before);
    expect(stored.start_time).toBeLessThanOrEqual(Date.now() + 5 * 60_000);
    const days = p.changes.rolling_stats!.updated.map((r) => r.date as string).sort();
    expect(days.length).toBeGreaterThan(0);
    expect(days.at(-1)! <= addDays(todayUtc(), 1)).toBe(true);
  });

  it('an id merged away earlier in a push is not brought back by a later record of the same push', async () => {
    const { accessToken } = await register(s.api);
    const start = Date.parse(`${todayUtc()}T06:00:00Z`);
    const manual = id('mrgM');
    const device = id('mrgD');
    await push(s.api, accessToken, {
      activities: { created: [run(manual, { start_time: start, source: 'manual', rpe: 7 })] },
    });
    const t = (await pull(s.api, accessToken)).timestamp!;
    // A device that missed nothing: the watch's record (merges the manual log away), then an edit of the log.
    const res = await push(s.api, accessToken, {
      activities: {
        created: [run(device, { start_time: start + 120_000, source: 'garmin', distance_meters: 10_100 })],
        updated: [run(manual, { start_time: start, source: 'manual', rpe: 8, _changed: 'rpe' })],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: manual, rule: 'merged_duplicate' }),
        expect.objectContaining({ id: manual, rule: 'deleted' }),
      ]),
    );
    const next = await pull(s.api, accessToken, `last_pulled_at=${t}`);
    expect(next.changes.activities!.deleted).toEqual([manual]);
    expect(ids((await pull(s.api, accessToken)).changes.activities!.updated)).toEqual([device]);
  });
});
