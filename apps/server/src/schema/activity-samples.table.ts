import { customType, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { activities } from './activity.table.ts';
import { ownerPolicy } from './rls.ts';
import { users } from './user.table.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // PGlite hands back a Uint8Array, node-postgres a Buffer.
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * An activity's time series (HR, speed, cadence, power, GPS, altitude), one row per activity, stored
 * columnar and compressed in `data` (the codec named by `encoding`): a 4-hour 1 Hz run is a few hundred KB
 * as rows, a few tens of KB here, and it is always read whole.
 */
export const activitySamples = pgTable(
  'activity_samples',
  {
    activityId: text('activity_id')
      .primaryKey()
      .references(() => activities.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    encoding: text('encoding').notNull(),
    sampleCount: integer('sample_count').notNull(),
    /** Which channels `data` holds, in order (e.g. `t`, `hr`, `speed`, `lat`, `lon`). */
    channels: text('channels').array().notNull(),
    data: bytea('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [ownerPolicy('activity_samples_owner', t.userId)],
).enableRLS();

export type ActivitySamplesRow = typeof activitySamples.$inferSelect;
