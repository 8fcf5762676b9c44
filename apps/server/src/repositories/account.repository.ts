import { Inject, Injectable } from '@nestjs/common';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { queryRows } from '../db/connection.ts';
import {
  activities,
  activitySamples,
  type ActivitySamplesRow,
  alerts,
  auditLog,
  dailyMetrics,
  nutritionDays,
  deviceSessions,
  notifications,
  pendingTasks,
  refreshTokens,
  rollingStats,
  scheduledWorkouts,
  syncClock,
  syncConflicts,
  syncDevices,
  activityOrigins,
  providerConnections,
  oauthStates,
  webhookEvents,
  deviceSecrets,
  syncRequests,
  syncTombstones,
  trainingPlans,
  users,
} from '../schema/index.ts';
import { DatabaseRepository } from './database.repository.ts';

/** Every row of one runner, by table; secrets (password and token hashes, the calendar secret) left out. */
export interface RunnerRows {
  user: Record<string, unknown> | undefined;
  deviceSessions: Record<string, unknown>[];
  refreshTokens: Record<string, unknown>[];
  trainingPlans: Record<string, unknown>[];
  scheduledWorkouts: Record<string, unknown>[];
  activities: Record<string, unknown>[];
  dailyMetrics: Record<string, unknown>[];
  notifications: Record<string, unknown>[];
  alerts: Record<string, unknown>[];
  pendingTasks: Record<string, unknown>[];
  rollingStats: Record<string, unknown>[];
  auditLog: Record<string, unknown>[];
  syncClock: Record<string, unknown>[];
  syncTombstones: Record<string, unknown>[];
  syncRequests: Record<string, unknown>[];
  syncConflicts: Record<string, unknown>[];
  syncDevices: Record<string, unknown>[];
  activityOrigins: Record<string, unknown>[];
  providerConnections: Record<string, unknown>[];
  oauthStates: Record<string, unknown>[];
  webhookEvents: Record<string, unknown>[];
  deviceSecrets: Record<string, unknown>[];
  nutritionDays: Record<string, unknown>[];
}

/** The export's key for each runner table; the export test fails when the catalog has a table missing here. */
export const EXPORT_SECTIONS: Record<string, keyof RunnerRows | 'activitySamples'> = {
  users: 'user',
  device_sessions: 'deviceSessions',
  refresh_tokens: 'refreshTokens',
  training_plans: 'trainingPlans',
  scheduled_workouts: 'scheduledWorkouts',
  activities: 'activities',
  activity_samples: 'activitySamples',
  daily_metrics: 'dailyMetrics',
  notifications: 'notifications',
  alerts: 'alerts',
  pending_tasks: 'pendingTasks',
  rolling_stats: 'rollingStats',
  audit_log: 'auditLog',
  sync_clock: 'syncClock',
  sync_tombstones: 'syncTombstones',
  sync_requests: 'syncRequests',
  sync_conflicts: 'syncConflicts',
  sync_devices: 'syncDevices',
  activity_origins: 'activityOrigins',
  provider_connections: 'providerConnections',
  oauth_states: 'oauthStates',
  webhook_events: 'webhookEvents',
  device_secrets: 'deviceSecrets',
  nutrition_days: 'nutritionDays',
};

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

/** Reads and erases everything a runner has: `GET /account/export` and `DELETE /account`. */
@Injectable()
export class AccountRepository {
  private tables?: Promise<string[]>;

  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  /**
   * Every table of the public schema owned per runner (a `user_id` column), read from the catalog rather
   * than listed by hand, so a table added by a later migration is erased too. Fixed once migrated.
   */
  runnerTables(): Promise<string[]> {
    this.tables ??= queryRows<{ name: string }>(
      this.database.tx,
      sql`select c.relname as name from pg_catalog.pg_attribute a
          join pg_catalog.pg_class c on c.oid = a.attrelid
          join pg_catalog.pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attname = 'user_id'
            and not a.attisdropped
          order by c.relname`,
    ).then(
      (rows) => rows.map((r) => r.name),
      (err: unknown) => {
        this.tables = undefined;
        throw err;
      },
    );
    return this.tables;
  }

