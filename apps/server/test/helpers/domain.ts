import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../src/db/connection.ts';
import type { Client } from './http.ts';

/** The runner tables the training endpoints write (besides those of auth in suite.ts). */
export const DOMAIN_TABLES = [
  'users',
  'training_plans',
  'scheduled_workouts',
  'daily_metrics',
  'notifications',
  'activities',
] as const;

export const todayUtc = () => new Date().toISOString().slice(0, 10);
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A half-marathon runner, race 16 weeks out, running four days a week. */
export function onboardingBody(today = todayUtc()) {
  return {
    profile: {
      birthDate: '1990-04-02',
      sex: 'female',
      weightKg: 60,
      heightCm: 168,
      restingHr: 52,
      maxHr: 188,
    },
    goal: { raceDate: addDays(today, 16 * 7), distanceMeters: 21_097.5, name: 'City Half' },
    fitness: {
      recentRace: { distanceMeters: 10_000, timeSec: 50 * 60, date: addDays(today, -30) },
      weeklyDistanceMeters: 30_000,
      longestRecentRunMeters: 14_000,
    },
    availability: { runDays: ['tue', 'thu', 'sat', 'sun'], longRunDay: 'sun' },
  };
}

export async function onboard(api: Client, token: string, body: unknown = onboardingBody()) {
  const res = await api.post('/onboarding', body, token);
  if (res.status !== 201) throw new Error(`onboarding failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { plan: { id: string; version: number; workouts: { id: string; date: string }[] } };
}

/** A fingerprint of the domain tables, read past RLS: equal means nothing was written. */
export async function domainSnapshot(db: Db, tables: readonly string[] = DOMAIN_TABLES) {
  const parts = tables.map((t) =>
    sql.raw(
      `(select count(*) || ':' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from ${t} x) as ${t}`,
    ),
  );
  const [row] = await queryRows<Record<string, string>>(db, sql`select ${sql.join(parts, sql`, `)}`);
  return row!;
}

/**
 * Every day a run day and the long run today, so today always has a workout to adapt: a plan starting late
 * in the week drops short easy days the partial week cannot fill, but never its long run.
 */
export function everyDayBody(today = todayUtc()) {
  const body = onboardingBody(today);
  const weekday = WEEKDAYS[new Date(`${today}T00:00:00Z`).getUTCDay()]!;
  return { ...body, availability: { runDays: [...WEEKDAYS], longRunDay: weekday } };
}
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** A morning that can only be red: short sleep, very sore, stressed, resting HR far above baseline. */
export const redCheckIn = (date = todayUtc()) => ({
  date,
  restingHr: 75,
  sleepDurationMinutes: 240,
  sleepQuality: 1,
  soreness: 5,
  stress: 5,
  mood: 1,
  morningReadiness: 1,
});
