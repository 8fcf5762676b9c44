import { describe, expect, it } from 'vitest';
import { SyncError } from './errors.ts';
import { META_LAST_PULLED_AT, META_PENDING_PUSH } from './local-store.ts';
import { MemoryStore } from './memory-store.ts';
import { createRecord, deleteRecord, updateRecord } from './mutations.ts';
import { mulberry32, randomId } from './random.ts';
import { synchronize } from './synchronize.ts';
import { FakeServer, lostAnswer } from './testing/fake-transport.ts';
import { type PendingPush, SYNC_TABLES } from './types.ts';

const device = (server: FakeServer, hooks?: Parameters<FakeServer['transport']>[0], seed = 1) => {
  const store = new MemoryStore(SYNC_TABLES);
  const random = mulberry32(seed);
  const transport = server.transport(hooks);
  return {
    store,
    sync: (extra: Partial<Parameters<typeof synchronize>[0]> = {}) =>
      synchronize({ store, transport, newKey: () => randomId(random), ...extra }),
    read: (table: string, id: string) => store.transaction((tx) => tx.get(table, id)),
    write: <T>(fn: Parameters<MemoryStore['transaction']>[0]) => store.transaction(fn) as Promise<T>,
  };
};

const run = {
  id: 'a1',
  date: '2026-11-20',
  type: 'run',
  source: 'manual',
  duration_sec: 1800,
  notes: 'easy',
};

