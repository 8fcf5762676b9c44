import type { Reason } from '@runningcoach/contracts';
import type { LocalRecord, LocalStore, SyncEngine, SyncStatus } from '@runningcoach/sync';
import { create } from 'zustand';
import type { ActivityRec, AlertRec, MetricsRec, PlanRec, SettingsRec, WorkoutRec } from '../lib/records.ts';
import { REVISIONS_KEY, type RevisedStore, type Revisions } from './revisions.ts';
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

let current: {
  userId: string;
  store: RevisedStore;
  engine: SyncEngine;
  /** The table revisions the screens show (unset until the first read). */
  seen?: Revisions;
  close(): void;
} | null = null;

const live = <T extends LocalRecord>(rows: LocalRecord[]) =>
  rows.filter((r) => r._status !== 'deleted') as T[];
const byDate = <T extends { date: string }>(a: T, b: T) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** How each synced table becomes its part of the snapshot. */
const READERS = {
  activities: (rows) => ({
    activities: live<ActivityRec>(rows).sort(
      (a, b) => -byDate(a, b) || (b.start_time ?? 0) - (a.start_time ?? 0),
    ),
  }),
  daily_metrics: (rows) => ({ metrics: live<MetricsRec>(rows).sort(byDate) }),
  training_plans: (rows) => ({ plans: live<PlanRec>(rows) }),
  scheduled_workouts: (rows) => ({ workouts: live<WorkoutRec>(rows).sort(byDate) }),
  user_settings: (rows) => ({ settings: live<SettingsRec>(rows)[0] ?? null }),
  alerts: (rows) => ({ alerts: live<AlertRec>(rows).sort((a, b) => -byDate(a, b)) }),
} satisfies Record<string, (rows: LocalRecord[]) => Partial<Snapshot>>;

/**
 * The snapshot's parts whose tables were written since `seen` (all of them without it), with the revisions
 * read. Unchanged tables are left out, so their arrays (and what the screens derived from them) stay as they are.
 */
export async function readSnapshot(
  store: RevisedStore<LocalStore>,
  seen?: Revisions,
): Promise<{ snapshot: Partial<Snapshot>; revisions: Revisions }> {
  return store.transaction(async (tx) => {
    const revisions = (await tx.getMeta<Revisions>(REVISIONS_KEY)) ?? {};
    const tables = Object.keys(READERS).filter(
      (t) => !seen || (revisions[t] ?? 0) !== (seen[t] ?? 0),
    ) as (keyof typeof READERS)[];
    const parts = await Promise.all(tables.map(async (t) => READERS[t](await tx.all(t))));
    const snapshot: Partial<Snapshot> = Object.assign({}, ...parts);
    snapshot.adaptationLog = (await tx.getMeta<AdaptationLogEntry[]>(ADAPTATION_LOG_KEY)) ?? [];
    snapshot.lastPulledAt = (await tx.getMeta<number>('lastPulledAt')) ?? null;
    return { snapshot, revisions };
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
    // Counted as pending before the screens show it: the indicator never says synced over an unsent change.
    await current.engine.localChanged();
    await get().reload();
    void current.engine.sync(opts.trigger ?? 'local').catch(() => undefined);
  },
  async syncNow() {
    await current?.engine.sync('manual').catch(() => undefined);
  },
  async reload() {
    const c = current;
    if (!c) return;
    // The first read is the cold start's biggest step: measured for bench:web.
    const first = !c.seen;
    if (first) performance.mark('rc:db-read:start');
    const { snapshot, revisions } = await readSnapshot(c.store, c.seen);
    if (first) performance.measure('rc:db-read', 'rc:db-read:start');
    if (current !== c) return;
    c.seen = revisions;
    set({ ...snapshot, loaded: true });
  },
}));

/**
 * A value of this device only (not a synced table: no revision bump, no sync), in the runner's database so
 * sign-out takes it along. Undefined when signed out.
 */
export async function readLocalMeta<T>(key: string): Promise<T | undefined> {
  const c = current;
  if (!c) return undefined;
  return (await c.store.inner.transaction((tx) => tx.getMeta<T>(key))) ?? undefined;
}

export async function writeLocalMeta(key: string, value: unknown): Promise<void> {
  await current?.store.inner.transaction((tx) => tx.setMeta(key, value));
}

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
      store.inner.close();
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
  if (c) await c.store.inner.destroy();
  useData.setState({ ...EMPTY, loaded: false });
}
