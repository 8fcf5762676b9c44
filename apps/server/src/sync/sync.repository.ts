import { Inject, Injectable } from '@nestjs/common';
import { and, asc, eq, getTableColumns, gt, gte, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { queryRows } from '../db/connection.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import {
  activities,
  type ActivityRow,
  alerts,
  dailyMetrics,
  type DailyMetricsRow,
  notifications,
  rollingStats,
  scheduledWorkouts,
  type ScheduledWorkoutRow,
  syncClock,
  syncConflicts,
  syncDevices,
  syncRequests,
  syncTombstones,
  trainingPlans,
  type TrainingPlanRow,
  users,
  type UserRow,
} from '../schema/index.ts';
import { AppError } from '../utils/errors.ts';
import { pgErrorCode } from '../utils/pg-errors.ts';
import type { SyncTable } from './sync-tables.ts';

type RowTable = Exclude<SyncTable, 'user_settings'>;

/**
 * Ids are global primary keys: one another runner already uses (a client-made id colliding, or guessed)
 * meets the other runner's RLS policy. That is a 409 for the push (nothing written), never a 500.
 */
const idTaken = (table: string) => (err: unknown) => {
  if (pgErrorCode(err) !== INSUFFICIENT_PRIVILEGE) throw err;
  // The id is not echoed: the answer must not confirm another runner's record ids.
  throw new AppError(409, 'SYNC_ID_TAKEN', `${table}: a pushed id is used by another record`, {
    records: [{ table, id: null, field: 'id', message: 'is used by another record' }],
  });
};
const INSUFFICIENT_PRIVILEGE = '42501';

interface Cols {
  table: PgTable;
  userId: PgColumn;
  id: PgColumn;
  syncVersion: PgColumn;
  /** The runner's day the record belongs to (first-sync window), when it has one. */
  date?: PgColumn;
}

const TABLES: Record<RowTable, Cols> = {
  training_plans: { table: trainingPlans, ...pick(trainingPlans) },
  scheduled_workouts: { table: scheduledWorkouts, ...pick(scheduledWorkouts) },
  activities: { table: activities, ...pick(activities), date: activities.date },
  daily_metrics: { table: dailyMetrics, ...pick(dailyMetrics), date: dailyMetrics.date },
  rolling_stats: { table: rollingStats, ...pick(rollingStats), date: rollingStats.date },
  alerts: { table: alerts, ...pick(alerts), date: alerts.date },
};

/** An upsert's SET: every column of `row` but the keys takes the inserted value; updated_at is now. */
function excludedSet(table: PgTable, row: Record<string, unknown>): Record<string, SQL> {
  const columns = getTableColumns(table);
  const set: Record<string, SQL> = { updatedAt: sql`now()` };
  for (const key of Object.keys(row)) {
    if (key === 'id' || key === 'userId' || key === 'updatedAt') continue;
    set[key] = sql.raw(`excluded."${columns[key]!.name}"`);
  }
  return set;
}

function pick(t: { userId: PgColumn; id: PgColumn; syncVersion: PgColumn }) {
  return { userId: t.userId, id: t.id, syncVersion: t.syncVersion };
}

export interface PageQuery {
  since: number;
  upTo: number;
  /** First sync: dated records from this day on. */
  fromDate: string | null;
  /** Keyset position within the table: rows after (version, id). */
  after: { v: number; id: string } | null;
  limit: number;
}

export interface Tombstone {
  tableName: string;
  recordId: string;
  version: number;
}

export type SyncConflictRow = typeof syncConflicts.$inferSelect;
export type SyncDeviceRow = typeof syncDevices.$inferSelect;

/** One write of a conflict's undo (camelCase columns). */
export interface RestoreOp {
  op: 'update' | 'insert';
  table: 'activities' | 'daily_metrics' | 'scheduled_workouts';
  id: string;
  set: Record<string, unknown>;
}

const CONFLICT_TITLES: Record<string, string> = {
  device_wins: "Kept your device's measurements",
  merged_duplicate: 'Merged a duplicate record',
  server_wins: 'Kept the plan over an offline change',
  superseded_by_adaptive_plan: 'Change superseded by adaptive plan',
};