describe('synchronize (in-process fake server: algorithm only)', () => {
  it('carries a create, an update and a delete from one device to another', async () => {
    const server = new FakeServer();
    const a = device(server);
    const b = device(server, undefined, 2);
    await a.write((tx) => createRecord(tx, 'activities', run));
    expect((await a.sync()).pushed).toBe(1);
    expect(await a.read('activities', 'a1')).toMatchObject({ _status: 'synced', _changed: '' });

    await b.sync();
    expect(await b.read('activities', 'a1')).toEqual({ ...run, _status: 'synced', _changed: '' });
    await b.write((tx) => updateRecord(tx, 'activities', 'a1', { notes: 'felt great' }));
    expect(await b.read('activities', 'a1')).toMatchObject({ _status: 'updated', _changed: 'notes' });
    await b.sync();
    await a.sync();
    expect((await a.read('activities', 'a1'))?.notes).toBe('felt great');

    await a.write((tx) => deleteRecord(tx, 'activities', 'a1'));
    expect(await a.read('activities', 'a1')).toMatchObject({ _status: 'deleted' });
    await a.sync();
    expect(await a.read('activities', 'a1')).toBeUndefined();
    await b.sync();
    expect(await b.read('activities', 'a1')).toBeUndefined();
    expect(server.tombstones.has('activities/a1')).toBe(true);
  });

  it('keeps local column changes over pulled ones, takes the server for the other columns', async () => {
    const server = new FakeServer();
    const a = device(server);
    server.put('activities', { ...run, rpe: 3 });
    await a.sync();
    await a.write((tx) => updateRecord(tx, 'activities', 'a1', { notes: 'mine' }));
    server.put('activities', { ...run, rpe: 7, notes: 'theirs' });
    const pushes: PendingPush[] = [];
    await a.sync({ beforeMarkSynced: (p) => void pushes.push(p) });
    expect(pushes[0]!.changes.activities!.updated[0]).toMatchObject({ notes: 'mine', rpe: 7 });
    expect(await a.read('activities', 'a1')).toMatchObject({ notes: 'mine', rpe: 7, _status: 'synced' });
    expect(server.get('activities', 'a1')).toMatchObject({ notes: 'mine', rpe: 7 });
  });

  it('a remote delete wins over a local edit, and a local delete is not undone by a remote update', async () => {
    const server = new FakeServer();
    const a = device(server);
    server.put('activities', run);
    server.put('activities', { ...run, id: 'a2' });
    await a.sync();
    await a.write(async (tx) => {
      await updateRecord(tx, 'activities', 'a1', { notes: 'edited offline' });
      await deleteRecord(tx, 'activities', 'a2');
    });
    server.rows.delete('activities/a1');
    server.tombstones.set('activities/a1', { table: 'activities', id: 'a1', version: ++server.version });
    server.put('activities', { ...run, id: 'a2', notes: 'changed elsewhere' });
    await a.sync();
    expect(await a.read('activities', 'a1')).toBeUndefined();
    expect(await a.read('activities', 'a2')).toBeUndefined();
    expect(server.get('activities', 'a2')).toBeUndefined();
    expect(server.tombstones.has('activities/a2')).toBe(true);
  });

  it('does not mark synced a record changed while its push was in flight; the next cycle pushes it', async () => {
    const server = new FakeServer();
    let edited = false;
    const a: ReturnType<typeof device> = device(server, {
      beforePush: async () => {
        if (edited) return;
        edited = true;
        // The runner types while the request is on the wire (the store is not locked during a push).
        await a.write((tx) => updateRecord(tx, 'activities', 'a1', { notes: 'typed during sync' }));
      },
    });
    await a.write((tx) => createRecord(tx, 'activities', run));
    await a.sync();
    expect(server.get('activities', 'a1')?.notes).toBe('easy');
    expect(await a.read('activities', 'a1')).toMatchObject({
      _status: 'created',
      notes: 'typed during sync',
    });
    await a.sync();
    expect(server.get('activities', 'a1')?.notes).toBe('typed during sync');
    expect(await a.read('activities', 'a1')).toMatchObject({ _status: 'synced' });
  });

  it('a crash between push and mark re-sends the same batch with the same key before pulling', async () => {
    const server = new FakeServer();
    const a = device(server);
    await a.write((tx) => createRecord(tx, 'activities', run));
    const crash = () => {
      throw new Error('app killed');
    };
    await expect(a.sync({ beforeMarkSynced: crash })).rejects.toThrow('app killed');
    const pending = await a.store.transaction((tx) => tx.getMeta<PendingPush>(META_PENDING_PUSH));
    expect(pending?.changes.activities?.created).toHaveLength(1);
    expect(await a.read('activities', 'a1')).toMatchObject({ _status: 'created' });

    server.log.length = 0;
    await a.sync();
    // Same key first (the server replays its stored answer), then the pull; nothing left to push after.
    expect(server.log).toEqual([`push ${pending!.key}`, expect.stringMatching(/^pull /)]);
    expect(await a.read('activities', 'a1')).toMatchObject({ _status: 'synced' });
    expect(await a.store.transaction((tx) => tx.getMeta(META_PENDING_PUSH))).toBeUndefined();
    expect(server.rows.size).toBe(1);
  });

  it('an answer lost after the server committed: the retry reuses the key, later edits elsewhere survive', async () => {
    const server = new FakeServer();
    let lose = true;
    const a = device(server, { afterCommit: () => (lose ? ((lose = false), lostAnswer()) : undefined) });
    const b = device(server, undefined, 2);
    server.put('user_settings', { id: 'u', units: 'km' });
    await a.sync();
    await b.sync();
    await a.write((tx) => updateRecord(tx, 'user_settings', 'u', { units: 'mi' }));
    await expect(a.sync()).rejects.toBeInstanceOf(SyncError);
    expect(server.get('user_settings', 'u')?.units).toBe('mi');
    // Another device changes the setting after the lost answer (later by server receipt: it must win).
    await b.sync();
    expect(await b.read('user_settings', 'u')).toMatchObject({ units: 'mi' });
    await b.write((tx) => updateRecord(tx, 'user_settings', 'u', { units: 'km' }));
    await b.sync();
    await a.sync();
    expect(server.get('user_settings', 'u')?.units).toBe('km');
    expect(await a.read('user_settings', 'u')).toMatchObject({ units: 'km', _status: 'synced' });
  });

  it('pages: applies nothing and keeps lastPulledAt until the last page arrived', async () => {
    const server = new FakeServer();
    for (let i = 0; i < 5; i++) server.put('daily_metrics', { id: `m${i}`, date: `2026-11-0${i + 1}` });
    server.pageSize = 2;
    let pulls = 0;
    const base = server.transport();
    const store = new MemoryStore(SYNC_TABLES);
    const flaky = {
      ...base,
      pull: async (args: Parameters<typeof base.pull>[0]) => {
        if (++pulls === 3) throw new SyncError('network error', 'network', true);
        return base.pull(args);
      },
    };
    await expect(synchronize({ store, transport: flaky, newKey: () => 'k' })).rejects.toThrow('network');
    expect(await store.transaction((tx) => tx.all('daily_metrics'))).toEqual([]);
    expect(await store.transaction((tx) => tx.getMeta(META_LAST_PULLED_AT))).toBeUndefined();
    const result = await synchronize({ store, transport: flaky, newKey: () => 'k' });
    expect(result.pulled).toBe(5);
    expect(result.lastPulledAt).toBe(server.version);
    expect(await store.transaction((tx) => tx.all('daily_metrics'))).toHaveLength(5);
  });

  it('a 400 with per-record errors sets the refused record aside and pushes the rest next time', async () => {
    const server = new FakeServer();
    const base = server.transport();
    const store = new MemoryStore(SYNC_TABLES);
    const strict = {
      ...base,
      push: async (args: Parameters<typeof base.push>[0]) => {
        const bad = args.changes.activities?.created.find((r) => r.duration_sec === -1);
        if (bad) {
          throw new SyncError('400 VALIDATION', 'rejected', false, 400, {
            records: [
              { table: 'activities', id: bad.id, field: 'duration_sec', message: 'must be positive' },
            ],
          });
        }
        return base.push(args);
      },
    };
    await store.transaction(async (tx) => {
      await createRecord(tx, 'activities', { ...run, id: 'bad', duration_sec: -1 });
      await createRecord(tx, 'activities', run);
    });
    const first = await synchronize({ store, transport: strict, newKey: () => 'k1' });
    expect(first.rejected).toMatchObject([{ id: 'bad', field: 'duration_sec' }]);
    expect(server.rows.size).toBe(0);
    await synchronize({ store, transport: strict, newKey: () => 'k2' });
    expect([...server.rows.keys()]).toEqual(['activities/a1']);
    // Fixing the record puts it back in the queue.
    await store.transaction((tx) => updateRecord(tx, 'activities', 'bad', { duration_sec: 60 }));
    await synchronize({ store, transport: strict, newKey: () => 'k3' });
    expect(server.get('activities', 'bad')?.duration_sec).toBe(60);
  });
});
