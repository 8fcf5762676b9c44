import { applyRemoteChanges } from './apply-remote.ts';
import { recordErrorsOf, SyncError } from './errors.ts';
import type { SyncTransport } from './http-transport.ts';
import { fetchLocalChanges, markLocalChangesAsSynced } from './local-changes.ts';
import { DEFAULT_MAX_PUSH_RECORDS, firstBatch } from './priorities.ts';
import {
  type LocalStore,
  type LocalStoreTx,
  META_LAST_PULLED_AT,
  META_PENDING_PUSH,
  META_REJECTED,
} from './local-store.ts';
import {
  type Changes,
  emptyTableChanges,
  isChangesEmpty,
  type PendingPush,
  PUSH_TABLES,
  type RejectedRecord,
  type SyncConflict,
} from './types.ts';

export interface SynchronizeOptions {
  store: LocalStore;
  transport: SyncTransport;
  /** Makes the idempotency key of a new push (random, unique per batch). */
  newKey: () => string;
  pushTables?: readonly string[];
  schemaVersion?: number;
  /** Records per push (default 500): a larger queue goes in several pushes, most important first. */
  maxPushRecords?: number;
  /** Test hook: runs inside the transaction that would mark a push synced (throw to simulate a crash there). */
  beforeMarkSynced?: (pushed: PendingPush) => void | Promise<void>;
}

export interface SynchronizeResult {
  pulled: number;
  pushed: number;
  conflicts: SyncConflict[];
  rejected: RejectedRecord[];
  lastPulledAt: number;
}

/**
 * One WatermelonDB-style cycle: pull, apply (local changes win per column), push, mark synced what did not
 * change meanwhile. One more step first: a push whose answer never came back (it is persisted with its
 * idempotency key before it is sent) is sent again, unchanged and with the same key, BEFORE pulling. The
 * server then either applies it now or replays the answer it stored, and the pull that follows starts from
 * the cursor the lost push was made against, so it brings down whatever the server made of it and of later
 * writes by other devices; pushing it under a fresh key instead would re-apply stale values over newer ones.
 */
export async function synchronize(opts: SynchronizeOptions): Promise<SynchronizeResult> {
  const { store, transport } = opts;
  const pushTables = opts.pushTables ?? PUSH_TABLES;
  const conflicts: SyncConflict[] = [];
  const rejected: RejectedRecord[] = [];
  let pushed = 0;

  const pending = await store.transaction((tx) => tx.getMeta<PendingPush>(META_PENDING_PUSH));
  if (pending) {
    const outcome = await pushBatch(opts, pending);
    conflicts.push(...outcome.conflicts);
    rejected.push(...outcome.rejected);
    pushed += outcome.pushed;
  }

  // Pull every page before applying anything: the local apply is all or nothing, and lastPulledAt only
  // moves once the last page has arrived.
  const lastPulledAt = await store.transaction((tx) => tx.getMeta<number>(META_LAST_PULLED_AT));
  const pull = await pullAll(transport, lastPulledAt ?? null, opts.schemaVersion);
  await store.transaction(async (tx) => {
    const now = await tx.getMeta<number>(META_LAST_PULLED_AT);
    if ((now ?? null) !== (lastPulledAt ?? null)) {
      throw new SyncError('another sync ran meanwhile', 'conflict', true);
    }
    await applyRemoteChanges(tx, pull.changes, store.tables);
    await tx.setMeta(META_LAST_PULLED_AT, pull.timestamp);
  });

  // The queue in pushes of at most maxPushRecords, completed workouts and check-ins first; a batch that held
  // everything ends the cycle (a record edited while its push was in flight goes with the next cycle).
  const max = opts.maxPushRecords ?? DEFAULT_MAX_PUSH_RECORDS;
  for (let more = true; more;) {
    const batch = await store.transaction(async (tx) => {
      const all = await fetchLocalChanges(tx, pushTables);
      if (isChangesEmpty(all)) return null;
      const changes = firstBatch(all, max);
      more = changes !== all;
      const next: PendingPush = { key: opts.newKey(), lastPulledAt: pull.timestamp, changes };
      await tx.setMeta(META_PENDING_PUSH, next);
      return next;
    });
    if (!batch) break;
    const outcome = await pushBatch(opts, batch);
    conflicts.push(...outcome.conflicts);
    rejected.push(...outcome.rejected);
    pushed += outcome.pushed;
    if (!outcome.pushed) break;
  }
  return { pulled: countChanges(pull.changes), pushed, conflicts, rejected, lastPulledAt: pull.timestamp };
}

