import { describe, expect, it } from 'vitest';
import { MemoryStore } from './memory-store.ts';
import { createRecord } from './mutations.ts';
import { firstBatch } from './priorities.ts';
import { synchronize } from './synchronize.ts';
import { FakeServer } from './testing/fake-transport.ts';
import { type Changes, emptyTableChanges, SYNC_TABLES } from './types.ts';

const workout = (id: string, state: string) => ({ id, plan_id: 'p1', date: '2026-11-20', state });

describe('push priorities', () => {
  it('completed workouts and check-ins go first when the queue is larger than one push', () => {
    const changes: Changes = {
      user_settings: { ...emptyTableChanges(), updated: [{ id: 'u1', units: 'mi' }] },
      scheduled_workouts: {
        ...emptyTableChanges(),
        updated: [workout('w1', 'skipped'), workout('w2', 'completed')],
      },
      daily_metrics: { ...emptyTableChanges(), created: [{ id: 'm1', date: '2026-11-20' }] },
    };
    expect(firstBatch(changes, 2)).toEqual({
      scheduled_workouts: { ...emptyTableChanges(), updated: [workout('w2', 'completed')] },
      daily_metrics: { ...emptyTableChanges(), created: [{ id: 'm1', date: '2026-11-20' }] },
    });
    expect(firstBatch(changes, 10)).toBe(changes);
  });

  it('one cycle pushes the whole queue in batches, the important records in the first', async () => {
    const server = new FakeServer();
    const store = new MemoryStore(SYNC_TABLES);
    await store.transaction(async (tx) => {
      await createRecord(tx, 'scheduled_workouts', workout('w1', 'skipped'));
      await createRecord(tx, 'scheduled_workouts', workout('w3', 'planned'));
      await createRecord(tx, 'daily_metrics', { id: 'm1', date: '2026-11-20', mood: 4 });
      await createRecord(tx, 'scheduled_workouts', workout('w2', 'completed'));
      await createRecord(tx, 'activities', { id: 'a1', date: '2026-11-20', type: 'run', duration_sec: 600 });
    });
    const base = server.transport();
    const pushes: string[][] = [];
    const transport = {
      ...base,
      push: (args: Parameters<typeof base.push>[0]) => {
        pushes.push(
          Object.entries(args.changes).flatMap(([t, c]) =>
            [...c.created, ...c.updated].map((r) => `${t}/${r.id}`),
          ),
        );
        return base.push(args);
      },
    };
    let n = 0;
    const result = await synchronize({ store, transport, newKey: () => `k${++n}`, maxPushRecords: 2 });
    expect(result.pushed).toBe(5);
    expect(pushes.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pushes[0]!.sort()).toEqual(['activities/a1', 'daily_metrics/m1']);
    expect(pushes[1]).toContain('scheduled_workouts/w2');
    const pending = await store.transaction((tx) => tx.changed('scheduled_workouts'));
    expect(pending).toEqual([]);
  });
});
