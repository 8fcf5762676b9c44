import {
  createHttpTransport,
  type LocalRecord,
  MemoryStore,
  mulberry32,
  SYNC_TABLES,
  SyncEngine,
  SyncError,
  type SynchronizeResult,
} from '@runningcoach/sync';
import { CLIENT_HEADER } from './fault-proxy.ts';

export interface SimRunner {
  index: number;
  email: string;
  password: string;
  userId: string;
}

/** A device of a runner: the real sync library on an in-memory store, talking through the fault proxy. */
export interface SimDevice {
  name: string;
  runner: SimRunner;
  /** Device clock offset from real time (ms); one device lives in 2099. */
  skewMs: number;
  store: MemoryStore;
  engine: SyncEngine;
  online: boolean;
  /** The next cycle dies between the server's answer and marking the push synced (the app is killed). */
  crashBeforeMark: boolean;
  now(): number;
  /** One cycle; a failure is returned, not thrown (the simulation expects many). */
  sync(): Promise<SynchronizeResult | SyncError>;
  records(table: string): Promise<LocalRecord[]>;
}

export async function login(serverUrl: string, runner: SimRunner, deviceId: string) {
  const res = await fetch(`${serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: runner.email, password: runner.password, deviceId }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return (await res.json()) as { accessToken: string; refreshToken: string };
}

export async function createDevice(opts: {
  name: string;
  runner: SimRunner;
  seed: number;
  skewMs: number;
  proxyUrl: string;
  /** The server's current address (it changes when the simulation restarts it); auth goes there directly. */
  serverUrl: () => string;
  pullQuery?: Record<string, string>;
  compressRequests?: boolean;
}): Promise<SimDevice> {
  let tokens = await login(opts.serverUrl(), opts.runner, opts.name);
  const store = new MemoryStore(SYNC_TABLES);
  const transport = createHttpTransport({
    baseUrl: `${opts.proxyUrl}/api/v1`,
    headers: { [CLIENT_HEADER]: opts.name, 'x-device-id': opts.name },
    timeoutMs: 10_000,
    pullQuery: opts.pullQuery,
    compressRequests: opts.compressRequests,
    getAccessToken: async ({ refresh }) => {
      if (refresh) tokens = await login(opts.serverUrl(), opts.runner, opts.name);
      return tokens.accessToken;
    },
  });
  const device: SimDevice = {
    name: opts.name,
    runner: opts.runner,
    skewMs: opts.skewMs,
    store,
    online: true,
    crashBeforeMark: false,
    now: () => Date.now() + opts.skewMs,
    engine: new SyncEngine({
      store,
      transport,
      now: () => device.now(),
      random: mulberry32(opts.seed),
      autoRetry: false, // the simulation decides when devices sync
      beforeMarkSynced: () => {
        if (!device.crashBeforeMark) return;
        device.crashBeforeMark = false;
        throw new Error('simulated crash between push and mark');
      },
    }),
    sync: () =>
      device.engine.sync('manual').catch((err: unknown) => {
        if (err instanceof SyncError) return err;
        throw err;
      }),
    records: (table) => store.transaction((tx) => tx.all(table)),
  };
  return device;
}