export type NewConflict = Pick<
  typeof syncConflicts.$inferInsert,
  'userId' | 'tableName' | 'recordId' | 'rule' | 'data'
>;

/** Everything sync reads and writes; versions and tombstones come from the triggers of migration 0009. */
@Injectable()
export class SyncRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  /** The runner's clock as this transaction's snapshot sees it (0 before the first write). */
  async clock(userId: string): Promise<number> {
    const [row] = await this.database.tx
      .select({ version: syncClock.version })
      .from(syncClock)
      .where(eq(syncClock.userId, userId));
    return row ? Number(row.version) : 0;
  }

  /** Takes this transaction's version now (the clock row lock): every later decision sees a settled state. */
  async takeVersion(userId: string): Promise<number> {
    const [row] = await queryRows<{ v: string | number }>(
      this.database.tx,
      sql`select rc_sync_next_version(${userId}::uuid) as v`,
    );
    return Number(row!.v);
  }

  /** One page of a table's rows with since < version <= upTo, by (version, id). */
  async page(table: RowTable, userId: string, q: PageQuery): Promise<Record<string, unknown>[]> {
    const c = TABLES[table];
    const where: (SQL | undefined)[] = [
      eq(c.userId, userId),
      gt(c.syncVersion, q.since),
      lte(c.syncVersion, q.upTo),
    ];
    if (q.fromDate && c.date) where.push(gte(c.date, q.fromDate));
    if (q.after) {
      where.push(or(gt(c.syncVersion, q.after.v), and(eq(c.syncVersion, q.after.v), gt(c.id, q.after.id))));
    }
    return (await this.database.tx
      .select()
      .from(c.table)
      .where(and(...where))
      .orderBy(asc(c.syncVersion), asc(c.id))
      .limit(q.limit)) as Record<string, unknown>[];
  }

  async settings(userId: string, since: number, upTo: number): Promise<UserRow | undefined> {
    const [row] = await this.database.tx
      .select()
      .from(users)
      .where(and(eq(users.id, userId), gt(users.settingsVersion, since), lte(users.settingsVersion, upTo)));
    return row;
  }

  tombstones(
    userId: string,
    q: Omit<PageQuery, 'fromDate' | 'after'> & { after: { v: number; id: string } | null },
  ): Promise<Tombstone[]> {
    const t = syncTombstones;
    // The id within a version is table + record, so the keyset key is that concatenation.
    const key = sql`${t.tableName} || '/' || ${t.recordId}`;
    const where: (SQL | undefined)[] = [eq(t.userId, userId), gt(t.version, q.since), lte(t.version, q.upTo)];
    if (q.after) {
      where.push(or(gt(t.version, q.after.v), and(eq(t.version, q.after.v), sql`${key} > ${q.after.id}`)));
    }
    return this.database.tx
      .select({ tableName: t.tableName, recordId: t.recordId, version: t.version })
      .from(t)
      .where(and(...where))
      .orderBy(asc(t.version), asc(key))
      .limit(q.limit);
  }

  /** Which of `ids` were deleted (deletes stay deleted: a push of them is ignored). */
  async tombstoned(userId: string, table: string, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.database.tx
      .select({ id: syncTombstones.recordId })
      .from(syncTombstones)
      .where(
        and(
          eq(syncTombstones.userId, userId),
          eq(syncTombstones.tableName, table),
          inArray(syncTombstones.recordId, ids),
        ),
      );
    return new Set(rows.map((r) => r.id));
  }

  /** A tombstone for an id the server never stored (a pushed duplicate merged away). */
  async addTombstone(userId: string, table: string, id: string, version: number): Promise<void> {
    await this.database.tx
      .insert(syncTombstones)
      .values({ userId, tableName: table, recordId: id, version })
      .onConflictDoUpdate({
        target: [syncTombstones.userId, syncTombstones.tableName, syncTombstones.recordId],
        set: { version },
      });
  }

  // --- idempotency ---------------------------------------------------------------------------------

  /**
   * Claims `key` for this transaction, or returns the answer stored under it. The insert waits for a
   * concurrent holder of the same key, so a duplicate delivery replays instead of racing.
   */
  async claimKey(userId: string, key: string): Promise<{ stored: unknown } | null> {
    const inserted = await this.database.tx
      .insert(syncRequests)
      .values({ userId, key, response: sql`'null'::jsonb` })
      .onConflictDoNothing()
      .returning({ key: syncRequests.key });
    if (inserted.length) return null;
    const [row] = await this.database.tx
      .select({ response: syncRequests.response, createdAt: syncRequests.createdAt })
      .from(syncRequests)
      .where(and(eq(syncRequests.userId, userId), eq(syncRequests.key, key)));
    // Older than 7 days: forgotten, the push runs again (its upserts are idempotent anyway).
    if (!row || Date.now() - row.createdAt.getTime() > 7 * 86_400_000) {
      await this.database.tx
        .update(syncRequests)
        .set({ response: sql`'null'::jsonb`, createdAt: sql`now()` })
        .where(and(eq(syncRequests.userId, userId), eq(syncRequests.key, key)));
      return null;
    }
    return { stored: row.response };
  }

  async storeKey(userId: string, key: string, response: unknown): Promise<void> {
    await this.database.tx
      .update(syncRequests)
      .set({ response })
      .where(and(eq(syncRequests.userId, userId), eq(syncRequests.key, key)));
  }

  /** Drops the runner's idempotency answers older than 7 days. */
  async pruneKeys(userId: string): Promise<void> {
    await this.database.tx
      .delete(syncRequests)
      .where(
        and(eq(syncRequests.userId, userId), sql`${syncRequests.createdAt} < now() - interval '7 days'`),
      );
  }

  // --- records ---------------------------------------------------------------------------------------

  async activitiesByIds(userId: string, ids: string[]): Promise<ActivityRow[]> {
    if (!ids.length) return [];
    return this.database.tx
      .select()
      .from(activities)
      .where(and(eq(activities.userId, userId), inArray(activities.id, ids)));
  }

  /** The runner's activities starting in [fromMs, toMs] (duplicate candidates), by id. */
  activitiesStarting(userId: string, fromMs: number, toMs: number): Promise<ActivityRow[]> {
    return this.database.tx
      .select()
      .from(activities)
      .where(
        and(
          eq(activities.userId, userId),
          gte(activities.startTime, new Date(fromMs).toISOString()),
          lte(activities.startTime, new Date(toMs).toISOString()),
        ),
      )
      .orderBy(asc(activities.id));
  }

  /**
   * One statement for a push's activity writes; each row's version afterwards by id (unchanged when its
   * values were: the stamp trigger keeps it). Rows must have distinct ids and the same columns.
   */
  async upsertActivities(rows: (typeof activities.$inferInsert)[]): Promise<Map<string, number>> {
    if (!rows.length) return new Map();
    const out = await this.database.tx
      .insert(activities)
      .values(rows)
      .onConflictDoUpdate({ target: activities.id, set: excludedSet(activities, rows[0]!) })
      .returning({ id: activities.id, version: activities.syncVersion })
      .catch(idTaken('activities'));
    return new Map(out.map((r) => [r.id, Number(r.version)]));
  }

  /** The deleted row, if there was one. */
  async deleteActivity(userId: string, id: string): Promise<ActivityRow | undefined> {
    const [row] = await this.database.tx
      .delete(activities)
      .where(and(eq(activities.userId, userId), eq(activities.id, id)))
      .returning();
    return row;
  }

  /** Points a completed workout at the surviving activity of a merge. */
  async relinkWorkouts(userId: string, fromId: string, toId: string): Promise<void> {
    await this.database.tx
      .update(scheduledWorkouts)
      .set({ completedActivityId: toId, updatedAt: sql`now()` })
      .where(and(eq(scheduledWorkouts.userId, userId), eq(scheduledWorkouts.completedActivityId, fromId)));
  }

  async metricsByIds(userId: string, ids: string[]): Promise<DailyMetricsRow[]> {
    if (!ids.length) return [];
    return this.database.tx
      .select()
      .from(dailyMetrics)
      .where(and(eq(dailyMetrics.userId, userId), inArray(dailyMetrics.id, ids)));
  }

  /** The runner's check-ins on any of `dates` (one per day). */
  async metricsOnDates(userId: string, dates: string[]): Promise<DailyMetricsRow[]> {
    if (!dates.length) return [];
    return this.database.tx
      .select()
      .from(dailyMetrics)
      .where(and(eq(dailyMetrics.userId, userId), inArray(dailyMetrics.date, dates)));
  }

  /** One statement for a push's check-in writes (distinct ids and days, the same columns). */
  async upsertMetrics(rows: (typeof dailyMetrics.$inferInsert)[]): Promise<void> {
    if (!rows.length) return;
    await this.database.tx
      .insert(dailyMetrics)
      .values(rows)
      .onConflictDoUpdate({ target: dailyMetrics.id, set: excludedSet(dailyMetrics, rows[0]!) })
      .catch(idTaken('daily_metrics'));
  }

  async deleteMetrics(userId: string, id: string): Promise<void> {
    await this.database.tx
      .delete(dailyMetrics)
      .where(and(eq(dailyMetrics.userId, userId), eq(dailyMetrics.id, id)));
  }

  async plansByIds(userId: string, ids: string[]): Promise<TrainingPlanRow[]> {
    if (!ids.length) return [];
    return this.database.tx
      .select()
      .from(trainingPlans)
      .where(and(eq(trainingPlans.userId, userId), inArray(trainingPlans.id, ids)));
  }

  async workoutsByIds(userId: string, ids: string[]): Promise<ScheduledWorkoutRow[]> {
    if (!ids.length) return [];
    return this.database.tx
      .select()
      .from(scheduledWorkouts)
      .where(and(eq(scheduledWorkouts.userId, userId), inArray(scheduledWorkouts.id, ids)));
  }

  async workoutOn(userId: string, planId: string, date: string): Promise<ScheduledWorkoutRow | undefined> {
    const [row] = await this.database.tx
      .select()
      .from(scheduledWorkouts)
      .where(
        and(
          eq(scheduledWorkouts.userId, userId),
          eq(scheduledWorkouts.planId, planId),
          eq(scheduledWorkouts.date, date),
        ),
      );
    return row;
  }

  async updateWorkout(
    userId: string,
    id: string,
    set: Partial<Pick<ScheduledWorkoutRow, 'date' | 'state' | 'completedActivityId'>>,
  ): Promise<void> {
    await this.database.tx
      .update(scheduledWorkouts)
      .set({ ...set, updatedAt: sql`now()` })
      .where(and(eq(scheduledWorkouts.userId, userId), eq(scheduledWorkouts.id, id)));
  }

  /**
   * Bumps a record's version without changing it (the `-1` the stamp trigger reads as "force"): the
   * server kept its value over a pushed one, and the client must pull it back.
   */
  async touch(table: RowTable | 'user_settings', userId: string, id: string): Promise<void> {
    if (table === 'user_settings') {
      await this.database.tx.update(users).set({ settingsVersion: -1 }).where(eq(users.id, userId));
      return;
    }
    const c = TABLES[table];
    await this.database.tx.execute(
      sql`update ${c.table} set sync_version = -1 where ${c.userId} = ${userId} and ${c.id} = ${id}`,
    );
  }

  async user(userId: string): Promise<UserRow | undefined> {
    const [row] = await this.database.tx.select().from(users).where(eq(users.id, userId));
    return row;
  }

  async setSettings(userId: string, settings: UserRow['settings']): Promise<void> {
    await this.database.tx
      .update(users)
      .set({ settings, updatedAt: sql`now()` })
      .where(eq(users.id, userId));
  }

  /** A conflict-log entry as the runner sees it: one `sync_conflict` alert each (pulled with the alerts). */
  async raiseConflictAlert(
    userId: string,
    date: string,
    c: {
      conflictId: string;
      table: string;
      recordId: string;
      rule: string;
      message: string;
      undoable: boolean;
    },
  ): Promise<void> {
    await this.database.tx.insert(alerts).values({
      userId,
      kind: 'sync_conflict',
      severity: 'info',
      date,
      title: CONFLICT_TITLES[c.rule] ?? 'A synced change was adjusted',
      body: `${c.table}: ${c.message}.${c.undoable ? ' You can undo this for 24 hours.' : ''}`,
      data: c,
    });
  }

  async conflictById(userId: string, id: string): Promise<SyncConflictRow | undefined> {
    const [row] = await this.database.tx
      .select()
      .from(syncConflicts)
      .where(and(eq(syncConflicts.userId, userId), eq(syncConflicts.id, id)))
      .for('update');
    return row;
  }

  async markUndone(userId: string, id: string): Promise<Date> {
    const [row] = await this.database.tx
      .update(syncConflicts)
      .set({ undoneAt: sql`now()` })
      .where(and(eq(syncConflicts.userId, userId), eq(syncConflicts.id, id)))
      .returning({ undoneAt: syncConflicts.undoneAt });
    // Its alert is settled: dismissed, marked undone (a real change, so it syncs down).
    await this.database.tx
      .update(alerts)
      .set({
        dismissedAt: sql`coalesce(${alerts.dismissedAt}, now())`,
        data: sql`${alerts.data} || '{"undone": true}'::jsonb`,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(alerts.userId, userId),
          eq(alerts.kind, 'sync_conflict'),
          sql`${alerts.data}->>'conflictId' = ${id}`,
        ),
      );
    return row!.undoneAt!;
  }

  /**
   * Undo's write of one record: the values back, the version forced up (`-1`) so every device pulls them.
   * Returns false when the record is gone.
   */
  async restore(userId: string, op: RestoreOp): Promise<boolean> {
    const c = TABLES[op.table];
    if (op.op === 'insert') {
      await this.database.tx
        .insert(c.table)
        .values({ ...op.set, id: op.id, userId } as never)
        .catch(idTaken(op.table));
      return true;
    }
    const rows = await this.database.tx
      .update(c.table)
      .set({ ...op.set, syncVersion: -1, updatedAt: sql`now()` } as never)
      .where(and(eq(c.userId, userId), eq(c.id, op.id)))
      .returning({ id: c.id });
    return rows.length > 0;
  }

  // --- session flow --------------------------------------------------------------------------------

  /** Changed records per table since `since` (up to `upTo`), and deletions. */
  async countsSince(userId: string, since: number, upTo: number): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const [name, c] of Object.entries(TABLES)) {
      const [row] = await this.database.tx
        .select({ n: sql<number>`count(*)::int` })
        .from(c.table)
        .where(and(eq(c.userId, userId), gt(c.syncVersion, since), lte(c.syncVersion, upTo)));
      out[name] = Number(row!.n);
    }
    out.user_settings = (await this.settings(userId, since, upTo)) ? 1 : 0;
    const [dead] = await this.database.tx
      .select({ n: sql<number>`count(*)::int` })
      .from(syncTombstones)
      .where(
        and(
          eq(syncTombstones.userId, userId),
          gt(syncTombstones.version, since),
          lte(syncTombstones.version, upTo),
        ),
      );
    out.deleted = Number(dead!.n);
    return out;
  }

  /** Records the device's acknowledged cursor; it only moves forward. */
  async acknowledge(userId: string, deviceId: string, version: number): Promise<SyncDeviceRow> {
    const [row] = await this.database.tx
      .insert(syncDevices)
      .values({ userId, deviceId, acknowledgedVersion: version })
      .onConflictDoUpdate({
        target: [syncDevices.userId, syncDevices.deviceId],
        set: {
          acknowledgedVersion: sql`greatest(${syncDevices.acknowledgedVersion}, excluded.acknowledged_version)`,
          lastSyncAt: sql`now()`,
        },
      })
      .returning();
    return row!;
  }

  devices(userId: string): Promise<SyncDeviceRow[]> {
    return this.database.tx
      .select()
      .from(syncDevices)
      .where(eq(syncDevices.userId, userId))
      .orderBy(asc(syncDevices.deviceId));
  }

  async logConflict(c: NewConflict): Promise<string> {
    const [row] = await this.database.tx.insert(syncConflicts).values(c).returning({ id: syncConflicts.id });
    return row!.id;
  }

  async notify(n: Pick<typeof notifications.$inferInsert, 'userId' | 'kind' | 'title' | 'body' | 'data'>) {
    await this.database.tx.insert(notifications).values(n);
  }
}
