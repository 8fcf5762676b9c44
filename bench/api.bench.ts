// `npm run bench:api`: the API's throughput and latency on loopback against the real PostgreSQL and Redis, against
// issue #3's target (dashboard/today: >= 1,000 req/s with p99 < 100 ms). Prints figures; exits 1 on a miss.
//   npm run bench:api -- --duration=20 --connections=100 --warmup=3 --cpu-prof   (profile: artifacts/cpu-prof/)
import { cpus, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBenchBackend } from './api/backend.ts';
import { type LoadStats, runLoad } from './api/load.ts';
import { seedRunners } from './api/runners.ts';
import { startServerProcess } from './api/server.ts';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '100' },
    history: { type: 'string', default: '4' },
    fresh: { type: 'string', default: '96' },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const DURATION = Number(args.duration);
const WARMUP = Number(args.warmup);
const CONNECTIONS = Number(args.connections);
const TARGET = { reqPerSec: 1000, p99Ms: 100 };

const log = (text: string) => console.log(text);
const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

log(`== API benchmark: ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), node ${process.version}`);
const backend = await createBenchBackend();
const dataDir = mkdtempSync(join(tmpdir(), 'rc-bench-'));
const cpuProfDir = args['cpu-prof'] ? resolve(import.meta.dirname, '../artifacts/cpu-prof') : undefined;
let exitCode = 0;
try {
  const server = await startServerProcess(
    {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      DATABASE_URL: backend.databaseUrl,
      REDIS_URL: backend.redisUrl,
      JWT_SECRET: 'bench-only-secret-bench-only-secret-0123456789',
      // The limiter stays on (one Redis INCR per request, as in production) but so high it never answers
      // 429: at ~1,000 req/s over 100 runners each runner sends ~600 requests a minute, six times the real limit.
      RATE_LIMIT_PER_MINUTE: '100000000',
      RATE_LIMIT_PREFIX: `${backend.prefix}rl:`,
      QUEUE_PREFIX: `${backend.prefix}jobs`,
      CACHE_PREFIX: `${backend.prefix}cache:`,
    },
    { cpuProfDir },
  );
  const results: LoadStats[] = [];
  try {
    log(
      `server pid ${server.pid} on ${server.url}, database ${new URL(backend.databaseUrl).pathname.slice(1)}`,
    );
    const counts = { history: Number(args.history), fresh: Number(args.fresh) };
    const t0 = Date.now();
    let lastShown = 0;
    const { runners, today } = await seedRunners(`${server.url}/api/v1`, counts, (done, total) => {
      if (done === total || Date.now() - lastShown > 2000) {
        lastShown = Date.now();
        log(`  seeded ${done}/${total} runners (${counts.history} with 12 weeks of history)`);
      }
    });
    log(`  seeding took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const auth = (n: number) => ({ authorization: `Bearer ${runners[n % runners.length]!.token}` });
    // A few seconds of the same load first, not counted: JIT, connection pools and caches warm up as they
    // would on a server that has been up for a while.
    const measure = async (opts: Parameters<typeof runLoad>[0]) => {
      if (WARMUP > 0) await runLoad({ ...opts, durationSec: WARMUP });
      return runLoad(opts);
    };

    log(
      `\n-- GET /api/v1/dashboard/today: ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s, ${runners.length} runners`,
    );
    results.push(
      await measure({
        title: 'GET  /api/v1/dashboard/today',
        url: `${server.url}/api/v1/dashboard/today`,
        method: 'GET',
        connections: CONNECTIONS,
        durationSec: DURATION,
        request: (n) => ({ headers: auth(n) }),
      }),
    );

    // Each request a runner's check-in for one of the last 28 days (an upsert), round-robin over runners, so
    // no two in-flight requests fight over one runner's rows more than real traffic would.
    log(
      `-- POST /api/v1/daily-metrics: ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s, ${runners.length} runners`,
    );
    results.push(
      await measure({
        title: 'POST /api/v1/daily-metrics',
        url: `${server.url}/api/v1/daily-metrics`,
        method: 'POST',
        connections: CONNECTIONS,
        durationSec: DURATION,
        request: (n) => ({
          headers: { ...auth(n), 'content-type': 'application/json' },
          body: JSON.stringify({
            date: addDays(today, -(Math.floor(n / runners.length) % 28)),
            hrvRmssd: 45 + (n % 30),
            restingHr: 48 + (n % 9),
            sleepDurationMinutes: 380 + (n % 100),
            sleepQuality: 1 + (n % 5),
            soreness: 1 + ((n >> 1) % 5),
            stress: 1 + ((n >> 2) % 5),
            mood: 1 + ((n >> 3) % 5),
          }),
        }),
      }),
    );
  } finally {
    await server.stop();
  }

  log(
    '\n| endpoint                      |    req/s |  p50 ms |  p95 ms |  p99 ms |  max ms | errors | non-2xx |',
  );
  log(
    '| ----------------------------- | -------: | ------: | ------: | ------: | ------: | -----: | ------: |',
  );
  const ms = (x: number) => x.toFixed(1).padStart(7);
  for (const r of results) {
    log(
      `| ${r.title.padEnd(29)} | ${r.reqPerSec.toFixed(0).padStart(8)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${String(r.errors).padStart(6)} | ${String(r.non2xx).padStart(7)} |`,
    );
  }
  for (const r of results) {
    const codes = Object.entries(r.statusCodes)
      .map(([c, n]) => `${c}: ${n}`)
      .join(', ');
    log(`  ${r.title.trim()}: ${r.requests} responses (${codes})`);
  }
  const dash = results[0]!;
  const ok =
    dash.reqPerSec >= TARGET.reqPerSec && dash.p99 < TARGET.p99Ms && dash.errors === 0 && dash.non2xx === 0;
  log(
    `\ntarget dashboard/today >= ${TARGET.reqPerSec} req/s, p99 < ${TARGET.p99Ms} ms, no errors: ` +
      `${ok ? 'met' : 'MISSED'} (${dash.reqPerSec.toFixed(0)} req/s, p99 ${dash.p99.toFixed(1)} ms)`,
  );
  const post = results[1]!;
  if (post.errors > 0 || post.non2xx > 0)
    log(`daily-metrics answered ${post.non2xx} non-2xx and ${post.errors} errors`);
  if (cpuProfDir) log(`CPU profile of the server: ${cpuProfDir} (open in Chrome DevTools > Performance)`);
  if (!ok || post.errors > 0 || post.non2xx > 0) exitCode = 1;
} catch (err) {
  console.error(err);
  exitCode = 1;
} finally {
  await backend.drop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
