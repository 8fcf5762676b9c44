import { createRecord, deleteRecord, type LocalRecord, updateRecord } from '@runningcoach/sync';
import { adaptLocally, loadSeries, readinessOn, workoutColumns } from '../lib/coach.ts';
import { localToday } from '../lib/dates.ts';
import type { ActivityRec, MetricsRec, PlanRec, WorkoutRec } from '../lib/records.ts';
import { ADAPTATION_LOG_KEY, type AdaptationLogEntry, useData } from './data.ts';
import type { Tx } from './runner-db.ts';
import { useSession } from './session.ts';

export interface CheckInInput {
  restingHr?: number;
  hrvRmssd?: number;
  sleepDurationMinutes?: number;
  sleepQuality?: number;
  soreness?: number;
  stress?: number;
  mood?: number;
}

export interface LogInput {
  date: string;
  type: string;
  durationSec: number;
  distanceMeters?: number;
  rpe?: number;
  feeling?: number;
  notes?: string;
  avgHr?: number;
  workoutId?: string;
}

const newId = () => crypto.randomUUID();

/** The newest active plan (older versions stay as history). */
export function activePlan(plans: readonly PlanRec[]): PlanRec | undefined {
  return plans
    .filter((p) => p._status !== 'deleted' && p.status === 'active')
    .sort((a, b) => b.version - a.version)[0];
}

function units(): 'km' | 'mi' {
  return useData.getState().settings?.units ?? useSession.getState().session?.user.settings.units ?? 'km';
}

function baselines() {
  const u = useSession.getState().session?.user;
  return { restingHr: u?.baselines.restingHr ?? u?.profile.restingHr, hrvRmssd: u?.baselines.hrvRmssd };
}

/** Writes a row the server will recompute anyway (its adaptation wins): kept local unless already changed here. */
async function putLocal(tx: Tx, table: string, row: LocalRecord, patch: Record<string, unknown>) {
  if (row._status === 'synced') await tx.put(table, { ...row, ...patch });
  else await updateRecord(tx, table, row.id, patch);
}

/**
 * The morning check-in: stored (and synced), then readiness and the plan adaptation run locally on the
 * engine, so a red morning changes today's workout with its reason even with no network. The server
 * repeats both from the synced check-in; its result comes down on the next pull and wins.
 */
export async function saveCheckIn(input: CheckInInput): Promise<void> {
  const today = localToday();
  const columns = {
    date: today,
    resting_hr: input.restingHr ?? null,
    hrv_rmssd: input.hrvRmssd ?? null,
    sleep_duration_minutes: input.sleepDurationMinutes ?? null,
    sleep_quality: input.sleepQuality ?? null,
    soreness: input.soreness ?? null,
    stress: input.stress ?? null,
    mood: input.mood ?? null,
  };
  await useData.getState().write(async (tx) => {
    const existing = (await tx.all('daily_metrics')).find((m) => m.date === today && m._status !== 'deleted');
    if (existing) await updateRecord(tx, 'daily_metrics', existing.id, columns);
    else await createRecord(tx, 'daily_metrics', { id: newId(), ...columns });
    await adaptInTx(tx, today, 'check-in');
  });
}

async function adaptInTx(tx: Tx, today: string, trigger: string): Promise<void> {
  const metrics = (await tx.all('daily_metrics')).filter((m) => m._status !== 'deleted') as MetricsRec[];
  const activities = (await tx.all('activities')).filter((a) => a._status !== 'deleted') as ActivityRec[];
  const plans = (await tx.all('training_plans')) as PlanRec[];
  const plan = activePlan(plans);
  if (!plan) return;
  const workouts = (await tx.all('scheduled_workouts')).filter(
    (w) => w.plan_id === plan.id && w._status !== 'deleted',
  ) as WorkoutRec[];
  const readiness = readinessOn(today, metrics, baselines());
  const series = loadSeries(activities, today);
  const last = series[series.length - 1];
  const { changes, reasons } = adaptLocally(plan, workouts, {
    today,
    readiness,
    load: last ? { acwr: last.acwr, monotony: last.monotony } : null,
    activities,
    units: units(),
  });
  if (!changes.length) return;
  for (const change of changes) {
    const row = workouts.find((w) => w.id === change.workoutId);
    if (!row) continue;
    if (change.after) await putLocal(tx, 'scheduled_workouts', row, workoutColumns(change.after));
    else
      await putLocal(tx, 'scheduled_workouts', row, {
        type: 'rest',
        description: 'Rest day',
        structure: '{"steps":[]}',
      });
  }
  const entry: AdaptationLogEntry = {
    at: Date.now(),
    date: today,
    trigger,
    reasons,
    changes: changes.map((c) => ({
      workoutId: c.workoutId,
      date: c.date,
      rule: c.rule,
      before: c.before ? c.before.description : null,
      after: c.after ? c.after.description : null,
    })),
  };
  const log = (await tx.getMeta<AdaptationLogEntry[]>(ADAPTATION_LOG_KEY)) ?? [];
  await tx.setMeta(ADAPTATION_LOG_KEY, [entry, ...log].slice(0, 200));
}

/** A manual log: stored and synced first (completed workouts go before anything else). */
export async function logWorkout(input: LogInput): Promise<string> {
  const id = newId();
  await useData.getState().write(
    async (tx) => {
      await createRecord(tx, 'activities', {
        id,
        date: input.date,
        start_time: Date.now(),
        type: input.type,
        source: 'manual',
        duration_sec: input.durationSec,
        distance_meters: input.distanceMeters ?? null,
        avg_hr: input.avgHr ?? null,
        max_hr: null,
        elevation_gain_meters: null,
        rpe: input.rpe ?? null,
        feeling: input.feeling ?? null,
        notes: input.notes?.trim() || null,
        workout_id: input.workoutId ?? null,
      });
    },
    { trigger: 'workout' },
  );
  return id;
}

export async function deleteActivity(id: string): Promise<void> {
  await useData.getState().write((tx) => deleteRecord(tx, 'activities', id));
}

/** The runner moves a planned workout to another day (synced; the server's rules decide for the future). */
export async function rescheduleWorkout(id: string, date: string): Promise<void> {
  await useData
    .getState()
    .write((tx) => updateRecord(tx, 'scheduled_workouts', id, { date }).then(() => undefined));
}

export async function skipWorkout(id: string): Promise<void> {
  await useData
    .getState()
    .write((tx) => updateRecord(tx, 'scheduled_workouts', id, { state: 'skipped' }).then(() => undefined));
}

export async function setUnits(next: 'km' | 'mi'): Promise<void> {
  const settings = useData.getState().settings;
  if (!settings) return;
  await useData
    .getState()
    .write((tx) => updateRecord(tx, 'user_settings', settings.id, { units: next }).then(() => undefined));
}
