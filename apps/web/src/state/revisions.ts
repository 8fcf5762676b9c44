import type { DexieStore, LocalStore, LocalStoreTx } from '@runningcoach/sync';

/** Per-table write counters, kept in the store's meta (so every tab of the runner sees them). */
export type Revisions = Record<string, number>;

export const REVISIONS_KEY = 'web.revisions';

/**
 * The runner's DexieStore, counting writes per table in the same transaction as the writes. The screens
 * re-read a table only when its counter moved: a sync cycle that brought nothing (or failed offline) reads
 * one meta key instead of all 10,000 records, and untouched tables keep their arrays (and derived series).
 */
export class RevisedStore<S extends LocalStore = DexieStore> implements LocalStore {
  constructor(readonly inner: S) {}

  get tables(): readonly string[] {
    return this.inner.tables;
  }

  transaction<T>(fn: (tx: LocalStoreTx) => Promise<T>): Promise<T> {
    return this.inner.transaction(async (tx) => {
      const written = new Set<string>();
      const result = await fn({
        ...tx,
        put: (table, record) => (written.add(table), tx.put(table, record)),
        remove: (table, id) => (written.add(table), tx.remove(table, id)),
      });
      if (written.size) {
        const revisions = (await tx.getMeta<Revisions>(REVISIONS_KEY)) ?? {};
        for (const t of written) revisions[t] = (revisions[t] ?? 0) + 1;
        await tx.setMeta(REVISIONS_KEY, revisions);
      }
      return result;
    });
  }
}
