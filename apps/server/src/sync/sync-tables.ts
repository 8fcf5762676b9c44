import {
  ActivitySchema,
  DailyMetricsSchema,
  IsoDateSchema,
  UnitsSchema,
  TimeZoneSchema,
  WorkoutTypeSchema,
} from '@runningcoach/contracts';
import type { OBJECTIVE, SUBJECTIVE } from '@runningcoach/sync/conflict-rules';
import { parseTimestamp } from '@runningcoach/sync/conflict-rules';
import { z } from 'zod';
import type {
  ActivityRow,
  activities,
  alerts,
  dailyMetrics,
  rollingStats,
  scheduledWorkouts,
  trainingPlans,
} from '../schema/index.ts';

/** The synced tables, in the order a pull walks them (tombstones come after the last). */
export const SYNC_TABLES = [
  'user_settings',
  'training_plans',
  'scheduled_workouts',
  'activities',
  'daily_metrics',
  'rolling_stats',
  'alerts',
] as const;
export type SyncTable = (typeof SYNC_TABLES)[number];
export const PULL_ONLY: ReadonlySet<SyncTable> = new Set(['rolling_stats', 'alerts']);
export const isSyncTable = (t: string): t is SyncTable => (SYNC_TABLES as readonly string[]).includes(t);

export type RawRecord = Record<string, unknown> & { id: string };

/** WatermelonDB ids are 16 alphanumerics; the server's are uuids and `${planId}:${date}`. */
export const RecordIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_:.-]+$/, 'must be a record id (letters, digits, _ : . -)');

export { parseTimestamp };
const ms = (d: Date | string | null | undefined): number | null =>
  d == null ? null : d instanceof Date ? d.getTime() : parseTimestamp(d);
const json = (v: unknown): string | null => (v == null ? null : JSON.stringify(v));

// Server-computed columns: accepted on push (clients send back what they pulled) and ignored.
const ignored = z.unknown().optional();
const base = { id: RecordIdSchema, _status: ignored, _changed: ignored };
const opt = <T extends z.ZodType>(s: T) => s.nullable().optional();

const a = ActivitySchema.shape;
/** Pushed activity: the manual log's fields, start_time as epoch ms. */
export const ActivityRawSchema = z.strictObject({
  ...base,
  date: IsoDateSchema,
  start_time: opt(z.number().int().min(0)),
  type: a.type,
  source: a.source.optional(),
  duration_sec: a.durationSec,
  distance_meters: opt(a.distanceMeters.unwrap()),
  avg_hr: opt(a.avgHr.unwrap()),
  max_hr: opt(a.maxHr.unwrap()),
  elevation_gain_meters: opt(a.elevationGainMeters.unwrap()),
  rpe: opt(a.rpe.unwrap()),
  feeling: opt(a.feeling.unwrap()),
  notes: opt(a.notes.unwrap()),
  workout_id: opt(z.string().min(1).max(200)),
  internal_load: ignored,
  trimp: ignored,
  rejected_reason: ignored,
  created_at: ignored,
  updated_at: ignored,
});

const m = DailyMetricsSchema.shape;
export const DailyMetricsRawSchema = z.strictObject({
  ...base,
  date: m.date,
  resting_hr: opt(m.restingHr.unwrap()),
  hrv_rmssd: opt(m.hrvRmssd.unwrap()),
  sleep_duration_minutes: opt(m.sleepDurationMinutes.unwrap()),
  sleep_quality: opt(m.sleepQuality.unwrap()),
  soreness: opt(m.soreness.unwrap()),
  stress: opt(m.stress.unwrap()),
  mood: opt(m.mood.unwrap()),
  morning_readiness: opt(m.morningReadiness.unwrap()),
  weight_kg: opt(m.weightKg.unwrap()),
  sleep_index: ignored,
  readiness: ignored,
  created_at: ignored,
  updated_at: ignored,
});

/** Plans are the engine's: the columns are known (so a client echoing them is fine), none is writable. */
export const TrainingPlanRawSchema = z.strictObject({
  ...base,
  version: ignored,
  status: ignored,
  start_date: ignored,
  end_date: ignored,
  phases: ignored,
  meta: ignored,
  created_at: ignored,
});

/** A runner may mark a workout done/skipped, link its activity or move it to another day. */
export const ScheduledWorkoutRawSchema = z.strictObject({
  ...base,
  plan_id: RecordIdSchema,
  date: IsoDateSchema,
  type: WorkoutTypeSchema.optional(),
  state: z.enum(['planned', 'completed', 'skipped', 'missed']).optional(),
  completed_activity_id: opt(RecordIdSchema),
  target_distance_meters: ignored,
  target_duration_sec: ignored,
  intensity_zone: ignored,
  structure: ignored,
  description: ignored,
  phase: ignored,
  week: ignored,
  adaptations: ignored,
  updated_at: ignored,
});

export const UserSettingsRawSchema = z.strictObject({
  ...base,
  units: UnitsSchema.optional(),
  time_zone: TimeZoneSchema.optional(),
  notifications_push: z.boolean().optional(),
  notifications_email: z.boolean().optional(),
  updated_at: ignored,
});

export const PUSH_SCHEMAS: Record<Exclude<SyncTable, 'rolling_stats' | 'alerts'>, z.ZodType> = {
  activities: ActivityRawSchema,
  daily_metrics: DailyMetricsRawSchema,
  training_plans: TrainingPlanRawSchema,
  scheduled_workouts: ScheduledWorkoutRawSchema,
  user_settings: UserSettingsRawSchema,
};

