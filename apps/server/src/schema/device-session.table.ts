import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ownerPolicy } from './rls.ts';
import { users } from './user.table.ts';

/** One signed-in device; revoking it kills every refresh token it holds. */
export const deviceSessions = pgTable(
  'device_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    deviceId: text('device_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('device_sessions_user_device_idx').on(t.userId, t.deviceId),
    ownerPolicy('device_sessions_owner', t.userId),
  ],
).enableRLS();

export type DeviceSessionRow = typeof deviceSessions.$inferSelect;
