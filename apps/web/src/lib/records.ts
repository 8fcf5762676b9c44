import type { LocalRecord } from '@runningcoach/sync';

/** Raw synced columns (snake_case, as the sync protocol sends them); see apps/server/src/sync/README.md. */
export interface ActivityRec extends LocalRecord {
  date: string;
  start_time: number | null;
  type: string;
  source: string;
  duration_sec: number | null;
  distance_meters: number | null;
  avg_hr: number | null;
  max_hr: number | null;
  elevation_gain_meters: number | null;
  rpe: number | null;
  feeling: number | null;
  notes: string | null;
  workout_id: string | null;
  internal_load?: number | null;
  trimp?: number | null;
  rejected_reason?: string | null;
}

export interface MetricsRec extends LocalRecord {
  date: string;
  resting_hr: number | null;
  hrv_rmssd: number | null;
  sleep_duration_minutes: number | null;
  sleep_quality: number | null;
  soreness: number | null;
  stress: number | null;
  mood: number | null;
  morning_readiness: number | null;
  weight_kg: number | null;
  readiness?: string | null;
}

export interface PlanRec extends LocalRecord {
  version: number;
  status: string;
  start_date: string;
  end_date: string;
  phases: string;
  meta: string;
}

export interface WorkoutRec extends LocalRecord {
  plan_id: string;
  date: string;
  type: string;
  target_distance_meters: number | null;
  target_duration_sec: number | null;
  intensity_zone: number | null;
  structure: string;
  description: string;
  phase: string | null;
  week: number | null;
  state: string;
  completed_activity_id: string | null;
  adaptations: string;
}

export interface SettingsRec extends LocalRecord {
  units: 'km' | 'mi';
  time_zone: string;
}

export interface AlertRec extends LocalRecord {
  kind: string;
  severity: string;
  date: string;
  title: string;
  body: string;
  data: string | null;
  dismissed_at: number | null;
}

/** JSON columns travel as strings; a bad one reads as the fallback rather than breaking a screen. */
export function parseJson<T>(value: unknown, fallback: T): T {
  if (typeof value !== 'string') return (value as T) ?? fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}
