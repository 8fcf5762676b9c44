import { jsonEqual } from './equal.ts';
import type { LocalStoreTx } from './local-store.ts';
import { META_REJECTED } from './local-store.ts';
import {
  type Changes,
  emptyTableChanges,
  type LocalRecord,
  type RawRecord,
  rawOf,
  type RejectedRecord,
} from './types.ts';

/**
 * The pending-changes queue as a push body: the records of the push tables whose `_status` is not synced,
 * except those the server refused and that have not changed since. Updated records carry `_changed`.
 */
export async function fetchLocalChanges(tx: LocalStoreTx, pushTables: readonly string[]): Promise<Changes> {
  const rejected = (await tx.getMeta<RejectedRecord[]>(META_REJECTED)) ?? [];
  const changes: Changes = {};
  for (const table of pushTables) {
    const t = emptyTableChanges();
    for (const record of await tx.changed(table)) {
      if (rejected.some((r) => r.table === table && r.id === record.id && sameRecord(r.record, record)))
        continue;
      if (record._status === 'deleted') t.deleted.push(record.id);
      else if (record._status === 'created') t.created.push(rawOf(record));
      // The edited columns go along (as WatermelonDB sends them): the server applies only those, so the
      // rest of a record pulled long ago cannot overwrite newer values from another device.
      else t.updated.push(record._changed ? { ...rawOf(record), _changed: record._changed } : rawOf(record));
    }
    if (t.created.length || t.updated.length || t.deleted.length) changes[table] = t;
  }
  return changes;
}

/**
 * After the server acknowledged `pushed`: a record is marked synced only if it is still exactly what was
 * pushed (same status, same columns). A record edited or deleted while the push was in flight keeps its
 * local state, so that change goes out with the next push. Acknowledged deletes are removed for good.
 */
export async function markLocalChangesAsSynced(tx: LocalStoreTx, pushed: Changes): Promise<void> {
  for (const [table, t] of Object.entries(pushed)) {
    for (const [status, raws] of [
      ['created', t.created],
      ['updated', t.updated],
    ] as const) {
      for (const raw of raws) {
        const current = await tx.get(table, raw.id);
        if (current && current._status === status && sameColumns(current, raw)) {
          await tx.put(table, { ...current, _status: 'synced', _changed: '' });
        }
      }
    }
    for (const id of t.deleted) {
      const current = await tx.get(table, id);
      if (current?._status === 'deleted') await tx.remove(table, id);
    }
  }
}

export async function countLocalChanges(tx: LocalStoreTx, pushTables: readonly string[]): Promise<number> {
  let n = 0;
  for (const table of pushTables) n += (await tx.changed(table)).length;
  return n;
}

function sameColumns(a: RawRecord, b: RawRecord): boolean {
  return jsonEqual(rawOf(a), rawOf(b));
}

function sameRecord(a: LocalRecord, b: LocalRecord): boolean {
  return a._status === b._status && sameColumns(a, b);
}
