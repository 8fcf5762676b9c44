import { sql } from 'drizzle-orm';
import {
  createHttpTransport,
  createRecord,
  deleteRecord,
  jsonEqual,
  type LocalRecord,
  MemoryStore,
  mulberry32,
  randomId,
  rawOf,
  SYNC_TABLES,
  SyncError,
  synchronize,
  updateRecord,
} from '@runningcoach/sync';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/connection.ts';
import {
  BACKENDS,
  type BackendName,
  createTestDatabase,
  skipBackend,
  startServer,
  type TestServer,
} from './helpers/backends.ts';
import { FaultProxy, type FaultRates, NO_FAULTS } from './helpers/fault-proxy.ts';
import { createDevice, login, type SimDevice, type SimRunner } from './helpers/sync-client.ts';
import { onboard } from './helpers/domain.ts';
import { client } from './helpers/http.ts';
import { uniqueEmail } from './helpers/suite.ts';

/**
 * Acceptance 2 of issue 4: a seeded, reproducible fault simulation of many devices syncing through a proxy
 * that drops requests, drops answers after the server committed, duplicates deliveries, answers 503 and
 * delays, with a server restart in the middle of a push and device clocks days apart (one in 2099). After
 * the faults heal every device must equal the server, nothing acknowledged may be missing, nothing
 * duplicated, no delete undone. `npm test` runs one short seed per backend (21 devices of 7 runners, 15 random
 * steps each: about 300 operations in all); `npm run test:sync-soak` runs seeds 1-20 with 200 steps a device
 * (4,200 operations a seed; SOAK_SEEDS picks others, e.g. "1-50" or "7,9"; SYNC_SIM_OPS the steps).
 */
const SOAK = process.env.SYNC_SOAK === '1' || process.env.SOAK_SEEDS !== undefined;
/** In `npm test` one short seed per backend (a different one each), within about a minute each. */
const CI_SEEDS: Record<BackendName, string> = { pglite: '20261122', postgres: '7' };
const seedsFor = (backend: BackendName) =>
  parseSeeds(process.env.SOAK_SEEDS ?? (SOAK ? '1-20' : CI_SEEDS[backend]));
const RUNNERS = Number(process.env.SYNC_SIM_RUNNERS ?? 7);
const DEVICES_PER_RUNNER = 3;
const OPS_PER_DEVICE = Number(process.env.SYNC_SIM_OPS ?? (SOAK ? 200 : 15));

const FAULTS: FaultRates = {
  dropRequest: 0.05,
  dropResponse: 0.08,
  duplicate: 0.06,
  unavailable: 0.05,
  delay: 0.1,
  maxDelayMs: 40,
};

const DAY = 86_400_000;
const MIN = 60_000;
/** Start times sit on a 40-minute grid, device k of a runner at +13k minutes: never within 10 min by chance. */
const GRID = 40 * MIN;
const Y2099 = Math.floor(Date.UTC(2099, 0, 1) / GRID) * GRID;

describe('sync under faults (real server, real HTTP, real client library)', () => {
  for (const backend of BACKENDS) {
    describe.skipIf(skipBackend(backend))(backend, () => {
      for (const seed of seedsFor(backend)) {
        const size = `${RUNNERS * DEVICES_PER_RUNNER} devices x ${OPS_PER_DEVICE} steps`;
        it(`seed ${seed} (${SOAK ? 'soak' : 'short CI run'}: ${size})`, async () => {
          try {
            await simulate(backend, seed);
          } catch (err) {
            const e = err as Error;
            e.message = `[sync-faults backend=${backend} seed=${seed}; rerun with SOAK_SEEDS=${seed}] ${e.message}`;
            throw e;
          }
        }, 600_000);
      }
    });
  }
});

interface Oracle {
  /** table/id -> who created it, and (activities) its type and start. */
  created: Map<string, { device: string; runner: number; duplicateOf?: string }>;
  /** table/id -> deleted by a device. */
  deleted: Set<string>;
  /** table/id/column -> values written, in the order each device wrote them. */
  writes: Map<string, { device: string; value: unknown }[]>;
  /** runner/date/column -> daily metric values written. */
  metricWrites: Map<string, unknown[]>;
  /** runner/column -> settings values written. */
  settingsWrites: Map<string, unknown[]>;
}

