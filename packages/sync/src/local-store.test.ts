import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DexieStore } from './dexie-store.ts';
import type { LocalStore } from './local-store.ts';
import { MemoryStore } from './memory-store.ts';
import { createRecord, deleteRecord, updateRecord } from './mutations.ts';
import { synchronize } from './synchronize.ts';
import { FakeServer } from './testing/fake-transport.ts';
import { SYNC_TABLES } from './types.ts';

// fake-indexeddb implements the IndexedDB spec (transactions, auto-commit, aborts) under Node; the web app's
// Playwright tests run the same adapter in Chromium.
let n = 0;
const dexie = (tables: readonly string[]) =>
  new DexieStore({ name: `test-${++n}`, tables, indexedDB: new IDBFactory(), IDBKeyRange });

const stores: [string, (tables: readonly string[]) => LocalStore][] = [
  ['MemoryStore', (tables) => new MemoryStore(tables)],
  ['DexieStore', dexie],
];

describe.each(stores)('%s', (_name, open) => {
  it('applies all writes of a transaction or none', async () => {
    const store = open(['t']);
    await store.transaction((tx) => createRecord(tx, 't', { id: 'x', a: 1 }));
    await expect(
      store.transaction(async (tx) => {
        await updateRecord(tx, 't', 'x', { a: 2 });
        await createRecord(tx, 't', { id: 'y' });
        await tx.setMeta('k', 1);
        throw new Error('crash');
      }),
    ).rejects.toThrow('crash');
    expect(await store.transaction((tx) => tx.all('t'))).toEqual([
      { id: 'x', a: 1, _status: 'created', _changed: '' },
    ]);
    expect(await store.transaction((tx) => tx.getMeta('k'))).toBeUndefined();
  });

  it('never aliases stored values', async () => {
    const store = open(['t']);
    const raw = { id: 'x', obj: { a: 1 } };
    await store.transaction((tx) => createRecord(tx, 't', raw));
    raw.obj.a = 2;
    const read = await store.transaction((tx) => tx.get('t', 'x'));
    (read!.obj as { a: number }).a = 3;
    expect((await store.transaction((tx) => tx.get('t', 'x')))!.obj).toEqual({ a: 1 });
  });

  it('tracks WatermelonDB statuses: created stays created, synced edits list their columns, deletes mark', async () => {
    const store = open(['t']);
    await store.transaction(async (tx) => {
      await createRecord(tx, 't', { id: 'c', a: 1 });
      await updateRecord(tx, 't', 'c', { a: 2 });
      await tx.put('t', { id: 's', a: 1, b: 1, _status: 'synced', _changed: '' });
      await updateRecord(tx, 't', 's', { a: 1, b: 2 });
      await updateRecord(tx, 't', 's', { b: 3, c: { x: 1 } });
      await deleteRecord(tx, 't', 'c');
    });
    const [c, s] = await store.transaction(async (tx) => [await tx.get('t', 'c'), await tx.get('t', 's')]);
    expect(c).toMatchObject({ a: 2, _status: 'deleted', _changed: '' });
    expect(s).toMatchObject({ b: 3, _status: 'updated', _changed: 'b,c' });
    expect(await store.transaction((tx) => tx.changed('t'))).toHaveLength(2);
  });

  it('lists the stored records with local changes, whatever their status, and no synced one', async () => {
    const store = open(['t']);
    await store.transaction(async (tx) => {
      for (let i = 0; i < 50; i++) await tx.put('t', { id: `s${i}`, _status: 'synced', _changed: '' });
      for (const status of ['created', 'updated', 'deleted'] as const)
        await tx.put('t', { id: status, _status: status, _changed: '' });
    });
    const changed = await store.transaction((tx) => tx.changed('t'));
    expect(changed.map((r) => r.id).sort()).toEqual(['created', 'deleted', 'updated']);
  });

  it('runs transactions one at a time', async () => {
    const store = open(['t']);
    const order: string[] = [];
    await Promise.all([
      store.transaction(async () => {
        order.push('1 start');
        await new Promise((r) => setTimeout(r, 10));
        order.push('1 end');
      }),
      store.transaction(async () => void order.push('2')),
    ]);
    expect(order).toEqual(['1 start', '1 end', '2']);
  });

  it('keeps local writes and the pending push through a full sync round', async () => {
    const server = new FakeServer();
    const a = open(SYNC_TABLES);
    const b = open(SYNC_TABLES);
    const newKey = (() => {
      let k = 0;
      return () => `key-${++k}`;
    })();
    await a.transaction((tx) => createRecord(tx, 'activities', { id: 'r1', type: 'run', notes: 'hills' }));
    await synchronize({ store: a, transport: server.transport(), newKey });
    await synchronize({ store: b, transport: server.transport(), newKey });
    expect(await b.transaction((tx) => tx.get('activities', 'r1'))).toMatchObject({
      notes: 'hills',
      _status: 'synced',
    });
    await b.transaction((tx) => deleteRecord(tx, 'activities', 'r1'));
    await synchronize({ store: b, transport: server.transport(), newKey });
    await synchronize({ store: a, transport: server.transport(), newKey });
    expect(await a.transaction((tx) => tx.get('activities', 'r1'))).toBeUndefined();
  });
});