  /** All rows but the samples (read page by page, they are the bulk). Call inside the runner's transaction. */
  async rows(userId: string): Promise<RunnerRows> {
    const tx = this.database.tx;
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    const {
      passwordHash: _p,
      calendarToken,
      ...userRest
    } = user ?? ({} as Partial<typeof users.$inferSelect>);
    return {
      user: user && { ...userRest, calendarFeed: calendarToken != null },
      deviceSessions: await tx
        .select()
        .from(deviceSessions)
        .where(eq(deviceSessions.userId, userId))
        .orderBy(asc(deviceSessions.createdAt)),
      refreshTokens: await tx
        .select({
          id: refreshTokens.id,
          sessionId: refreshTokens.sessionId,
          createdAt: refreshTokens.createdAt,
          expiresAt: refreshTokens.expiresAt,
          usedAt: refreshTokens.usedAt,
          replacedBy: refreshTokens.replacedBy,
        })
        .from(refreshTokens)
        .where(eq(refreshTokens.userId, userId))
        .orderBy(asc(refreshTokens.createdAt)),
      trainingPlans: await tx
        .select()
        .from(trainingPlans)
        .where(eq(trainingPlans.userId, userId))
        .orderBy(asc(trainingPlans.version)),
      scheduledWorkouts: await tx
        .select()
        .from(scheduledWorkouts)
        .where(eq(scheduledWorkouts.userId, userId))
        .orderBy(asc(scheduledWorkouts.date), asc(scheduledWorkouts.id)),
      activities: await tx
        .select()
        .from(activities)
        .where(eq(activities.userId, userId))
        .orderBy(asc(activities.date), asc(activities.createdAt)),
      dailyMetrics: await tx
        .select()
        .from(dailyMetrics)
        .where(eq(dailyMetrics.userId, userId))
        .orderBy(asc(dailyMetrics.date)),
      notifications: await tx
        .select()
        .from(notifications)
        .where(eq(notifications.userId, userId))
        .orderBy(asc(notifications.createdAt)),
      alerts: await tx.select().from(alerts).where(eq(alerts.userId, userId)).orderBy(asc(alerts.date)),
      pendingTasks: await tx
        .select()
        .from(pendingTasks)
        .where(eq(pendingTasks.userId, userId))
        .orderBy(asc(pendingTasks.createdAt)),
      rollingStats: await tx
        .select()
        .from(rollingStats)
        .where(eq(rollingStats.userId, userId))
        .orderBy(asc(rollingStats.date)),
      auditLog: await tx.select().from(auditLog).where(eq(auditLog.userId, userId)).orderBy(asc(auditLog.at)),
      // Sync bookkeeping (src/sync): the clock, deleted ids, idempotent answers, the conflict log, devices.
      nutritionDays: await tx
        .select()
        .from(nutritionDays)
        .where(eq(nutritionDays.userId, userId))
        .orderBy(asc(nutritionDays.date)),
      syncClock: await tx.select().from(syncClock).where(eq(syncClock.userId, userId)),
      syncTombstones: await tx
        .select()
        .from(syncTombstones)
        .where(eq(syncTombstones.userId, userId))
        .orderBy(asc(syncTombstones.version)),
      syncRequests: await tx
        .select()
        .from(syncRequests)
        .where(eq(syncRequests.userId, userId))
        .orderBy(asc(syncRequests.createdAt)),
      syncConflicts: await tx
        .select()
        .from(syncConflicts)
        .where(eq(syncConflicts.userId, userId))
        .orderBy(asc(syncConflicts.createdAt)),
      syncDevices: await tx.select().from(syncDevices).where(eq(syncDevices.userId, userId)),
      // Integrations: never the tokens, verifiers or device secrets themselves.
      activityOrigins: await tx.select().from(activityOrigins).where(eq(activityOrigins.userId, userId)),
      providerConnections: await tx
        .select({
          provider: providerConnections.provider,
          externalUserId: providerConnections.externalUserId,
          scope: providerConnections.scope,
          createdAt: providerConnections.createdAt,
        })
        .from(providerConnections)
        .where(eq(providerConnections.userId, userId)),
      oauthStates: await tx
        .select({ provider: oauthStates.provider, expiresAt: oauthStates.expiresAt })
        .from(oauthStates)
        .where(eq(oauthStates.userId, userId)),
      webhookEvents: await tx.select().from(webhookEvents).where(eq(webhookEvents.userId, userId)),
      deviceSecrets: await tx
        .select({
          id: deviceSecrets.id,
          deviceName: deviceSecrets.deviceName,
          createdAt: deviceSecrets.createdAt,
        })
        .from(deviceSecrets)
        .where(eq(deviceSecrets.userId, userId)),
    };
  }

  /** One page of sample rows, by activity id after `afterActivityId` (keyset paging). */
  samplesPage(userId: string, afterActivityId: string | null, limit: number): Promise<ActivitySamplesRow[]> {
    const where = afterActivityId
      ? and(eq(activitySamples.userId, userId), gt(activitySamples.activityId, afterActivityId))
      : eq(activitySamples.userId, userId);
    return this.database.tx
      .select()
      .from(activitySamples)
      .where(where)
      .orderBy(asc(activitySamples.activityId))
      .limit(limit);
  }

  /**
   * Deletes the runner's rows from every runner table, then the runner, and checks that none is left
   * (the foreign keys cascade from users too; this does not rely on it). Inside the runner's transaction.
   */
  async eraseRunner(userId: string): Promise<void> {
    const tx = this.database.tx;
    const tables = await this.runnerTables();
    // Children before parents is not needed (every reference cascades or nulls), but it keeps cascades idle.
    for (const table of [...tables].sort((a, b) => childFirst(a) - childFirst(b))) {
      await tx.execute(sql`delete from ${ident(table)} where user_id = ${userId}`);
    }
    await tx.delete(users).where(eq(users.id, userId));
    const left: string[] = [];
    for (const table of tables) {
      const [row] = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from ${ident(table)} where user_id = ${userId}`,
      );
      if (row?.n) left.push(table);
    }
    const [user] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from users where id = ${userId}`,
    );
    if (user?.n) left.push('users');
    if (left.length) throw new Error(`account erase left rows in: ${left.join(', ')}`);
  }
}

// Rows that reference other runner rows go first.
const ORDER = [
  'activity_origins',
  'activity_samples',
  'pending_tasks',
  'refresh_tokens',
  'device_sessions',
  'activities',
];
const childFirst = (t: string) => (ORDER.includes(t) ? ORDER.indexOf(t) : ORDER.length);
