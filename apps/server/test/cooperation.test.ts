import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteKeys, randomPrefix, TEST_REDIS_URL } from '../src/queue/test-helpers.ts';
import { createTestDatabase, type TestDatabase } from './helpers/backends.ts';
import { addDays, todayUtc } from './helpers/domain.ts';
import { client } from './helpers/http.ts';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));

interface Proc {
  child: ChildProcess;
  lines: string[];
  stderr: () => string;
}

function spawnTsx(script: string, env: Record<string, string>): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: SERVER_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => lines.push(...d.split('\n').filter(Boolean)));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return { child, lines, stderr: () => stderr };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 30_000) {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startApi(env: Record<string, string>): Promise<Proc & { url: string }> {
  const proc = spawnTsx('src/main.ts', env);
  const url = await waitFor('API listening', () => {
    if (proc.child.exitCode !== null) throw new Error(`API exited: ${proc.stderr()}`);
    return proc.lines
      .map((l) => /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(l)?.[1])
      .find(Boolean);
  });
  return { ...proc, url: `${url}/api/v1` };
}

async function stop(p: Proc | undefined) {
  if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 10_000);
  await once(p.child, 'exit');
  clearTimeout(timer);
}

// Acceptance 6: two API processes (WORKERS=off: they only enqueue) and one worker process on one
// PostgreSQL database and one Redis prefix.
describe('two API processes and a worker cooperate', () => {
  if (process.env.RC_SKIP_PG === '1' || process.env.RC_SKIP_REDIS === '1') {
    return void it.skip('needs real PostgreSQL and Redis (RC_SKIP_PG / RC_SKIP_REDIS set)');
  }
  const prefix = randomPrefix();
  const procs: Proc[] = [];
  let database: TestDatabase | undefined;
  afterAll(async () => {
    for (const p of procs) await stop(p);
    await database?.drop();
    await deleteKeys(prefix);
  });

  it('an activity posted to API 1 is normalized by the worker, and API 2 sees the result', async () => {
    database = await createTestDatabase('postgres');
    const env: Record<string, string> = {
      ...database.env,
      LOG_LEVEL: 'info',
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      CACHE_PREFIX: `${prefix}:cache:`,
      RATE_LIMIT_PREFIX: `${prefix}:rl:`,
      JWT_SECRET: 'cooperation-test-secret-shared-by-both-apis',
      WORKERS: 'off',
    };
    const api1 = await startApi(env);
    procs.push(api1);
    const api2 = await startApi(env);
    procs.push(api2);
    const one = client(api1.url);
    const two = client(api2.url);

    const reg = await one.post('/auth/register', { email: 'coop@example.com', password: 'correct horse' });
    expect(reg.status).toBe(201);
    const token = reg.body.accessToken as string;
    const userId = reg.body.user.id as string;
    // API 2 caches the empty dashboard first: the worker's writes must invalidate it across processes.
    expect((await two.get('/dashboard/today', token)).body.alerts).toEqual([]);

    // Known HR bounds and sex: the RPE-less run still has a load (Banister TRIMP).
    const me = await two.patch(
      '/me',
      { profile: { sex: 'male' }, baselines: { restingHr: 50, maxHr: 190 } },
      token,
    );
    expect(me.status).toBe(200);
    const today = todayUtc();
    const posted = await one.post(
      '/activities',
      { date: addDays(today, -1), type: 'run', durationSec: 3000, distanceMeters: 10_000, avgHr: 150 },
      token,
    );
    expect(posted.status).toBe(201);

    const db = new pg.Client({ connectionString: env.DATABASE_URL! });
    await db.connect();
    try {
      const count = async (table: string) =>
        Number((await db.query(`select count(*) as n from ${table} where user_id = $1`, [userId])).rows[0].n);
      // No process runs jobs yet: the APIs only enqueue.
      await new Promise((r) => setTimeout(r, 1000));
      expect(await count('pending_tasks')).toBe(0);
      expect(await count('rolling_stats')).toBe(0);

      const worker = spawnTsx('src/queue/worker.ts', env);
      procs.push(worker);
      await waitFor('worker ready', () => {
        if (worker.child.exitCode !== null) throw new Error(`worker exited: ${worker.stderr()}`);
        return worker.lines.find((l) => l.includes('"worker ready"'));
      });

      // API 2 sees the pending RPE task on its dashboard (its cache was invalidated through Redis).
      const dash = await waitFor('the pending task on API 2', async () => {
        const res = await two.get('/dashboard/today', token);
        return res.body.alerts.some((a: { code: string }) => a.code === 'RPE_MISSING') ? res.body : undefined;
      });
      expect(dash.alerts).toContainEqual(
        expect.objectContaining({
          code: 'RPE_MISSING',
          data: expect.objectContaining({ activityId: posted.body.id }),
        }),
      );
      // UpdateRollingStats ran after it: the stored series from the activity's day to today.
      await waitFor('rolling stats', async () => ((await count('rolling_stats')) >= 2 ? true : undefined));
      const stored = await db.query(
        'select date::text as date, load from rolling_stats where user_id = $1 order by date',
        [userId],
      );
      expect(stored.rows.map((r: { date: string }) => r.date)).toEqual([addDays(today, -1), today]);
      expect(stored.rows[0].load).toBeGreaterThan(0);
      const load = await two.get(`/stats/load?from=${addDays(today, -1)}&to=${today}`, token);
      expect(load.body.days[0].load).toBeCloseTo(stored.rows[0].load, 5);
      expect(await count('pending_tasks')).toBe(1);

      // The worker shuts down gracefully.
      worker.child.kill('SIGTERM');
      const [code] = (await once(worker.child, 'exit')) as [number | null];
      expect(code).toBe(0);
    } finally {
      await db.end();
    }
  }, 120_000);
});