export type ActivityRaw = z.infer<typeof ActivityRawSchema>;
/** An activity's values as the conflict rules (`@runningcoach/sync/conflict-rules`) read and write them. */
export type ActivityValues = Pick<
  ActivityRow,
  (typeof OBJECTIVE)[number] | (typeof SUBJECTIVE)[number] | 'source' | 'workoutId'
>;
export type DailyMetricsRaw = z.infer<typeof DailyMetricsRawSchema>;
export type ScheduledWorkoutRaw = z.infer<typeof ScheduledWorkoutRawSchema>;
export type UserSettingsRaw = z.infer<typeof UserSettingsRawSchema>;

/**
 * An update that names its changed columns (`_changed`, WatermelonDB's list) changes only those: the rest of
 * a pushed record is what the device last pulled and may be older than the server's. `_changed` never decides
 * who wins (the conflict rules do); a record without it (created, or from a client that does not keep it) is
 * taken whole. Returns the pushed record laid over the stored one.
 */
export function changedOnly<T extends Record<string, unknown>>(pushed: T, stored: RawRecord | undefined): T {
  const list = pushed._changed;
  if (!stored || typeof list !== 'string' || list === '') return pushed;
  const changed = new Set(list.split(','));
  const out: Record<string, unknown> = { ...stored };
  for (const [k, v] of Object.entries(pushed)) if (changed.has(k) || k === 'id') out[k] = v;
  return out as T;
}

// Row -> raw record, one explicit column list per table (nothing else leaves the server).
type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

export function activityRaw(r: Row<typeof activities>): RawRecord {
  return {
    id: r.id,
    date: r.date,
    start_time: ms(r.startTime),
    type: r.type,
    source: r.source,
    duration_sec: r.durationSec,
    distance_meters: r.distanceMeters,
    avg_hr: r.avgHr,
    max_hr: r.maxHr,
    elevation_gain_meters: r.elevationGainMeters,
    rpe: r.rpe,
    feeling: r.feeling,
    notes: r.notes,
    workout_id: r.workoutId,
    internal_load: r.internalLoad,
    trimp: r.trimp,
    rejected_reason: r.rejectedReason,
    created_at: ms(r.createdAt),
    updated_at: ms(r.updatedAt),
  };
}

export function dailyMetricsRaw(r: Row<typeof dailyMetrics>): RawRecord {
  return {
    id: r.id,
    date: r.date,
    resting_hr: r.restingHr,
    hrv_rmssd: r.hrvRmssd,
    sleep_duration_minutes: r.sleepDurationMinutes,
    sleep_quality: r.sleepQuality,
    soreness: r.soreness,
    stress: r.stress,
    mood: r.mood,
    morning_readiness: r.morningReadiness,
    weight_kg: r.weightKg,
    sleep_index: r.sleepIndex,
    readiness: json(r.readiness),
    created_at: ms(r.createdAt),
    updated_at: ms(r.updatedAt),
  };
}

export function trainingPlanRaw(r: Row<typeof trainingPlans>): RawRecord {
  return {
    id: r.id,
    version: r.version,
    status: r.status,
    start_date: r.startDate,
    end_date: r.endDate,
    phases: json(r.phases),
    meta: json(r.meta),
    created_at: ms(r.createdAt),
  };
}

export function scheduledWorkoutRaw(r: Row<typeof scheduledWorkouts>): RawRecord {
  return {
    id: r.id,
    plan_id: r.planId,
    date: r.date,
    type: r.type,
    target_distance_meters: r.targetDistanceMeters,
    target_duration_sec: r.targetDurationSec,
    intensity_zone: r.intensityZone,
    structure: json(r.structure),
    description: r.description,
    phase: r.phase,
    week: r.week,
    state: r.state,
    completed_activity_id: r.completedActivityId,
    adaptations: json(r.adaptations),
    updated_at: ms(r.updatedAt),
  };
}

export function rollingStatRaw(r: Row<typeof rollingStats>): RawRecord {
  return {
    id: r.id,
    date: r.date,
    load: r.load,
    acute: r.acute,
    chronic: r.chronic,
    acwr: r.acwr,
    tsb: r.tsb,
    monotony: r.monotony,
    strain: r.strain,
    fitness: r.fitness,
    fatigue: r.fatigue,
    form: r.form,
    updated_at: ms(r.updatedAt),
  };
}

export function alertRaw(r: Row<typeof alerts>): RawRecord {
  return {
    id: r.id,
    kind: r.kind,
    severity: r.severity,
    date: r.date,
    title: r.title,
    body: r.body,
    data: json(r.data),
    created_at: ms(r.createdAt),
    updated_at: ms(r.updatedAt),
    dismissed_at: ms(r.dismissedAt),
  };
}

/**
 * The virtual settings record. Its `updated_at` is its sync version (epoch-ms-like, moves exactly when the
 * settings do): `users.updated_at` also moves on profile and login writes that send nothing, so a client
 * would never see the server's value of it.
 */
export function userSettingsRaw(user: {
  id: string;
  settings: { units: string; timeZone: string; notifications: { push: boolean; email: boolean } };
  settingsVersion: number;
  createdAt: Date;
}): RawRecord {
  return {
    id: user.id,
    units: user.settings.units,
    time_zone: user.settings.timeZone,
    notifications_push: user.settings.notifications.push,
    notifications_email: user.settings.notifications.email,
    updated_at: Number(user.settingsVersion) || ms(user.createdAt),
  };
}

/** The synced tables' shape version (`/sync/check`): bumped when a table or column changes. */
export const SYNC_SCHEMA_VERSION = 1;
