import { appSchema, Model, tableSchema } from '@nozbe/watermelondb';
import type { ColumnSchema } from '@nozbe/watermelondb/Schema';

/**
 * A WatermelonDB app schema mirroring the server's synced tables and raw columns (src/sync/sync-tables.ts,
 * src/sync/README.md): what a real client would declare. Timestamps are epoch ms (numbers), JSON columns
 * strings (WatermelonDB insists on created_at/updated_at being non-optional numbers). Models have no decorators: the harness reads and writes raw columns (`_raw`, `_setRaw`).
 */
const s = (name: string, isOptional = false): ColumnSchema => ({ name, type: 'string', isOptional });
const n = (name: string, isOptional = true): ColumnSchema => ({ name, type: 'number', isOptional });
const b = (name: string): ColumnSchema => ({ name, type: 'boolean' });

export const TABLE_COLUMNS = {
  activities: [
    s('date'),
    n('start_time'),
    s('type'),
    s('source'),
    n('duration_sec', false),
    n('distance_meters'),
    n('avg_hr'),
    n('max_hr'),
    n('elevation_gain_meters'),
    n('rpe'),
    n('feeling'),
    s('notes', true),
    s('workout_id', true),
    n('internal_load'),
    n('trimp'),
    s('rejected_reason', true),
    n('created_at', false),
    n('updated_at', false),
  ],
  daily_metrics: [
    s('date'),
    n('resting_hr'),
    n('hrv_rmssd'),
    n('sleep_duration_minutes'),
    n('sleep_quality'),
    n('soreness'),
    n('stress'),
    n('mood'),
    n('morning_readiness'),
    n('weight_kg'),
    n('sleep_index'),
    s('readiness', true),
    n('created_at', false),
    n('updated_at', false),
  ],
  training_plans: [
    n('version', false),
    s('status'),
    s('start_date'),
    s('end_date'),
    s('phases'),
    s('meta'),
    n('created_at', false),
  ],
  scheduled_workouts: [
    s('plan_id'),
    s('date'),
    s('type'),
    n('target_distance_meters'),
    n('target_duration_sec'),
    n('intensity_zone'),
    s('structure', true),
    s('description', true),
    s('phase', true),
    n('week'),
    s('state'),
    s('completed_activity_id', true),
    s('adaptations', true),
    n('updated_at', false),
  ],
  user_settings: [
    s('units'),
    s('time_zone'),
    b('notifications_push'),
    b('notifications_email'),
    n('updated_at', false),
  ],
  rolling_stats: [
    s('date'),
    ...['load', 'acute', 'chronic', 'acwr', 'tsb', 'monotony', 'strain', 'fitness', 'fatigue', 'form'].map(
      (c) => n(c),
    ),
    n('updated_at', false),
  ],
  alerts: [
    s('kind'),
    s('severity'),
    s('date'),
    s('title'),
    s('body'),
    s('data', true),
    n('created_at', false),
    n('updated_at', false),
    n('dismissed_at'),
  ],
} satisfies Record<string, ColumnSchema[]>;

export type SyncedTable = keyof typeof TABLE_COLUMNS;
export const SYNCED_TABLES = Object.keys(TABLE_COLUMNS) as SyncedTable[];

export const schema = appSchema({
  version: 1,
  tables: SYNCED_TABLES.map((name) => tableSchema({ name, columns: TABLE_COLUMNS[name] })),
});

/** One plain Model class per table. */
export const modelClasses = SYNCED_TABLES.map(
  (table) =>
    class extends Model {
      static override table = table;
    },
);
