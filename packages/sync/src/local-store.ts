import type { LocalRecord } from './types.ts';

/**
 * What the sync needs from a device's database. Shaped after Dexie (IndexedDB): one object store per synced
 * table keyed by `id` with an index on `_status` (the pending-changes queue is simply the records whose
 * `_status` is not 'synced'), plus a key-value `meta` store (`lastPulledAt`, the pending push and its
 * idempotency key, rejected records). Values are stored by copy: a record read or written is never
 * aliased with what the store keeps.
 */
export interface LocalStoreTx {
  get(table: string, id: string): Promise<LocalRecord | undefined>;
  /** Every record of the table, locally deleted ones included. */
  all(table: string): Promise<LocalRecord[]>;
  /** The records with local changes (`_status` created, updated or deleted). */
  changed(table: string): Promise<LocalRecord[]>;
  put(table: string, record: LocalRecord): Promise<void>;
  /** Removes the record for good (WatermelonDB's destroyPermanently). */
  remove(table: string, id: string): Promise<void>;
  getMeta<T>(key: string): Promise<T | undefined>;
  /** `undefined` deletes the key. */
  setMeta(key: string, value: unknown): Promise<void>;
}

export interface LocalStore {
  /** The tables this store holds (every table the server may send). */
  readonly tables: readonly string[];
  /**
   * Runs `fn` atomically and in isolation: all of its writes land or, when it throws, none do; transactions
   * do not interleave (Dexie: `db.transaction('rw', allTables, fn)`).
   */
  transaction<T>(fn: (tx: LocalStoreTx) => Promise<T>): Promise<T>;
}

export const META_LAST_PULLED_AT = 'lastPulledAt';
export const META_PENDING_PUSH = 'pendingPush';
export const META_REJECTED = 'rejected';
