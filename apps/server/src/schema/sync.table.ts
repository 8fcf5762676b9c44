import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ownerPolicy } from './rls.ts';
import { users } from './user.table.ts';

/**
 * The runner's sync clock. Every write to a synced table takes the next value inside its transaction
 * (`rc_sync_next_version`, a row lock), so one runner's writes get versions in commit order and a pull that
 * reads the clock from its snapshot never misses a write that commits after it.
 */
export const syncClock = pgTable(
  'sync_clock',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    version: bigint('version', { mode: 'number' }).notNull(),
  },
  (t) => [ownerPolicy('sync_clock_owner', t.userId)],
).enableRLS();

/** A deleted synced record: pulled as `deleted`, and a push of that id is ignored (deletes stay deleted). */
export const syncTombstones = pgTable(
  'sync_tombstones',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tableName: text('table_name').notNull(),
    recordId: text('record_id').notNull(),
    version: bigint('version', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.tableName, t.recordId] }),
    index('sync_tombstones_user_version_idx').on(t.userId, t.version, t.recordId),
    ownerPolicy('sync_tombstones_owner', t.userId),
  ],
).enableRLS();

/** A push's answer under its `Idempotency-Key`, replayed for 7 days. */
export const syncRequests = pgTable(
  'sync_requests',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    response: jsonb('response').$type<unknown>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.key] }),
    index('sync_requests_created_idx').on(t.createdAt),
    ownerPolicy('sync_requests_owner', t.userId),
  ],
).enableRLS();

/** A merge or override the server applied to a pushed record, with what it replaced (undo for 24 h). */
export const syncConflicts = pgTable(
  'sync_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tableName: text('table_name').notNull(),
    recordId: text('record_id').notNull(),
    rule: text('rule').notNull(),
    /** The client's values the server did not keep, and the values it kept instead. */
    data: jsonb('data')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
  },
  (t) => [
    index('sync_conflicts_user_created_idx').on(t.userId, t.createdAt),
    ownerPolicy('sync_conflicts_owner', t.userId),
  ],
).enableRLS();

/** What each of a runner's devices acknowledged (`POST /sync/complete`), for `GET /sync/status`. */
export const syncDevices = pgTable(
  'sync_devices',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    deviceId: text('device_id').notNull(),
    /** The highest pull `timestamp` the device applied (versions only move forward). */
    acknowledgedVersion: bigint('acknowledged_version', { mode: 'number' }).notNull(),
    lastSyncAt: timestamp('last_sync_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.deviceId] }), ownerPolicy('sync_devices_owner', t.userId)],
).enableRLS();
