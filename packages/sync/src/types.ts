/** WatermelonDB's local record states: what the next push has to tell the server about a record. */
export type RecordStatus = 'synced' | 'created' | 'updated' | 'deleted';

/** A raw record as the server sends it: `id` plus the table's snake_case columns. */
export interface RawRecord {
  id: string;
  [column: string]: unknown;
}

/** A record in the local store: the raw columns plus the sync bookkeeping WatermelonDB keeps. */
export interface LocalRecord extends RawRecord {
  _status: RecordStatus;
  /** Comma-separated columns changed locally since the last sync ('' when none). */
  _changed: string;
}

export interface TableChanges {
  created: RawRecord[];
  updated: RawRecord[];
  deleted: string[];
}

export type Changes = Record<string, TableChanges>;

/** One page of `GET /sync`. `timestamp` is final only on the last page (`hasMore` false or absent). */
export interface PullPage {
  changes: Changes;
  timestamp: number | null;
  hasMore?: boolean;
  nextCursor?: string | null;
}

export interface PullResult {
  changes: Changes;
  timestamp: number;
}

/** A server decision that differs from what the client pushed (merge, override, ignored tombstoned id). */
export interface SyncConflict {
  table?: string;
  id?: string;
  [key: string]: unknown;
}

export interface PushResult {
  ok: boolean;
  conflicts: SyncConflict[];
}

/** The push the client is about to send or sent without hearing back: retried as is, with the same key. */
export interface PendingPush {
  key: string;
  lastPulledAt: number | null;
  changes: Changes;
}

/** A record the server refused (400 with `details.records`): not pushed again until it changes. */
export interface RejectedRecord {
  table: string;
  id: string;
  /** The record as it was refused (columns and status), to notice a later local change. */
  record: LocalRecord;
  field?: string;
  message: string;
}

/** The two-way tables of API.md; rolling_stats and alerts only come down. */
export const PUSH_TABLES = [
  'activities',
  'daily_metrics',
  'training_plans',
  'scheduled_workouts',
  'user_settings',
] as const;
export const PULL_ONLY_TABLES = ['rolling_stats', 'alerts'] as const;
export const SYNC_TABLES = [...PUSH_TABLES, ...PULL_ONLY_TABLES] as const;

export const emptyTableChanges = (): TableChanges => ({ created: [], updated: [], deleted: [] });

export function isChangesEmpty(changes: Changes): boolean {
  return Object.values(changes).every((t) => !t.created.length && !t.updated.length && !t.deleted.length);
}

/** The columns of a record without the local bookkeeping (what goes over the wire). */
export function rawOf(record: RawRecord): RawRecord {
  const out: RawRecord = { id: record.id };
  for (const [k, v] of Object.entries(record)) if (!k.startsWith('_')) out[k] = v;
  return out;
}
