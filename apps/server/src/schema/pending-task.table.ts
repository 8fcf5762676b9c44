import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { activities } from './activity.table.ts';
import { ownerPolicy } from './rls.ts';
import { users } from './user.table.ts';

export type PendingTaskKind = 'rpe_missing';

/** Something the app should ask the runner for (e.g. the RPE of an imported run), until it is done. */
export const pendingTasks = pgTable(
  'pending_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<PendingTaskKind>().notNull(),
    activityId: text('activity_id').references(() => activities.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    // A retried NormalizeActivity must not ask twice.
    uniqueIndex('pending_tasks_user_kind_activity_key').on(t.userId, t.kind, t.activityId),
    index('pending_tasks_user_open_idx').on(t.userId, t.doneAt),
    ownerPolicy('pending_tasks_owner', t.userId),
  ],
).enableRLS();

export type PendingTaskRow = typeof pendingTasks.$inferSelect;
