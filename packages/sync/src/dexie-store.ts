import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { LocalStore, LocalStoreTx } from './local-store.ts';
import type { LocalRecord, RecordStatus } from './types.ts';

const META = '_meta';

/** The Web Locks API, typed here so the package needs no DOM lib (absent under Node and React Native). */
type WebLocks = { request<T>(name: string, fn: () => Promise<T>): Promise<T> };

export interface DexieStoreOptions {
  /** Database name: one per signed-in runner, so two accounts on one browser never share rows. */
  name: string;
  tables: readonly string[];
  /** Extra Dexie index specs per table, appended after `id, _status` (e.g. `{ activities: 'start_time' }`). */
  indexes?: Readonly<Record<string, string>>;
  /** Schema version; raise it when `tables` or `indexes` change. */
  version?: number;
  /** `indexedDB` and `IDBKeyRange` where they are not globals (fake-indexeddb under Node). */
  indexedDB?: DexieOptions['indexedDB'];
  IDBKeyRange?: DexieOptions['IDBKeyRange'];
}

const DELETE = Symbol('delete');
const UNSYNCED: RecordStatus[] = ['created', 'updated', 'deleted'];
type Slot<T> = T | typeof DELETE;

/**
 * The IndexedDB LocalStore (browser and PWA). Each synced table is an object store keyed by `id` with an
 * index on `_status`, so the pending-changes queue is an index scan. A transaction reads through to
 * IndexedDB but buffers its writes and lands them in one `rw` IndexedDB transaction after `fn` resolved:
 * IndexedDB auto-commits a transaction at the first await of anything else, so holding one open across
 * `fn` could commit half of it. Transactions are serialized within the page and, through the Web Locks
 * API where the browser has it, across tabs.
 */
export class DexieStore implements LocalStore {
  readonly db: Dexie;
  readonly tables: readonly string[];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: DexieStoreOptions) {
    this.tables = options.tables;
    this.db = new Dexie(options.name, {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    const schema: Record<string, string> = { [META]: 'key' };
    for (const t of options.tables) {
      const extra = options.indexes?.[t];
      schema[t] = extra ? `id, _status, ${extra}` : 'id, _status';
    }
    this.db.version(options.version ?? 1).stores(schema);
  }

  private table(name: string): Table<LocalRecord, string> {
    if (!this.tables.includes(name)) throw new Error(`unknown local table ${name}`);
    return this.db.table(name);
  }

  transaction<T>(fn: (tx: LocalStoreTx) => Promise<T>): Promise<T> {
    const locks = (globalThis as { navigator?: { locks?: WebLocks } }).navigator?.locks;
    const exclusive = () =>
      locks ? locks.request(`runningcoach-store:${this.options.name}`, () => this.run(fn)) : this.run(fn);
    const run = this.queue.then(exclusive);
    this.queue = run.catch(() => undefined);
    return run as Promise<T>;
  }

  private async run<T>(fn: (tx: LocalStoreTx) => Promise<T>): Promise<T> {
    const meta = this.db.table<{ key: string; value: unknown }, string>(META);
    const records = new Map<string, Map<string, Slot<LocalRecord>>>();
    const metaWrites = new Map<string, Slot<unknown>>();
    const overlay = (name: string) => {
      this.table(name);
      let o = records.get(name);
      if (!o) records.set(name, (o = new Map()));
      return o;
    };
    const merged = (name: string, stored: LocalRecord[]): LocalRecord[] => {
      const o = overlay(name);
      const out = stored.filter((r) => !o.has(r.id));
      for (const slot of o.values()) if (slot !== DELETE) out.push(structuredClone(slot));
      return out;
    };
    const tx: LocalStoreTx = {
      get: async (name, id) => {
        const o = overlay(name);
        if (o.has(id)) {
          const slot = o.get(id)!;
          return slot === DELETE ? undefined : structuredClone(slot);
        }
        return this.table(name).get(id);
      },
      all: async (name) => merged(name, await this.table(name).toArray()),
      // anyOf jumps the index cursor from key to key; notEqual('synced') steps through every synced record.
      changed: async (name) =>
        merged(name, await this.table(name).where('_status').anyOf(UNSYNCED).toArray()).filter(
          (r) => r._status !== 'synced',
        ),
      put: async (name, record) => void overlay(name).set(record.id, structuredClone(record)),
      remove: async (name, id) => void overlay(name).set(id, DELETE),
      getMeta: async <V>(key: string) => {
        if (metaWrites.has(key)) {
          const slot = metaWrites.get(key);
          return (slot === DELETE ? undefined : structuredClone(slot)) as V | undefined;
        }
        return (await meta.get(key))?.value as V | undefined;
      },
      setMeta: async (key, value) =>
        void metaWrites.set(key, value === undefined ? DELETE : structuredClone(value)),
    };
    const result = await fn(tx);
    const touched = [...records].filter(([, o]) => o.size).map(([t]) => this.db.table(t));
    if (!touched.length && !metaWrites.size) return result;
    // Every request is issued before the first await, so IndexedDB commits them together or not at all.
    await this.db.transaction('rw', [...touched, meta], () => {
      const writes: Promise<unknown>[] = [];
      for (const [name, o] of records) {
        const puts: LocalRecord[] = [];
        const deletes: string[] = [];
        for (const [id, slot] of o) {
          if (slot === DELETE) deletes.push(id);
          else puts.push(slot);
        }
        if (puts.length) writes.push(this.db.table(name).bulkPut(puts));
        if (deletes.length) writes.push(this.db.table(name).bulkDelete(deletes));
      }
      for (const [key, slot] of metaWrites)
        writes.push(slot === DELETE ? meta.delete(key) : meta.put({ key, value: slot }));
      return Promise.all(writes);
    });
    return result;
  }

  /** Deletes the whole local database (sign-out, account deletion). */
  async destroy(): Promise<void> {
    await this.db.delete();
  }

  close(): void {
    this.db.close();
  }
}