async function simulate(backend: BackendName, seed: number) {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

  const database = await createTestDatabase(backend);
  database.env.RATE_LIMIT_PER_MINUTE = '0';
  if (process.env.SYNC_SIM_LOG) database.env.LOG_LEVEL = process.env.SYNC_SIM_LOG;
  let server: TestServer = await startServer(database);
  const proxy = await new FaultProxy(server.url, seed).listen();
  const devices: SimDevice[] = [];
  const setupStart = Date.now();
  try {
    // Runners and their devices (auth goes straight to the server; sync goes through the proxy).
    const runners: SimRunner[] = [];
    for (let r = 0; r < RUNNERS; r++) {
      const email = uniqueEmail(`sim${r}`);
      const res = await fetch(`${server.url}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'correct horse battery' }),
      });
      if (res.status !== 201) throw new Error(`register: ${res.status}`);
      const body = (await res.json()) as { user: { id: string }; accessToken: string };
      runners.push({ index: r, email, password: 'correct horse battery', userId: body.user.id });
      // Half of the runners have a plan: training_plans and scheduled_workouts sync down too.
      if (r % 2 === 0) await onboard(client(`${server.url}/api/v1`), body.accessToken);
    }
    for (const runner of runners) {
      for (let k = 0; k < DEVICES_PER_RUNNER; k++) {
        const skewDays = runner.index === 0 && k === 0 ? null : int(-10, 10);
        const skewMs =
          skewDays === null
            ? Y2099 - Math.floor(Date.now() / GRID) * GRID
            : skewDays * DAY + int(-5, 5) * 1000;
        devices.push(
          await createDevice({
            name: `r${runner.index}d${k}`,
            runner,
            seed: seed * 1000 + devices.length,
            skewMs,
            proxyUrl: proxy.url,
            serverUrl: () => server.url,
            pullQuery: { limit: String(int(5, 40)) },
            compressRequests: random() < 0.5,
          }),
        );
      }
    }
    if (process.env.SYNC_SIM_DEBUG) console.log('setup ms', Date.now() - setupStart);
    const deviceIndex = new Map(devices.map((d, i) => [d.name, i % DEVICES_PER_RUNNER]));

    const oracle: Oracle = {
      created: new Map(),
      deleted: new Set(),
      writes: new Map(),
      metricWrites: new Map(),
      settingsWrites: new Map(),
    };
    const write = (key: string, device: string, value: unknown) => {
      const list = oracle.writes.get(key) ?? [];
      list.push({ device, value });
      oracle.writes.set(key, list);
    };
    const append = (map: Map<string, unknown[]>, key: string, value: unknown) =>
      map.set(key, [...(map.get(key) ?? []), value]);
    const slots = new Map<string, number>();

    // The random walk: local edits while offline or online, syncs that may overlap local edits.
    proxy.rates = FAULTS;
    const totalSteps = OPS_PER_DEVICE * devices.length;
    const restartAt = Math.floor(totalSteps / 2);
    let restart: Promise<void> | null = null;
    let running: Promise<unknown>[] = [];
    const syncing = new Set<string>();
    const walkStart = Date.now();
    for (let step = 0; step < totalSteps; step++) {
      if (step === restartAt) {
        proxy.onPushForwarded = () => {
          proxy.onPushForwarded = null;
          restart = (async () => {
            const t0 = Date.now();
            proxy.setTarget(null);
            await server.close();
            server = await startServer(database);
            proxy.setTarget(server.url);
            if (process.env.SYNC_SIM_DEBUG) console.log('restart ms', Date.now() - t0);
          })();
        };
      }
      const d = pick(devices);
      const roll = random();
      if (roll < 0.05) {
        d.online = !d.online;
      } else if (roll < 0.3) {
        if (d.online && !syncing.has(d.name)) {
          syncing.add(d.name);
          if (random() < 0.06) d.crashBeforeMark = true;
          running.push(d.sync().finally(() => syncing.delete(d.name)));
        }
      } else {
        await localOp(d, step);
      }
      if (step % 8 === 7) {
        await Promise.all(running);
        running = [];
        if (restart) await restart;
      }
    }
    await Promise.all(running);
    if (restart) await restart;
    if (process.env.SYNC_SIM_DEBUG) console.log('walk done', Date.now() - walkStart);
    expect(restart, 'the server was restarted during a push').not.toBeNull();

    // Heal: no faults, everyone online, sync until a whole round moves nothing.
    proxy.rates = NO_FAULTS;
    let quiet = false;
    let rounds = 0;
    for (; rounds < 12 && !quiet; rounds++) {
      quiet = true;
      for (const d of devices) {
        d.online = true;
        d.crashBeforeMark = false;
        const result = await d.sync();
        if (result instanceof SyncError)
          throw new Error(`${d.name} failed to sync after healing: ${result.message}`);
        if (result.pulled || result.pushed) quiet = false;
      }
    }
    expect(quiet, 'devices stopped exchanging changes after healing').toBe(true);

    if (process.env.SYNC_SIM_DEBUG)
      console.log(seed, backend, JSON.stringify(proxy.counts), { gzip: proxy.gzipBodies, rounds });
    await verify(server, devices, runners, oracle);
    if (OPS_PER_DEVICE >= 15) {
      // The run really exercised every fault and the gzip upload path (a tiny SYNC_SIM_OPS may not).
      for (const fault of ['dropRequest', 'dropResponse', 'duplicate', 'unavailable', 'delay'] as const) {
        expect(proxy.counts[fault], `${fault} faults injected`).toBeGreaterThan(0);
      }
      expect(proxy.gzipBodies, 'gzip push bodies sent').toBeGreaterThan(0);
    }

    async function localOp(d: SimDevice, step: number) {
      const r = d.runner.index;
      const tag = `${d.name}-s${step}`;
      const op = random();
      const activities = (await d.records('activities')).filter((x) => x._status !== 'deleted');
      await d.store.transaction(async (tx) => {
        if (op < 0.3 || (op < 0.65 && !activities.length)) {
          const id = randomId(random);
          const duplicateOf = activities.length && random() < 0.08 ? pick(activities) : undefined;
          let start: number;
          if (duplicateOf && typeof duplicateOf.start_time === 'number') {
            // The same session logged on a second device: 2 minutes off, same type -> the server merges them.
            start = duplicateOf.start_time + 2 * MIN;
          } else {
            const slot = (slots.get(d.name) ?? 0) + 1;
            slots.set(d.name, slot);
            const base = Math.floor(d.now() / GRID) * GRID;
            start = base - slot * GRID + deviceIndex.get(d.name)! * 13 * MIN;
          }
          const raw = {
            id,
            date: new Date(start).toISOString().slice(0, 10),
            start_time: start,
            type: duplicateOf && duplicateOf.start_time ? duplicateOf.type : pick(['run', 'walk', 'bike']),
            source: random() < 0.2 ? 'garmin' : 'manual',
            duration_sec: int(600, 7200),
            distance_meters: int(1000, 20_000),
            rpe: int(1, 10),
            feeling: int(1, 5),
            notes: tag,
          };
          await createRecord(tx, 'activities', raw);
          oracle.created.set(`activities/${id}`, {
            device: d.name,
            runner: r,
            duplicateOf: duplicateOf ? `activities/${duplicateOf.id}` : undefined,
          });
          for (const c of ['notes', 'rpe', 'feeling'])
            write(`activities/${id}/${c}`, d.name, raw[c as keyof typeof raw]);
        } else if (op < 0.55) {
          const a = pick(activities);
          const patch = { notes: tag, rpe: int(1, 10), feeling: int(1, 5) };
          // Sometimes an objective field too (a device-sourced record keeps its own: the server's rule).
          const objective = random() < 0.3 ? { distance_meters: int(1000, 20_000) } : {};
          await updateRecord(tx, 'activities', a.id, { ...patch, ...objective });
          for (const [c, v] of Object.entries(patch)) write(`activities/${a.id}/${c}`, d.name, v);
        } else if (op < 0.65) {
          const a = pick(activities);
          await deleteRecord(tx, 'activities', a.id);
          oracle.deleted.add(`activities/${a.id}`);
        } else if (op < 0.85) {
          const date = new Date(d.now() - int(0, 6) * DAY).toISOString().slice(0, 10);
          const fields = { sleep_quality: int(1, 5), mood: int(1, 5), resting_hr: int(38, 70) };
          const existing = (await tx.all('daily_metrics')).find(
            (m) => m.date === date && m._status !== 'deleted',
          );
          if (existing) await updateRecord(tx, 'daily_metrics', existing.id, fields);
          else {
            const id = randomId(random);
            await createRecord(tx, 'daily_metrics', { id, date, ...fields });
            oracle.created.set(`daily_metrics/${id}`, { device: d.name, runner: r });
          }
          for (const [c, v] of Object.entries(fields)) append(oracle.metricWrites, `${r}/${date}/${c}`, v);
        } else if (op < 0.92) {
          // The plan is the server's: an offline skip, completion or move is merged by its rules.
          const workouts = (await tx.all('scheduled_workouts')).filter((w) => w._status !== 'deleted');
          if (!workouts.length) return;
          const w = pick(workouts);
          const patch =
            random() < 0.6
              ? { state: pick(['completed', 'skipped', 'planned']) }
              : {
                  date: new Date(Date.parse(`${w.date as string}T00:00:00Z`) + pick([-1, 1]) * DAY)
                    .toISOString()
                    .slice(0, 10),
                };
          await updateRecord(tx, 'scheduled_workouts', w.id, patch);
        } else {
          const settings = await tx.get('user_settings', d.runner.userId);
          if (!settings || settings._status === 'deleted') return;
          const patch =
            random() < 0.5
              ? { units: pick(['km', 'mi']) }
              : random() < 0.5
                ? { time_zone: pick(['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo']) }
                : { notifications_push: random() < 0.5 };
          await updateRecord(tx, 'user_settings', settings.id, patch);
          for (const [c, v] of Object.entries(patch)) append(oracle.settingsWrites, `${r}/${c}`, v);
        }
      });
      await d.engine.localChanged();
    }
  } finally {
    for (const d of devices) d.engine.stop();
    await proxy.close();
    await server.close();
    await database.drop();
  }
}

/** Everything the server holds for one runner, pulled from zero with all history (the reference). */
async function serverView(
  server: TestServer,
  runner: SimRunner,
): Promise<Map<string, Map<string, LocalRecord>>> {
  const tokens = await login(server.url, runner, 'reference');
  const store = new MemoryStore(SYNC_TABLES);
  const seen = new Map<string, number>();
  const base = createHttpTransport({
    baseUrl: `${server.url}/api/v1`,
    pullQuery: { window_days: '0', limit: '7' },
    getAccessToken: async () => tokens.accessToken,
  });
  // Count every id across pages: no record may come twice in one pull.
  const transport = {
    ...base,
    pull: async (args: Parameters<typeof base.pull>[0]) => {
      const page = await base.pull(args);
      for (const [t, c] of Object.entries(page.changes))
        for (const r of c.updated) seen.set(`${t}/${r.id}`, (seen.get(`${t}/${r.id}`) ?? 0) + 1);
      return page;
    },
  };
  await synchronize({ store, transport, newKey: () => 'never-pushes', pushTables: [] });
  const twice = [...seen].filter(([, n]) => n > 1).map(([k]) => k);
  expect.soft(twice, 'ids sent twice in one pull').toEqual([]);
  const view = new Map<string, Map<string, LocalRecord>>();
  for (const t of SYNC_TABLES) {
    const records = await store.transaction((tx) => tx.all(t));
    view.set(t, new Map(records.map((r) => [r.id, r])));
  }
  return view;
}

async function verify(server: TestServer, devices: SimDevice[], runners: SimRunner[], oracle: Oracle) {
  const merged = new Set(
    (
      await queryRows<{ k: string }>(
        server.db,
        // The loser's id, and the survivor's (it took over the loser's subjective fields).
        sql`select table_name || '/' || record_id as k from sync_conflicts where rule = 'merged_duplicate'
            union select table_name || '/' || (data->>'survivor') from sync_conflicts
            where rule = 'merged_duplicate' and data ? 'survivor'`,
      )
    ).map((r) => r.k),
  );
  const tombstones = new Set(
    (
      await queryRows<{ k: string }>(
        server.db,
        sql`select table_name || '/' || record_id as k from sync_tombstones`,
      )
    ).map((r) => r.k),
  );

  for (const runner of runners) {
    const view = await serverView(server, runner);
    const mine = devices.filter((d) => d.runner === runner);

    // 1. Every device equals the server, with nothing left to push, and says so.
    for (const d of mine) {
      expect
        .soft(d.engine.getStatus(), `${d.name} status`)
        .toMatchObject({ state: 'synced', pendingCount: 0 });
      for (const [table, records] of view) {
        const local = await d.records(table);
        const pending = local.filter((r) => r._status !== 'synced').map((r) => `${r.id}:${r._status}`);
        expect.soft(pending, `${d.name} ${table} pending`).toEqual([]);
        const ids = new Set(local.map((r) => r.id));
        const missing = [...records.keys()].filter((id) => !ids.has(id));
        const extra = [...ids].filter((id) => !records.has(id));
        expect
          .soft(
            { missing: missing.slice(0, 5), extra: extra.slice(0, 5), n: [missing.length, extra.length] },
            `${d.name} ${table} ids`,
          )
          .toEqual({ missing: [], extra: [], n: [0, 0] });
        // One assertion per device and table (a runaway table would otherwise print thousands).
        const differing = local.filter(
          (r) => records.has(r.id) && !jsonEqual(rawOf(r), rawOf(records.get(r.id)!)),
        );
        if (differing.length) {
          const first = differing[0]!;
          expect
            .soft(
              rawOf(first),
              `${d.name} ${table}: ${differing.length} record(s) differ from the server, first ${first.id}`,
            )
            .toEqual(rawOf(records.get(first.id)!));
        }
      }
    }

    // 2. No delete undone; no acknowledged create missing (a missing id was deleted or merged, and is tombstoned).
    const activities = view.get('activities')!;
    const metrics = view.get('daily_metrics')!;
    for (const key of oracle.deleted) {
      const [table, id] = key.split('/') as [string, string];
      if (oracle.created.get(key)?.runner !== runner.index) continue;
      expect.soft(view.get(table)!.has(id), `deleted ${key} came back`).toBe(false);
    }
    for (const [key, c] of oracle.created) {
      if (c.runner !== runner.index) continue;
      const [table, id] = key.split('/') as [string, string];
      if (view.get(table)!.has(id)) continue;
      expect
        .soft(oracle.deleted.has(key) || merged.has(key), `${key} (by ${c.device}) is missing`)
        .toBe(true);
      // A merged id must be tombstoned; a deleted one only if the server ever had it (a record created and
      // deleted between two syncs never reaches the server).
      if (!oracle.deleted.has(key))
        expect.soft(tombstones.has(key), `${key} is gone without a tombstone`).toBe(true);
    }

    // 3. Nothing duplicated: one daily_metrics per date; no two activities of a type within 10 minutes.
    const dates = [...metrics.values()].map((m) => m.date as string);
    expect.soft(dates.length, 'daily_metrics dates are unique').toBe(new Set(dates).size);
    const acts = [...activities.values()].sort((a, b) => Number(a.start_time) - Number(b.start_time));
    for (let i = 0; i < acts.length; i++) {
      for (
        let j = i + 1;
        j < acts.length && Number(acts[j]!.start_time) - Number(acts[i]!.start_time) < 10 * MIN;
        j++
      ) {
        expect
          .soft(
            acts[j]!.type === acts[i]!.type,
            `activities are duplicates: ${JSON.stringify([acts[i], acts[j]].map((a) => ({ ...rawOf(a!), oracle: oracle.created.get(`activities/${a!.id}`) })))}`,
          )
          .toBe(false);
      }
    }

    // 4. Values are ones some device wrote; a record only one device ever wrote holds that device's last write.
    for (const a of activities.values()) {
      const c = oracle.created.get(`activities/${a.id}`);
      if (!c || c.duplicateOf || merged.has(`activities/${a.id}`)) continue;
      const partnerMerged = [...oracle.created].some(
        ([k, v]) => v.duplicateOf === `activities/${a.id}` && !activities.has(k.split('/')[1]!),
      );
      if (partnerMerged) continue;
      for (const col of ['notes', 'rpe', 'feeling']) {
        const writes = oracle.writes.get(`activities/${a.id}/${col}`) ?? [];
        expect
          .soft(
            writes.map((w) => w.value),
            `activities/${a.id}.${col}`,
          )
          .toContainEqual(a[col]);
        if (new Set(writes.map((w) => w.device)).size === 1) {
          expect
            .soft(a[col], `activities/${a.id}.${col}: the only writer's last value`)
            .toEqual(writes.at(-1)!.value);
        }
      }
    }
    for (const m of metrics.values()) {
      for (const col of ['sleep_quality', 'mood', 'resting_hr']) {
        const written = oracle.metricWrites.get(`${runner.index}/${m.date as string}/${col}`) ?? [];
        expect
          .soft([...written, null], `daily_metrics ${m.date as string}.${col}`)
          .toContainEqual(m[col] ?? null);
      }
    }
    const settings = view.get('user_settings')!.get(runner.userId);
    expect.soft(settings, 'user_settings record').toBeDefined();
    const defaults: Record<string, unknown> = { units: 'km', time_zone: 'UTC', notifications_push: true };
    for (const [col, initial] of Object.entries(defaults)) {
      const written = oracle.settingsWrites.get(`${runner.index}/${col}`) ?? [];
      expect.soft([initial, ...written], `user_settings.${col}`).toContainEqual(settings![col]);
    }
  }
}

function parseSeeds(spec: string): number[] {
  const out: number[] = [];
  for (const part of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(\d+)-(\d+)$/.exec(part);
    if (m) for (let s = Number(m[1]); s <= Number(m[2]); s++) out.push(s);
    else out.push(Number(part));
  }
  return out;
}
