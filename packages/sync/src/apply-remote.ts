import type { LocalStoreTx } from './local-store.ts';
import { type Changes, type LocalRecord, type RawRecord, rawOf } from './types.ts';

/**
 * Applies pulled changes inside one local transaction, as WatermelonDB's applyRemoteChanges does:
 * - a remote delete removes the record whatever its local state (deletes win, so a delete is never undone);
 * - a remote record (`created` and `updated` are treated alike: the server sends everything as `updated`)
 *   is inserted as synced when unknown, ignored when deleted locally (the delete is pushed next), and
 *   kept as is when created locally (see resolveConflict), and otherwise merged column by column: the columns changed locally since the last sync keep their local
 *   value (they are pushed next and the server decides), every other column takes the server's.
 */
export async function applyRemoteChanges(tx: LocalStoreTx, changes: Changes, tables: readonly string[]) {
  for (const [table, tableChanges] of Object.entries(changes)) {
    if (!tables.includes(table)) continue; // a table this client version does not know yet
    for (const id of tableChanges.deleted ?? []) await tx.remove(table, id);
    const deleted = new Set(tableChanges.deleted ?? []);
    for (const raw of [...(tableChanges.created ?? []), ...(tableChanges.updated ?? [])]) {
      if (deleted.has(raw.id)) continue;
      const local = await tx.get(table, raw.id);
      await tx.put(
        table,
        local ? resolveConflict(local, raw) : { ...rawOf(raw), _status: 'synced', _changed: '' },
      );
    }
  }
}

/** WatermelonDB's resolveConflict: remote wins except on the columns changed locally. */
export function resolveConflict(local: LocalRecord, remote: RawRecord): LocalRecord {
  // A locally created record has every column changed (its `_changed` stays empty by WatermelonDB's rules):
  // it can be on the server already when it was edited again while its push was in flight; the edit wins
  // here and goes out with the next push (create-of-existing updates). WatermelonDB itself would overwrite it.
  if (local._status === 'deleted' || local._status === 'created') return local;
  const resolved: LocalRecord = {
    ...local,
    ...rawOf(remote),
    id: local.id,
    _status: local._status,
    _changed: local._changed,
  };
  if (local._changed) for (const column of local._changed.split(',')) resolved[column] = local[column];
  return resolved;
}
