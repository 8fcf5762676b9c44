import type { Readiness } from '@runningcoach/contracts';
import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ownerPolicy } from './rls.ts';
import { users } from './user.table.ts';

/** One morning check-in per runner and local day, with what the Brain made of it. */
export const dailyMetrics = pgTable(
  'daily_metrics',
  {
    // Text: WatermelonDB clients make their own ids (see activities).
    id: text('id')
      .primaryKey()
      .default(sql`gen_random_uuid()::text`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    restingHr: integer('resting_hr'),
    hrvRmssd: doublePrecision('hrv_rmssd'),
    sleepDurationMinutes: doublePrecision('sleep_duration_minutes'),
    sleepQuality: integer('sleep_quality'),
    soreness: integer('soreness'),
    stress: integer('stress'),
    mood: integer('mood'),
    morningReadiness: integer('morning_readiness'),
    weightKg: doublePrecision('weight_kg'),
    sleepIndex: doublePrecision('sleep_index'),
    readiness: jsonb('readiness').$type<Readiness>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    syncVersion: bigint('sync_version', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    uniqueIndex('daily_metrics_user_date_key').on(t.userId, t.date),
    index('daily_metrics_user_sync_version_idx').on(t.userId, t.syncVersion, t.id),
    ownerPolicy('daily_metrics_owner', t.userId),
  ],
).enableRLS();

export type DailyMetricsRow = typeof dailyMetrics.$inferSelect;

/** Something the runner should hear about (a plan change with its reasons, a risk alert). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_created_idx').on(t.userId, t.createdAt),
    ownerPolicy('notifications_owner', t.userId),
  ],
).enableRLS();

export type NotificationRow = typeof notifications.$inferSelect;
