import type {
  Availability,
  Fitness,
  Goal,
  HrZoneDto,
  Phase,
  PlanWeek,
  Reason,
  TrainingPacesDto,
  WorkoutAdaptation,
  WorkoutStructure,
} from '@runningcoach/contracts';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
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

/** What a plan was built from and with, besides its phases and workouts. */
export interface PlanMeta {
  engineVersion: string;
  goal: Goal;
  weeks?: PlanWeek[];
  vdot?: number;
  paces?: TrainingPacesDto;
  hrZones?: HrZoneDto[];
  warnings?: Reason[];
  /** The onboarding answers not kept on the user, so a regeneration can use them again. */
  fitness: Fitness;
  availability: Availability;
}

/** One version of a runner's plan; exactly one is active, earlier ones stay as superseded. */
export const trainingPlans = pgTable(
  'training_plans',
  {
    // Text, as every synced table's id (server-made ones are uuid strings).
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    status: text('status', { enum: ['active', 'superseded'] }).notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    phases: jsonb('phases').$type<Phase[]>().notNull(),
    meta: jsonb('meta').$type<PlanMeta>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    syncVersion: bigint('sync_version', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    index('training_plans_user_sync_version_idx').on(t.userId, t.syncVersion, t.id),
    uniqueIndex('training_plans_user_version_key').on(t.userId, t.version),
    uniqueIndex('training_plans_user_active_key')
      .on(t.userId)
      .where(sql`${t.status} = 'active'`),
    check('training_plans_status', sql`${t.status} in ('active', 'superseded')`),
    ownerPolicy('training_plans_owner', t.userId),
  ],
).enableRLS();

export type TrainingPlanRow = typeof trainingPlans.$inferSelect;

export const WORKOUT_STATES = ['planned', 'completed', 'skipped', 'missed'] as const;
export type WorkoutState = (typeof WORKOUT_STATES)[number];

/** One planned day of a plan; its id is `${planId}:${date}` (one workout per day). */
export const scheduledWorkouts = pgTable(
  'scheduled_workouts',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    planId: text('plan_id')
      .notNull()
      .references(() => trainingPlans.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    type: text('type').notNull(),
    targetDistanceMeters: doublePrecision('target_distance_meters'),
    targetDurationSec: doublePrecision('target_duration_sec'),
    intensityZone: integer('intensity_zone'),
    structure: jsonb('structure').$type<WorkoutStructure>().notNull(),
    description: text('description').notNull(),
    phase: text('phase'),
    week: integer('week'),
    state: text('state', { enum: WORKOUT_STATES }).notNull().default('planned'),
    completedActivityId: text('completed_activity_id'),
    adaptations: jsonb('adaptations').$type<WorkoutAdaptation[]>().notNull().default([]),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    syncVersion: bigint('sync_version', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    index('scheduled_workouts_user_sync_version_idx').on(t.userId, t.syncVersion, t.id),
    uniqueIndex('scheduled_workouts_plan_date_key').on(t.planId, t.date),
    index('scheduled_workouts_user_date_idx').on(t.userId, t.date),
    check('scheduled_workouts_state', sql`${t.state} in ('planned', 'completed', 'skipped', 'missed')`),
    ownerPolicy('scheduled_workouts_owner', t.userId),
  ],
).enableRLS();

export type ScheduledWorkoutRow = typeof scheduledWorkouts.$inferSelect;
