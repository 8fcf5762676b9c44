import type { Reason } from '@runningcoach/contracts';
import type { DexieStore, LocalRecord, SyncEngine, SyncStatus } from '@runningcoach/sync';
import { create } from 'zustand';
import type { ActivityRec, AlertRec, MetricsRec, PlanRec, SettingsRec, WorkoutRec } from '../lib/records.ts';
import { openRunnerDb, type Tx } from './runner-db.ts';
import { deviceId, useSession } from './session.ts';
import { connectRealtime } from './realtime.ts';

/** One local adaptation, kept on this device for the plan's history (the server keeps its own as notifications). */
export interface AdaptationLogEntry {
  at: number;
  date: string;
  trigger: string;
  reasons: Reason[];
  changes: { workoutId: string; date: string; rule: string; before: string | null; after: string | null }[];
}

export const ADAPTATION_LOG_KEY = 'web.adaptationLog';

/** Everything the screens read: the runner's records from IndexedDB (locally deleted ones left out). */
export interface Snapshot {
  activities: ActivityRec[];
  metrics: MetricsRec[];
  plans: PlanRec[];
  workouts: WorkoutRec[];
  settings: SettingsRec | null;
  alerts: AlertRec[];
  adaptationLog: AdaptationLogEntry[];
  lastPulledAt: number | null;
}

const EMPTY: Snapshot = {
  activities: [],
  metrics: [],
  plans: [],
  workouts: [],
  settings: null,
  alerts: [],
  adaptationLog: [],
  lastPulledAt: null,
};

interface DataState extends Snapshot {
  /** The local database has been read once (screens can tell "empty" from "still loading"). */
  loaded: boolean;
  status: SyncStatus;
  online: boolean;
  /** Runs `fn` as one local transaction, refreshes the screens and queues a sync. */
  write(fn: (tx: Tx) => Promise<void>, opts?: { trigger?: 'workout' | 'local' }): Promise<void>;
  syncNow(): Promise<void>;
  reload(): Promise<void>;
}

let current: { userId: string; store: DexieStore; engine: SyncEngine; close(): void } | null = null;

const live = <T extends LocalRecord>(rows: LocalRecord[]) =>
  rows.filter((r) => r._status !== 'deleted') as T[];
const byDate = <T extends { date: string }>(a: T, b: T) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

export async function readSnapshot(store: DexieStore): Promise<Snapshot> {
  return store.transaction(async (tx) => {
    const [activities, metrics, plans, workouts, settings, alerts] = await Promise.all([
      tx.all('activities'),
      tx.all('daily_metrics'),
      tx.all('training_plans'),
      tx.all('scheduled_workouts'),
      tx.all('user_settings'),
      tx.all('alerts'),
    ]);
    return {
      activities: live<ActivityRec>(activities).sort(
        (a, b) => -byDate(a, b) || (b.start_time ?? 0) - (a.start_time ?? 0),
      ),
      metrics: live<MetricsRec>(metrics).sort(byDate),
      plans: live<PlanRec>(plans),
      workouts: live<WorkoutRec>(workouts).sort(byDate),
      settings: live<SettingsRec>(settings)[0] ?? null,
      alerts: live<AlertRec>(alerts).sort((a, b) => -byDate(a, b)),
      adaptationLog: (await tx.getMeta<AdaptationLogEntry[]>(ADAPTATION_LOG_KEY)) ?? [],
      lastPulledAt: (await tx.getMeta<number>('lastPulledAt')) ?? null,
    };
  });
}

export const useData = create<DataState>((set, get) => ({
  ...EMPTY,
  loaded: false,
  status: { state: 'synced', lastSyncedAt: null, pendingCount: 0, error: null, nextRetryAt: null },
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  async write(fn, opts = {}) {
    if (!current) throw new Error('not signed in');
    await current.store.transaction(fn);
    await get().reload();
    await current.engine.localChanged();
    void current.engine.sync(opts.trigger ?? 'local').catch(() => undefined);
  },
  async syncNow() {
    await current?.engine.sync('manual').catch(() => undefined);
  },
  async reload() {
    if (!current) return;
    const first = !get().loaded;
    // The first read is the cold start's biggest step: measured for bench:web.
    if (first) performance.mark('rc:db-read:start');
    const snap = await readSnapshot(current.store);
    if (first) performance.measure('rc:db-read', 'rc:db-read:start');
    set({ ...snap, loaded: true });
  },
}));

/** Opens the signed-in runner's database, loads it, and starts syncing (launch, periodic, online, realtime). */
export function startRunner(userId: string): void {
  if (current?.userId === userId) return;
  stopRunner();
  const { store, engine } = openRunnerDb({
    userId,
    deviceId: deviceId(),
    accessToken: ({ refresh }) => useSession.getState().accessToken({ refresh }),
  });
  const cleanups: (() => void)[] = [];
  let lastState = engine.getStatus().state;
  cleanups.push(
    engine.subscribe((status) => {
      useData.setState({ status });
      // A finished cycle may have pulled new rows.
      if (lastState === 'syncing' && status.state !== 'syncing') void useData.getState().reload();
      lastState = status.state;
    }),
  );
  const onOnline = () => {
    useData.setState({ online: true });
    void engine.sync('foreground').catch(() => undefined);
  };
  const onOffline = () => useData.setState({ online: false });
  const onVisible = () => {
    if (document.visibilityState === 'visible') void engine.sync('foreground').catch(() => undefined);
  };
  addEventListener('online', onOnline);
  addEventListener('offline', onOffline);
  document.addEventListener('visibilitychange', onVisible);
  cleanups.push(() => {
    removeEventListener('online', onOnline);
    removeEventListener('offline', onOffline);
    document.removeEventListener('visibilitychange', onVisible);
  });
  cleanups.push(
    connectRealtime({
      token: () => useSession.getState().accessToken(),
      onEvent: () => void engine.sync('realtime').catch(() => undefined),
    }),
  );
  current = {
    userId,
    store,
    engine,
    close: () => {
      engine.stop();
      for (const c of cleanups) c();
      store.close();
    },
  };
  useData.setState({ ...EMPTY, loaded: false, online: navigator.onLine });
  void useData
    .getState()
    .reload()
    .then(() => engine.localChanged())
    .then(() => engine.start({ periodMs: 60_000 }));
}

export function stopRunner(): void {
  current?.close();
  current = null;
}

/** Sign-out or account deletion: the runner's local database goes too. */
export async function destroyRunnerData(): Promise<void> {
  const c = current;
  stopRunner();
  if (c) await c.store.destroy();
  useData.setState({ ...EMPTY, loaded: false });
}

/** The current runner's store (tests and the benchmark read it). */
export function runnerStore(): DexieStore | null {
  return current?.store ?? null;
}
