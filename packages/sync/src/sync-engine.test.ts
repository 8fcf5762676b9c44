import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.ts';
import { SyncError } from './errors.ts';
import type { SyncTransport, Timers } from './http-transport.ts';
import { MemoryStore } from './memory-store.ts';
import { createRecord } from './mutations.ts';
import { mulberry32 } from './random.ts';
import { SyncEngine, type SyncStatus } from './sync-engine.ts';
import { FakeServer } from './testing/fake-transport.ts';
import { SYNC_TABLES } from './types.ts';

/** Timers the test advances by hand, on a clock it owns. */
function manualTime(start = 1_000_000) {
  let now = start;
  const queue: { at: number; fn: () => void; id: number }[] = [];
  let next = 0;
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      const id = ++next;
      queue.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      const i = queue.findIndex((t) => t.id === id);
      if (i >= 0) queue.splice(i, 1);
    },
  };
  return {
    timers,
    now: () => now,
    pending: () => queue.map((t) => t.at - now),
    /** Runs the earliest timer (moving the clock to it). */
    fire() {
      queue.sort((a, b) => a.at - b.at);
      const t = queue.shift();
      if (!t) throw new Error('no timer');
      now = t.at;
      t.fn();
    },
  };
}

const flaky = (
  base: SyncTransport,
  failures: number,
  error = () => new SyncError('503', 'server', true, 503),
) => {
  let left = failures;
  return {
    ...base,
    pull: async (args: Parameters<SyncTransport['pull']>[0]) => {
      if (left-- > 0) throw error();
      return base.pull(args);
    },
  };
};

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('backoffDelay', () => {
  it('doubles from 1 s up to the cap with half of each step random', () => {
    const random = mulberry32(7);
    for (let attempt = 0; attempt < 12; attempt++) {
      const step = Math.min(60_000, 1000 * 2 ** attempt);
      const d = backoffDelay(attempt, random, { capMs: 60_000 });
      expect(d).toBeGreaterThanOrEqual(step / 2);
      expect(d).toBeLessThanOrEqual(step);
    }
    expect(backoffDelay(3, () => 0)).toBe(4000);
    expect(backoffDelay(3, () => 0.999999)).toBe(8000);
  });
});

