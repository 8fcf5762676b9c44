import { createRecord, MemoryStore, SYNC_TABLES, updateRecord } from '@runningcoach/sync';
import { describe, expect, it } from 'vitest';
import { readSnapshot } from './data.ts';
import { REVISIONS_KEY, RevisedStore } from './revisions.ts';

const run = { id: 'a1', date: '2027-01-05', type: 'run', duration_sec: 1800 };
const plan = { id: 'p1', version: 1, status: 'active', start_date: '2027-01-04', end_date: '2027-04-18' };
const open = () => new RevisedStore(new MemoryStore(SYNC_TABLES));
const META_ONLY = ['adaptationLog', 'lastPulledAt'];

describe('table revisions: the screens re-read only what was written', () => {
  it('counts the writes of each table in the transaction that made them', async () => {
    const store = open();
    await store.transaction((tx) => createRecord(tx, 'activities', run));
    await store.transaction(async (tx) => {
      await updateRecord(tx, 'activities', 'a1', { duration_sec: 2400 });
      await createRecord(tx, 'training_plans', plan);
    });
    await store.transaction((tx) => tx.all('activities')); // a read counts nothing
    expect(await store.transaction((tx) => tx.getMeta(REVISIONS_KEY))).toEqual({
      activities: 2,
      training_plans: 1,
    });
    // A transaction that fails leaves its count out with its writes.
    await expect(
      store.transaction(async (tx) => {
        await createRecord(tx, 'alerts', { id: 'x' });
        throw new Error('crash');
      }),
    ).rejects.toThrow('crash');
    expect(await store.transaction((tx) => tx.getMeta(REVISIONS_KEY))).not.toHaveProperty('alerts');
  });

  it('reads everything first, then only the tables written since', async () => {
    const store = open();
    await store.transaction((tx) => createRecord(tx, 'activities', run));
    const first = await readSnapshot(store);
    expect(first.snapshot.activities).toMatchObject([{ id: 'a1' }]);
    expect(first.snapshot.plans).toEqual([]);

    const idle = await readSnapshot(store, first.revisions);
    expect(Object.keys(idle.snapshot).sort()).toEqual(META_ONLY);

    await store.transaction((tx) => createRecord(tx, 'training_plans', plan));
    const next = await readSnapshot(store, idle.revisions);
    expect(Object.keys(next.snapshot).sort()).toEqual([...META_ONLY, 'plans'].sort());
    expect(next.snapshot.plans).toMatchObject([{ id: 'p1' }]);
  });
});
