import { describe, expect, it } from 'vitest';
import { MemoryStore } from './memory-store.ts';
import { createRecord, deleteRecord, updateRecord } from './mutations.ts';

describe('MemoryStore', () => {
  it('applies all writes of a transaction or none', async () => {
    const store = new MemoryStore(['t']);
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
    const store = new MemoryStore(['t']);
    const raw = { id: 'x', obj: { a: 1 } };
    await store.transaction((tx) => createRecord(tx, 't', raw));
    raw.obj.a = 2;
    const read = await store.transaction((tx) => tx.get('t', 'x'));
    (read!.obj as { a: number }).a = 3;
    expect((await store.transaction((tx) => tx.get('t', 'x')))!.obj).toEqual({ a: 1 });
  });

  it('tracks WatermelonDB statuses: created stays created, synced edits list their columns, deletes mark', async () => {
    const store = new MemoryStore(['t']);
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

  it('runs transactions one at a time', async () => {
    const store = new MemoryStore(['t']);
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
});