describe('SyncEngine', () => {
  it('reports syncing, failed with a scheduled retry, then synced; the retry needs no new local write', async () => {
    const server = new FakeServer();
    const store = new MemoryStore(SYNC_TABLES);
    const time = manualTime();
    const engine = new SyncEngine({
      store,
      transport: flaky(server.transport(), 2),
      now: time.now,
      random: mulberry32(1),
      timers: time.timers,
    });
    const states: SyncStatus['state'][] = [];
    engine.subscribe((s) => states.push(s.state));
    await store.transaction((tx) => createRecord(tx, 'activities', { id: 'a1', notes: 'x' }));
    await engine.localChanged();
    expect(engine.getStatus().pendingCount).toBe(1);

    await expect(engine.sync('manual')).rejects.toThrow('503');
    const failed = engine.getStatus();
    expect(failed).toMatchObject({ state: 'failed', pendingCount: 1, lastSyncedAt: null });
    expect(failed.error).toMatchObject({ kind: 'server', retryable: true });
    const [first] = time.pending();
    expect(first).toBeGreaterThanOrEqual(500);
    expect(first).toBeLessThanOrEqual(1000);
    expect(failed.nextRetryAt).toBe(time.now() + first!);

    time.fire();
    await settle();
    await settle();
    const [second] = time.pending();
    expect(second).toBeGreaterThanOrEqual(1000);
    expect(second).toBeLessThanOrEqual(2000);

    time.fire();
    for (let i = 0; i < 20 && engine.getStatus().state !== 'synced'; i++) await settle();
    expect(engine.getStatus()).toMatchObject({
      state: 'synced',
      pendingCount: 0,
      lastSyncedAt: time.now(),
      error: null,
    });
    expect(server.rows.size).toBe(1);
    expect(states).toEqual(expect.arrayContaining(['syncing', 'failed', 'synced']));
    expect(time.pending()).toEqual([]);
  });

  it('a trigger during a cycle runs one more cycle after it', async () => {
    const server = new FakeServer();
    const store = new MemoryStore(SYNC_TABLES);
    const time = manualTime();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const base = server.transport();
    const transport: SyncTransport = {
      ...base,
      pull: async (args) => {
        await gate;
        return base.pull(args);
      },
    };
    const engine = new SyncEngine({
      store,
      transport,
      now: time.now,
      random: mulberry32(2),
      timers: time.timers,
    });
    const first = engine.sync('launch');
    expect(engine.getStatus().state).toBe('syncing');
    await store.transaction((tx) => createRecord(tx, 'activities', { id: 'late' }));
    const second = engine.sync('local');
    const third = engine.sync('realtime');
    expect(third).toBe(second);
    release();
    await first;
    await second;
    expect(server.get('activities', 'late')).toBeDefined();
    expect(server.log.filter((l) => l.startsWith('pull'))).toHaveLength(2);
  });

  it('does not retry what cannot succeed (401 after refresh) and stops cleanly', async () => {
    const store = new MemoryStore(SYNC_TABLES);
    const time = manualTime();
    const server = new FakeServer();
    const engine = new SyncEngine({
      store,
      transport: flaky(server.transport(), 1, () => new SyncError('401', 'auth', false, 401)),
      now: time.now,
      random: mulberry32(3),
      timers: time.timers,
    });
    await expect(engine.sync()).rejects.toThrow('401');
    expect(engine.getStatus()).toMatchObject({ state: 'failed', nextRetryAt: null });
    expect(time.pending()).toEqual([]);
    engine.stop();
    await expect(engine.sync()).rejects.toThrow('stopped');
  });

  it('honours Retry-After when it is longer than the backoff step', async () => {
    const store = new MemoryStore(SYNC_TABLES);
    const time = manualTime();
    const server = new FakeServer();
    const engine = new SyncEngine({
      store,
      transport: flaky(server.transport(), 1, () => new SyncError('429', 'server', true, 429, null, 30_000)),
      now: time.now,
      random: mulberry32(4),
      timers: time.timers,
    });
    await expect(engine.sync()).rejects.toThrow('429');
    expect(time.pending()).toEqual([30_000]);
    engine.stop();
    expect(time.pending()).toEqual([]);
  });

  it('start() syncs at launch and then periodically until stopped', async () => {
    const server = new FakeServer();
    const store = new MemoryStore(SYNC_TABLES);
    const time = manualTime();
    const engine = new SyncEngine({
      store,
      transport: server.transport(),
      now: time.now,
      random: mulberry32(5),
      timers: time.timers,
    });
    engine.start({ periodMs: 60_000 });
    for (let i = 0; i < 20 && engine.getStatus().state !== 'synced'; i++) await settle();
    for (let i = 0; i < 20 && engine.getStatus().lastSyncedAt === null; i++) await settle();
    expect(engine.getStatus().lastSyncedAt).toBe(time.now());
    expect(time.pending()).toEqual([60_000]);
    await store.transaction((tx) => createRecord(tx, 'activities', { id: 'p1' }));
    time.fire();
    for (let i = 0; i < 20 && !server.get('activities', 'p1'); i++) await settle();
    expect(server.get('activities', 'p1')).toBeDefined();
    engine.stop();
    expect(time.pending()).toEqual([]);
  });

  it('foreground, after a workout, manual and WebSocket events each run a cycle; other messages do not', async () => {
    const server = new FakeServer();
    const store = new MemoryStore(SYNC_TABLES);
    const engine = new SyncEngine({
      store,
      transport: server.transport(),
      now: () => 1,
      random: mulberry32(6),
    });
    const pulls = () => server.log.filter((l) => l.startsWith('pull')).length;
    for (const trigger of ['foreground', 'workout', 'manual'] as const) {
      const before = pulls();
      await engine.sync(trigger);
      expect(pulls(), trigger).toBe(before + 1);
    }
    // A completed workout logged offline goes up with the 'workout' trigger.
    await store.transaction((tx) => createRecord(tx, 'activities', { id: 'done1', type: 'run' }));
    await engine.localChanged();
    expect(engine.getStatus().pendingCount).toBe(1);
    await engine.sync('workout');
    expect(server.get('activities', 'done1')).toBeDefined();
    expect(engine.getStatus()).toMatchObject({ state: 'synced', pendingCount: 0 });
    for (const type of ['sync:required', 'plan:updated', 'activity:new']) {
      const before = pulls();
      await engine.onRealtimeMessage(JSON.stringify({ type, data: {}, at: '2026-01-01T00:00:00Z' }));
      expect(pulls(), type).toBe(before + 1);
    }
    expect(engine.onRealtimeMessage('{"type":"pong"}')).toBeNull();
    expect(engine.onRealtimeMessage('not json')).toBeNull();
    await expect(engine.onRealtimeMessage({ type: 'plan:updated' })).resolves.toMatchObject({ pushed: 0 });
    engine.stop();
  });
});
