import type { Baselines, Goal, UserProfile, UserSettings } from '@runningcoach/contracts';
import { sql } from 'drizzle-orm';
import { bigint, check, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ownerPolicy } from './rls.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export type ResponderStatus = 'unknown' | 'responding' | 'maladapting' | 'stable';

export const users = pgTable(
  'users',
  {
    // Chosen by the server before the insert, so the RLS check can see it as `app.user_id`.
    id: uuid('id').primaryKey(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    name: text('name'),
    profile: jsonb('profile').$type<UserProfile>().notNull().default({}),
    settings: jsonb('settings').$type<UserSettings>().notNull(),
    baselines: jsonb('baselines').$type<Baselines>().notNull().default({}),
    /** The race the current plan builds towards (set by onboarding). */
    goal: jsonb('goal').$type<Goal>(),
    /**
     * How the runner's HRV answers training (Plews et al. 2013), set by the weekly batch once there is
     * enough history: `unknown` until then.
     */
    responderStatus: text('responder_status').$type<ResponderStatus>().notNull().default('unknown'),
    /** Secret in the calendar feed's URL (`plan/calendar.ics?token=`), so calendar apps can subscribe. */
    calendarToken: text('calendar_token'),
    /** Sync cursor of the virtual `user_settings` record: bumped by a trigger when `settings` change. */
    settingsVersion: bigint('settings_version', { mode: 'number' }).notNull().default(0),
    ...timestamps,
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('users_email_key')
      .on(t.email)
      .where(sql`${t.deletedAt} is null`),
    uniqueIndex('users_calendar_token_key').on(t.calendarToken),
    check('users_email_lower', sql`${t.email} = lower(${t.email})`),
    ownerPolicy('users_owner', t.id),
  ],
).enableRLS();

export type UserRow = typeof users.$inferSelect;
