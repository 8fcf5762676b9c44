import { sql } from 'drizzle-orm';
import { bigint, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ownerPolicy } from './rls.ts';
import { users } from './user.table.ts';

export type AlertSeverity = 'info' | 'warning' | 'critical';

/**
 * Something the runner should see until they act on it (a RiskAlert when ACWR or monotony crosses its
 * threshold). One per kind and day: a recomputation updates it instead of raising it twice.
 */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    severity: text('severity').$type<AlertSeverity>().notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    syncVersion: bigint('sync_version', { mode: 'number' }).notNull().default(0),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }),
  },
  (t) => [
    index('alerts_user_sync_version_idx').on(t.userId, t.syncVersion, t.id),
    // Sync conflicts are one alert each (the conflict log), not one per kind and day.
    uniqueIndex('alerts_user_kind_date_key')
      .on(t.userId, t.kind, t.date)
      .where(sql`${t.kind} <> 'sync_conflict'`),
    index('alerts_user_date_idx').on(t.userId, t.date),
    ownerPolicy('alerts_owner', t.userId),
  ],
).enableRLS();

export type AlertRow = typeof alerts.$inferSelect;
