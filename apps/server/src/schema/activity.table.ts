import type { ActivitySource, ActivityType } from '@runningcoach/contracts';
import { date, doublePrecision, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { scheduledWorkouts } from './plan.table.ts';
import { ownerPolicy } from './rls.ts';
import { users } from './user.table.ts';

/** A session the runner did: metadata, core metrics, how it felt, and its computed load. */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
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
  },
  (t) => [index('activities_user_date_idx').on(t.userId, t.date), ownerPolicy('activities_owner', t.userId)],
).enableRLS();

export type ActivityRow = typeof activities.$inferSelect;
