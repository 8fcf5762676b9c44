import {
  createHttpTransport,
  DexieStore,
  type LocalStoreTx,
  SYNC_TABLES,
  SyncEngine,
} from '@runningcoach/sync';
import { API_BASE } from '../lib/api.ts';
import { RevisedStore } from './revisions.ts';

/** One IndexedDB database per runner, so two accounts on one browser never share rows. */
export function runnerDbName(userId: string): string {
  return `runningcoach-${userId}`;
}

function openStore(userId: string): RevisedStore {
  return new RevisedStore(new DexieStore({ name: runnerDbName(userId), tables: SYNC_TABLES }));
}

export interface RunnerDbOptions {
  userId: string;
  deviceId: string;
  accessToken(opts: { refresh: boolean }): Promise<string>;
}

/** The runner's local store and the sync engine that keeps it in step with the server. */
export function openRunnerDb(opts: RunnerDbOptions): { store: RevisedStore; engine: SyncEngine } {
  const store = openStore(opts.userId);
  const transport = createHttpTransport({
    baseUrl: new URL(API_BASE, location.origin).toString(),
    getAccessToken: opts.accessToken,
    headers: { 'x-device-id': opts.deviceId },
    // The web app is for the detail (analytics over all of it): the first sync brings the whole history.
    pullQuery: { window_days: '0' },
    compressRequests: typeof CompressionStream !== 'undefined',
    timeoutMs: 20_000,
  });
  const engine = new SyncEngine({
    store,
    transport,
    now: () => Date.now(),
    random: Math.random,
    backoff: { baseMs: 1000, capMs: 30_000 },
  });
  return { store, engine };
}

export type Tx = LocalStoreTx;
