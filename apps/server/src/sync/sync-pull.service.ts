import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { AppError } from '../utils/errors.ts';
import { SyncRepository } from './sync.repository.ts';
import {
  activityRaw,
  alertRaw,
  dailyMetricsRaw,
  type RawRecord,
  rollingStatRaw,
  scheduledWorkoutRaw,
  SYNC_TABLES,
  type SyncTable,
  trainingPlanRaw,
  userSettingsRaw,
} from './sync-tables.ts';

export interface TableChanges {
  created: RawRecord[];
  updated: RawRecord[];
  deleted: string[];
}
export type Changes = Record<SyncTable, TableChanges>;

export interface PullResult {
  changes: Changes;
  /** The runner's clock at the pull's snapshot; `null` while `hasMore` (store only the last page's). */
  timestamp: number | null;
  hasMore: boolean;
  nextCursor: string | null;
}

export interface PullQuery {
  lastPulledAt?: number;
  limit?: number;
  cursor?: string;
  windowDays?: number;
}

/** Where a paged pull stands: its snapshot bound, its window and the last (version, id) sent. */
const CursorSchema = z.object({
  V: z.number().int().nonnegative(),
  s: z.number().int().nonnegative(),
  f: z.string().nullable(),
  t: z.number().int().min(0).max(SYNC_TABLES.length),
  v: z.number().int().nullable(),
  i: z.string().nullable(),
});
type Cursor = z.infer<typeof CursorSchema>;

const TOMBSTONES = SYNC_TABLES.length;
const NO_LIMIT = 1_000_000;
export const DEFAULT_WINDOW_DAYS = 90;

const RAW: Partial<Record<SyncTable, (row: never) => RawRecord>> = {
  training_plans: trainingPlanRaw,
  scheduled_workouts: scheduledWorkoutRaw,
  activities: activityRaw,
  daily_metrics: dailyMetricsRaw,
  rolling_stats: rollingStatRaw,
  alerts: alertRaw,
};

export const emptyChanges = (): Changes =>
  Object.fromEntries(
    SYNC_TABLES.map((t) => [t, { created: [], updated: [], deleted: [] }]),
  ) as unknown as Changes;

/**
 * Pull: one REPEATABLE READ transaction reads the runner's clock V and the rows with
 * lastPulledAt < version <= V. A write still open holds a version > V (it took the clock row lock), so it
 * arrives on the next pull however transactions commit. Pages resume at (table, version, id) below the
 * same V; a row changed between pages moves above V and comes with the next pull.
 */
@Injectable()
export class SyncPullService {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(SyncRepository) private readonly sync: SyncRepository,
  ) {}

  pull(userId: string, q: PullQuery, today: Date = new Date()): Promise<PullResult> {
    const since = q.lastPulledAt ?? 0;
    const cursor = q.cursor ? decodeCursor(q.cursor, since) : null;
    return this.database.asUser(
      userId,
      async () => {
        const upTo = cursor ? cursor.V : Math.max(await this.sync.clock(userId), 1);
        const windowDays = q.windowDays ?? DEFAULT_WINDOW_DAYS;
        const fromDate = cursor
          ? cursor.f
          : since === 0 && windowDays > 0
            ? new Date(today.getTime() - windowDays * 86_400_000).toISOString().slice(0, 10)
            : null;
        const changes = emptyChanges();
        let remaining = q.limit ?? NO_LIMIT;
        for (let t = cursor?.t ?? 0; t <= TOMBSTONES; t++) {
          const after = cursor && cursor.t === t && cursor.v !== null ? { v: cursor.v, id: cursor.i! } : null;
          const page = await this.readTable(userId, t, {
            since,
            upTo,
            fromDate,
            after,
            limit: remaining + 1,
          });
          const sent = page.slice(0, remaining);
          for (const item of sent) item.add(changes);
          remaining -= sent.length;
          if (page.length > sent.length || (remaining === 0 && t < TOMBSTONES)) {
            const last = sent.at(-1);
            const next: Cursor = last
              ? { V: upTo, s: since, f: fromDate, t, v: last.v, i: last.id }
              : { V: upTo, s: since, f: fromDate, t: t + (page.length ? 0 : 1), v: null, i: null };
            return { changes, timestamp: null, hasMore: true, nextCursor: encodeCursor(next) };
          }
        }
        return { changes, timestamp: upTo, hasMore: false, nextCursor: null };
      },
      { isolation: 'repeatable read' },
    );
  }

  private async readTable(
    userId: string,
    t: number,
    q: {
      since: number;
      upTo: number;
      fromDate: string | null;
      after: { v: number; id: string } | null;
      limit: number;
    },
  ): Promise<{ v: number; id: string; add: (c: Changes) => void }[]> {
    if (t === TOMBSTONES) {
      // A first sync has nothing to delete.
      if (q.since === 0) return [];
      const rows = await this.sync.tombstones(userId, q);
      return rows.map((r) => ({
        v: Number(r.version),
        id: `${r.tableName}/${r.recordId}`,
        add: (c) => c[r.tableName as SyncTable]?.deleted.push(r.recordId),
      }));
    }
    const table = SYNC_TABLES[t]!;
    if (table === 'user_settings') {
      if (q.after) return [];
      const user = await this.sync.settings(userId, q.since, q.upTo);
      // Created before any settings change (version 0): a first sync still needs it.
      const row = user ?? (q.since === 0 ? await this.sync.user(userId) : undefined);
      return row
        ? [
            {
              v: Number(row.settingsVersion),
              id: row.id,
              add: (c) => c.user_settings.updated.push(userSettingsRaw(row)),
            },
          ]
        : [];
    }
    const toRaw = RAW[table]!;
    const rows = await this.sync.page(table, userId, q);
    return rows.map((r) => ({
      v: Number(r.syncVersion),
      id: String(r.id),
      add: (c) => c[table].updated.push(toRaw(r as never)),
    }));
  }
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(raw: string, since: number): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const result = CursorSchema.safeParse(parsed);
  if (!result.success || result.data.s !== since || (result.data.v === null) !== (result.data.i === null)) {
    throw new AppError(400, 'INVALID_CURSOR', 'cursor: is not a cursor of this pull (same last_pulled_at)', {
      field: 'cursor',
    });
  }
  return result.data;
}
