import { SyncError } from '../errors.ts';
import type { SyncTransport } from '../http-transport.ts';
import { type Changes, emptyTableChanges, type PushResult, type RawRecord } from '../types.ts';

/**
 * A minimal in-process server for the client's pure unit tests only (the real assurance is the fault
 * simulation against the real server over HTTP): per-runner version clock, whole-record last write wins,
 * tombstones, idempotency-key replay, optional paging, and hooks to lose an answer after committing.
 */
export class FakeServer {
  version = 1000;
  readonly rows = new Map<string, { table: string; raw: RawRecord; version: number }>();
  readonly tombstones = new Map<string, { table: string; id: string; version: number }>();
  readonly answers = new Map<string, PushResult>();
  readonly log: string[] = [];
  pageSize = Infinity;

  transport(
    hooks: { afterCommit?: () => void; beforePush?: () => Promise<void> | void } = {},
  ): SyncTransport {
    return {
      pull: async ({ lastPulledAt, cursor }) => {
        this.log.push(`pull ${lastPulledAt ?? '-'}${cursor ? ` ${cursor}` : ''}`);
        const snapshot = cursor ? Number(cursor.split(':')[0]) : this.version;
        const after = cursor ? Number(cursor.split(':')[1]) : (lastPulledAt ?? 0);
        const entries = [
          ...[...this.rows.values()].map((r) => ({ ...r, id: r.raw.id, deleted: false })),
          ...[...this.tombstones.values()].map((t) => ({ ...t, raw: null, deleted: true })),
        ]
          .filter((e) => e.version > after && e.version <= snapshot)
          .sort((a, b) => a.version - b.version);
        const page = entries.slice(0, this.pageSize);
        const hasMore = entries.length > page.length;
        const changes: Changes = {};
        for (const e of page) {
          const t = (changes[e.table] ??= emptyTableChanges());
          if (e.deleted) t.deleted.push(e.id);
          else t.updated.push(structuredClone(e.raw!));
        }
        const last = page.at(-1);
        return hasMore
          ? { changes, timestamp: null, hasMore, nextCursor: `${snapshot}:${last!.version}` }
          : { changes, timestamp: snapshot, hasMore: false };
      },
      push: async ({ changes, idempotencyKey }) => {
        this.log.push(`push ${idempotencyKey}`);
        await hooks.beforePush?.();
        const replay = this.answers.get(idempotencyKey);
        if (replay) return replay;
        for (const [table, t] of Object.entries(changes)) {
          for (const raw of [...t.created, ...t.updated]) {
            if (this.tombstones.has(`${table}/${raw.id}`)) continue;
            this.rows.set(`${table}/${raw.id}`, {
              table,
              raw: structuredClone(raw),
              version: ++this.version,
            });
          }
          for (const id of t.deleted) {
            if (!this.rows.delete(`${table}/${id}`)) continue;
            this.tombstones.set(`${table}/${id}`, { table, id, version: ++this.version });
          }
        }
        const answer: PushResult = { ok: true, conflicts: [] };
        this.answers.set(idempotencyKey, answer);
        if (hooks.afterCommit) {
          hooks.afterCommit();
        }
        return answer;
      },
    };
  }

  /** A write by "the server or another device". */
  put(table: string, raw: RawRecord) {
    this.rows.set(`${table}/${raw.id}`, { table, raw: structuredClone(raw), version: ++this.version });
  }

  get(table: string, id: string): RawRecord | undefined {
    return this.rows.get(`${table}/${id}`)?.raw;
  }
}

/** Throws the error a dropped connection gives. */
export const lostAnswer = () => {
  throw new SyncError('network error: socket hang up', 'network', true);
};
