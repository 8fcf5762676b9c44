// `npm run bench:sync`: the WatermelonDB sync protocol against the real PostgreSQL (a fresh database, dropped
// after) and Redis, against issue #4's targets: first sync of ~90 days of one runner < 500 ms, an incremental
// sync of up to 100 changes with 500 runners syncing concurrently p95 < 100 ms (pull) / < 150 ms (push), an
// empty pull < 300 bytes, gzip >= 70% smaller. Prints the figures; exits 1 on a miss.
// The load model: all 500 runners online at once, each device syncing (push, then pull) at random times,
// on average every --interval-ms (30 s: ten times the client library's 5-minute periodic trigger, for the
// foreground / after-a-workout / WebSocket triggers); every push carries 1..--max-changes records. Each request
// opens its own connection (as many as requests in flight); the offered and achieved request rates are printed
// with the latencies.
//   npm run bench:sync -- --runners=500 --rounds=3 --interval-ms=30000 --max-changes=100 --cpu-prof (artifacts/cpu-prof/)
import { cpus, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { demoHistory } from '../apps/server/src/demo/demo.history.ts';
import { drainQueue } from '../apps/server/src/demo/demo.run.ts';
import { seedDemo } from '../apps/server/src/demo/demo.seed.ts';
import { createBenchBackend } from './api/backend.ts';
import { startServerProcess } from './api/server.ts';
import { DeviceEdits, pull, push } from './sync/device.ts';
import { closeAgent, ok } from './sync/http.ts';
import { startWorkerProcess } from './sync/worker.ts';
import { pool, prng, summarize, type Summary } from './sync/stats.ts';

const { values: args } = parseArgs({
  options: {
    runners: { type: 'string', default: '500' },
    rounds: { type: 'string', default: '3' },
    'interval-ms': { type: 'string', default: '30000' },
    'max-changes': { type: 'string', default: '100' },
    'first-syncs': { type: 'string', default: '5' },
    seed: { type: 'string', default: '4' },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const RUNNERS = Number(args.runners);
const ROUNDS = Number(args.rounds);
const INTERVAL_MS = Number(args['interval-ms']);
const MAX_CHANGES = Number(args['max-changes']);
const FIRST_SYNCS = Number(args['first-syncs']);
const TARGET = { pullP95: 100, pushP95: 150, firstSyncMs: 500, emptyPullBytes: 300, gzipSavingPct: 70 };
const PASSWORD = 'bench-runner-password';

const log = (text: string) => console.log(text);
const f1 = (x: number) => x.toFixed(1);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

log(`== sync benchmark: ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), node ${process.version}`);
const backend = await createBenchBackend();
const dataDir = mkdtempSync(join(tmpdir(), 'rc-bench-sync-'));
const cpuProfDir = args['cpu-prof'] ? resolve(import.meta.dirname, '../artifacts/cpu-prof') : undefined;
let exitCode = 0;
try {
  const env = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    DATABASE_URL: backend.databaseUrl,
    REDIS_URL: backend.redisUrl,
    // Jobs (rolling stats, adaptation) belong to a worker process: one runs while seeding and is stopped
    // before the measured part, so (as in bench:api) the API's own work is what is measured.
    WORKERS: 'off',
    JWT_SECRET: 'bench-only-secret-bench-only-secret-0123456789',
    RATE_LIMIT_PER_MINUTE: '100000000',
    RATE_LIMIT_PREFIX: `${backend.prefix}rl:`,
    QUEUE_PREFIX: `${backend.prefix}jobs`,
    CACHE_PREFIX: `${backend.prefix}cache:`,
    REALTIME_PREFIX: `${backend.prefix}rt:`,
  };
  const server = await startServerProcess(env, { cpuProfDir });
  const worker = await startWorkerProcess(env);
  const api = `${server.url}/api/v1`;
  const lines: string[] = [];
  const checks: { name: string; ok: boolean; figure: string }[] = [];
  try {
    log(
      `server pid ${server.pid} on ${server.url}, database ${new URL(backend.databaseUrl).pathname.slice(1)}`,
    );

    // 1. One runner with the demo's history (12 weeks back to a Monday + this week: 84-90 days of runs,
    // check-ins, rolling stats, alerts, a plan), seeded through the public API; its jobs drained.
    let t0 = Date.now();
    const demo = await seedDemo({
      apiUrl: api,
      email: 'bench-sync-history@bench.runningcoach.local',
      password: PASSWORD,
    });
    await drainQueue(server.url, 120_000);
    log(
      `seeded the history runner in ${((Date.now() - t0) / 1000).toFixed(1)} s (${demo.activities} activities, ${demo.checkIns} check-ins)`,
    );
    const login = await ok(`${api}/auth/login`, {
      method: 'POST',
      json: { email: demo.email, password: PASSWORD },
    });
    const historyToken = login.body.accessToken as string;

    // 2. First sync (a new device: no last_pulled_at, the default 90-day window, unpaged), cold then repeated.
    const cold = await pull(api, historyToken);
    const firsts = [];
    for (let i = 0; i < FIRST_SYNCS; i++) firsts.push(await pull(api, historyToken));
    const first = summarize(firsts.map((p) => p.ms));
    const saving = 100 * (1 - cold.wireBytes / cold.jsonBytes);
    lines.push(
      `first sync (90-day window): ${cold.records} records, ${cold.jsonBytes} B JSON, ${cold.wireBytes} B gzipped ` +
        `(${f1(saving)}% smaller); cold ${f1(cold.ms)} ms, then median ${f1(first.p50)} ms / max ${f1(first.max)} ms over ${FIRST_SYNCS}`,
    );
    checks.push({
      name: `first sync < ${TARGET.firstSyncMs} ms (median)`,
      ok: first.p50 < TARGET.firstSyncMs,
      figure: `${f1(first.p50)} ms`,
    });
    checks.push({
      name: `gzip >= ${TARGET.gzipSavingPct}% smaller`,
      ok: saving >= TARGET.gzipSavingPct,
      figure: `${f1(saving)}%`,
    });

    // 3. An empty pull: nothing changed since the last one.
    const empty = await pull(api, historyToken, cold.timestamp);
    const emptyAgain = await pull(api, historyToken, empty.timestamp);
    lines.push(
      `empty pull: ${emptyAgain.wireBytes} B on the wire (${emptyAgain.jsonBytes} B JSON${emptyAgain.pages[0]!.gzipped ? ', gzipped' : ''}), ${emptyAgain.records} records, ${f1(emptyAgain.ms)} ms`,
    );
    checks.push({
      name: `empty pull < ${TARGET.emptyPullBytes} B`,
      ok: emptyAgain.records === 0 && emptyAgain.wireBytes < TARGET.emptyPullBytes,
      figure: `${emptyAgain.wireBytes} B`,
    });

    // 4. RUNNERS runners, each registered and onboarded (a plan), then a first sync of their device.
    t0 = Date.now();
    const today = demo.today;
    const onboarding = demoHistory(today).onboarding;
    const runners = await pool(
      Array.from({ length: RUNNERS }, (_, i) => i),
      4,
      async (i) => {
        const email = `bench-sync-${i}@bench.runningcoach.local`;
        const reg = await ok(`${api}/auth/register`, { method: 'POST', json: { email, password: PASSWORD } });
        const token = reg.body.accessToken as string;
        await ok(`${api}/onboarding`, {
          method: 'POST',
          token,
          json: onboarding,
        });
        return {
          token,
          lastPulledAt: 0,
          edits: new DeviceEdits(today, prng(Number(args.seed) * 100_003 + i)),
        };
      },
    );
    const initial = await pool(runners, 16, async (r) => {
      const p = await pull(api, r.token);
      r.lastPulledAt = p.timestamp;
      return p.ms;
    });
    await drainQueue(server.url, 120_000);
    await worker.stop();
    log(
      `registered, onboarded and first-synced ${RUNNERS} runners in ${((Date.now() - t0) / 1000).toFixed(1)} s ` +
        `(a new runner's first sync: median ${f1(summarize(initial).p50)} ms)`,
    );

    // 5. Incremental syncs: every runner's device loops ROUNDS times (a random wait averaging INTERVAL_MS,
    // 1..MAX_CHANGES local changes, push, then pull since its last timestamp), all RUNNERS loops at once.
    const pushMs: number[] = [];
    const pullMs: number[] = [];
    let changesSent = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const doneAt: number[] = [];
    const track = async <T>(p: () => Promise<T>): Promise<T> => {
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      try {
        return await p();
      } finally {
        inFlight--;
        doneAt.push(Date.now());
      }
    };
    t0 = Date.now();
    await Promise.all(
      runners.map(async (r, i) => {
        const random = prng(Number(args.seed) * 7919 + i);
        for (let round = 0; round < ROUNDS; round++) {
          await sleep(random() * 2 * INTERVAL_MS);
          const { changes, count } = r.edits.next(1 + Math.floor(random() * MAX_CHANGES));
          changesSent += count;
          const pushed = await track(() => push(api, r.token, changes, r.lastPulledAt));
          pushMs.push(pushed.ms);
          const pulled = await track(() => pull(api, r.token, r.lastPulledAt));
          pullMs.push(pulled.ms);
          r.lastPulledAt = pulled.timestamp;
        }
      }),
    );
    const seconds = (Date.now() - t0) / 1000;
    const pushes = summarize(pushMs);
    const pulls = summarize(pullMs);
    const offered = RUNNERS / (INTERVAL_MS / 1000);
    // The whole run's rate counts the ramp-down (the last runner's last wait ends it); the busiest 30 s show
    // whether the server kept up with every runner syncing at once.
    const busiest = peakRate(doneAt, 30_000);
    lines.push(
      `incremental: ${RUNNERS} runners online at once, each syncing (push + pull) every 0-${(2 * INTERVAL_MS) / 1000} s ` +
        `(mean ${INTERVAL_MS / 1000} s), ${ROUNDS} syncs each: offered ${f1(offered)} syncs/s ` +
        `(${f1(2 * offered)} req/s); served ${f1(busiest)} req/s in the busiest 30 s, ` +
        `${f1((pushMs.length + pullMs.length) / seconds)} req/s over the whole ${f1(seconds)} s with its ramp-down, ` +
        `1-${MAX_CHANGES} changes a push (${changesSent} in all, ${f1(changesSent / pushMs.length)} a push), ` +
        `up to ${maxInFlight} requests (connections) in flight`,
    );
    const row = (name: string, s: Summary) =>
      `| ${name.padEnd(5)} | ${String(s.count).padStart(6)} | ${f1(s.p50).padStart(7)} | ${f1(s.p95).padStart(7)} | ${f1(s.p99).padStart(7)} | ${f1(s.max).padStart(7)} |`;
    lines.push(
      '',
      '| sync  |  count |  p50 ms |  p95 ms |  p99 ms |  max ms |',
      '| ----- | -----: | ------: | ------: | ------: | ------: |',
      row('push', pushes),
      row('pull', pulls),
    );
    checks.push({
      name: `incremental pull p95 < ${TARGET.pullP95} ms`,
      ok: pulls.p95 < TARGET.pullP95,
      figure: `${f1(pulls.p95)} ms`,
    });
    checks.push({
      name: `incremental push p95 < ${TARGET.pushP95} ms`,
      ok: pushes.p95 < TARGET.pushP95,
      figure: `${f1(pushes.p95)} ms`,
    });
  } finally {
    closeAgent();
    await worker.stop();
    await server.stop();
  }
  log('');
  for (const l of lines) log(l);
  log('');
  for (const c of checks) log(`${c.ok ? 'met   ' : 'MISSED'} ${c.name}: ${c.figure}`);
  if (checks.some((c) => !c.ok)) exitCode = 1;
} catch (err) {
  console.error(err);
  exitCode = 1;
} finally {
  await backend.drop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);

/** The most requests completed in any `windowMs`, per second. */
function peakRate(times: number[], windowMs: number): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < t.length; j++) {
    while (t[j]! - t[i]! > windowMs) i++;
    best = Math.max(best, j - i + 1);
  }
  return best / (windowMs / 1000);
}