/** Sends a persisted batch; on an answer, marks it synced and forgets it. A lost answer keeps it pending. */
async function pushBatch(opts: SynchronizeOptions, batch: PendingPush) {
  let conflicts: SyncConflict[] = [];
  let rejected: RejectedRecord[] = [];
  try {
    ({ conflicts } = await opts.transport.push({
      lastPulledAt: batch.lastPulledAt,
      changes: batch.changes,
      idempotencyKey: batch.key,
    }));
  } catch (err) {
    if (!(err instanceof SyncError) || err.retryable || err.kind === 'auth') throw err;
    // Refused for good (400): remember the refused records so they stop blocking the rest, drop the batch.
    rejected = await opts.store.transaction(async (tx) => {
      const refused = await rememberRejected(tx, err);
      await tx.setMeta(META_PENDING_PUSH, undefined);
      return refused;
    });
    if (!rejected.length) throw err;
    return { conflicts, rejected, pushed: 0 };
  }
  await opts.store.transaction(async (tx) => {
    await opts.beforeMarkSynced?.(batch);
    await markLocalChangesAsSynced(tx, batch.changes);
    await tx.setMeta(META_PENDING_PUSH, undefined);
  });
  return { conflicts, rejected, pushed: countChanges(batch.changes) };
}

async function rememberRejected(tx: LocalStoreTx, err: SyncError): Promise<RejectedRecord[]> {
  const errors = recordErrorsOf(err.details) ?? [];
  const known = (await tx.getMeta<RejectedRecord[]>(META_REJECTED)) ?? [];
  const added: RejectedRecord[] = [];
  for (const e of errors) {
    const record = await tx.get(e.table, e.id).catch(() => undefined);
    if (!record) continue;
    added.push({ table: e.table, id: e.id, record, field: e.field, message: e.message });
  }
  const kept = known.filter((k) => !added.some((a) => a.table === k.table && a.id === k.id));
  await tx.setMeta(META_REJECTED, [...kept, ...added]);
  return added;
}

async function pullAll(transport: SyncTransport, lastPulledAt: number | null, schemaVersion?: number) {
  const changes: Changes = {};
  let cursor: string | null = null;
  for (;;) {
    const page = await transport.pull({ lastPulledAt, cursor, schemaVersion });
    mergeInto(changes, page.changes);
    if (!page.hasMore) return { changes, timestamp: page.timestamp! };
    if (!page.nextCursor || page.nextCursor === cursor) {
      throw new SyncError('pull page says hasMore without a new cursor', 'protocol', true);
    }
    cursor = page.nextCursor;
  }
}

/** Later pages win for an id; a delete anywhere wins over a record of the same id. */
function mergeInto(target: Changes, page: Changes) {
  for (const [table, t] of Object.entries(page)) {
    const into = (target[table] ??= emptyTableChanges());
    const incoming = [...(t.created ?? []), ...(t.updated ?? [])];
    const ids = new Set([...incoming.map((r) => r.id), ...(t.deleted ?? [])]);
    into.created = into.created.filter((r) => !ids.has(r.id));
    into.updated = into.updated.filter((r) => !ids.has(r.id));
    into.updated.push(...incoming.filter((r) => !(t.deleted ?? []).includes(r.id)));
    into.deleted = [...new Set([...into.deleted, ...(t.deleted ?? [])])];
  }
}

function countChanges(changes: Changes): number {
  let n = 0;
  for (const t of Object.values(changes)) n += t.created.length + t.updated.length + t.deleted.length;
  return n;
}
