import {
  bigint,
  index,
  date,
  doublePrecision,
  pgTable,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ownerPolicy } from './rls.ts';
import { users } from './user.table.ts';

/** The runner's daily load series as UpdateRollingStats last computed it (EWMA loads, ACWR, TSB, monotony). */
export const rollingStats = pgTable(
  'rolling_stats',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    load: doublePrecision('load').notNull(),
    acute: doublePrecision('acute').notNull(),
    chronic: doublePrecision('chronic').notNull(),
    acwr: doublePrecision('acwr'),
    tsb: doublePrecision('tsb').notNull(),
    monotony: doublePrecision('monotony'),
    strain: doublePrecision('strain').notNull(),
    fitness: doublePrecision('fitness').notNull(),
    fatigue: doublePrecision('fatigue').notNull(),
    form: doublePrecision('form').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    syncVersion: bigint('sync_version', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    index('rolling_stats_user_sync_version_idx').on(t.userId, t.syncVersion, t.id),
    uniqueIndex('rolling_stats_user_date_key').on(t.userId, t.date),
    ownerPolicy('rolling_stats_owner', t.userId),
  ],
).enableRLS();

export type RollingStatsRow = typeof rollingStats.$inferSelect;
