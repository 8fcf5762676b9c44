import type { LocalStoreTx } from './local-store.ts';
import { jsonEqual } from './equal.ts';
import type { LocalRecord, RawRecord } from './types.ts';

/**
 * Local writes, keeping WatermelonDB's bookkeeping so the next push knows what to send: a new record is
 * `created` (its `_changed` stays empty: every column is new), an edit of a synced record becomes `updated`
 * and lists the columns it touched in `_changed`, a delete only marks the record `deleted` (it is removed
 * for good once the server acknowledged the delete, so a record the server might already hold is never
 * forgotten silently).
 */
export async function createRecord(tx: LocalStoreTx, table: string, raw: RawRecord): Promise<LocalRecord> {
  if (await tx.get(table, raw.id)) throw new Error(`${table}/${raw.id} already exists locally`);
  const record: LocalRecord = { ...stripBookkeeping(raw), _status: 'created', _changed: '' };
  await tx.put(table, record);
  return record;
}

export async function updateRecord(
  tx: LocalStoreTx,
  table: string,
  id: string,
  patch: Record<string, unknown>,
): Promise<LocalRecord> {
  const current = await tx.get(table, id);
  if (!current || current._status === 'deleted') throw new Error(`${table}/${id} does not exist locally`);
  const changed = new Set(current._changed ? current._changed.split(',') : []);
  const next: LocalRecord = { ...current };
  for (const [column, value] of Object.entries(patch)) {
    if (column === 'id' || column.startsWith('_')) throw new Error(`${column} cannot be set`);
    if (jsonEqual(current[column], value)) continue;
    next[column] = value;
    if (current._status !== 'created') changed.add(column);
  }
  if (current._status === 'synced' && changed.size) next._status = 'updated';
  next._changed = [...changed].join(',');
  await tx.put(table, next);
  return next;
}

export async function deleteRecord(tx: LocalStoreTx, table: string, id: string): Promise<void> {
  const current = await tx.get(table, id);
  if (!current || current._status === 'deleted') return;
  await tx.put(table, { ...current, _status: 'deleted' });
}

function stripBookkeeping(raw: RawRecord): RawRecord {
  const out: RawRecord = { id: raw.id };
  for (const [k, v] of Object.entries(raw)) if (!k.startsWith('_')) out[k] = v;
  return out;
}
