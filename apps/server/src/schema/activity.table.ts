import type { ActivitySource, ActivityType } from '@runningcoach/contracts';
import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { scheduledWorkouts } from './plan.table.ts';
import { ownerPolicy } from './rls.ts';
import { users } from './user.table.ts';

/** A session the runner did: metadata, core metrics, how it felt, and its computed load. */
export const activities = pgTable(
  'activities',
  {
    // Text: WatermelonDB clients make their own (16-char) ids; the server's are uuid strings.
    id: text('id')
      .primaryKey()
      .default(sql`gen_random_uuid()::text`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    startTime: timestamp('start_time', { withTimezone: true, mode: 'string' }),
    type: text('type').$type<ActivityType>().notNull(),
    source: text('source').$type<ActivitySource>().notNull(),
    durationSec: doublePrecision('duration_sec').notNull(),
    distanceMeters: doublePrecision('distance_meters'),
    avgHr: integer('avg_hr'),
    maxHr: integer('max_hr'),
    elevationGainMeters: doublePrecision('elevation_gain_meters'),
    rpe: doublePrecision('rpe'),
    feeling: integer('feeling'),
    notes: text('notes'),
    /** sRPE (RPE x minutes). */
    internalLoad: doublePrecision('internal_load'),
    /** Banister TRIMP. */
    trimp: doublePrecision('trimp'),
    /**
     * Set by NormalizeActivity when a value is impossible (e.g. faster than the world record): the row is kept
     * as the runner entered it, but it counts for no load and fulfils no workout.
     */
    rejectedReason: text('rejected_reason'),
    workoutId: text('workout_id').references(() => scheduledWorkouts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Sync cursor: set by the `rc_sync_stamp` trigger from the runner's `sync_clock` (migration 0009). */
    syncVersion: bigint('sync_version', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    index('activities_user_date_idx').on(t.userId, t.date),
    index('activities_user_sync_version_idx').on(t.userId, t.syncVersion, t.id),
    ownerPolicy('activities_owner', t.userId),
  ],
).enableRLS();

export type ActivityRow = typeof activities.$inferSelect;
