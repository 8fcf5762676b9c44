import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.ts';
import { deleteKeys, randomPrefix, TEST_REDIS_URL } from '../src/queue/test-helpers.ts';
import { createRealtimeService } from '../src/realtime/realtime.providers.ts';
import { createTestDatabase, startServer, type TestDatabase, type TestServer } from './helpers/backends.ts';
import { addDays, onboard, todayUtc } from './helpers/domain.ts';
import { type Client, client } from './helpers/http.ts';
import { register } from './helpers/suite.ts';
import { openSocket, sleep, subscribedSocket, type TestSocket, wsUrl } from './helpers/ws-client.ts';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const run = (date = addDays(todayUtc(), -1)) => ({ date, type: 'run', durationSec: 1800, rpe: 5 });

const sockets: TestSocket[] = [];
const track = (s: TestSocket) => (sockets.push(s), s);
afterAll(() => sockets.forEach((s) => s.ws.terminate()));

describe('/ws in-process (PGlite, no Redis)', () => {
  let database: TestDatabase;
  let server: TestServer;
  let api: Client;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    // A fast heartbeat so a dead socket is cut within the test.
    server = await startServer({ ...database, env: { ...database.env, WS_HEARTBEAT_SECONDS: '0.2' } });
    api = client(`${server.url}/api/v1`);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it("sends a runner's events to all of their sockets and nothing to another runner", async () => {
    const a = await register(api);
    const b = await register(api);
    const phone = track(await subscribedSocket(server.url, a.accessToken));
    const web = track(await subscribedSocket(server.url, a.accessToken));
    const other = track(await subscribedSocket(server.url, b.accessToken));

    const posted = await api.post('/activities', run(), a.accessToken);
    expect(posted.status).toBe(201);
    for (const s of [phone, web]) {
      const created = await s.next('activity:new');
      expect(created.data).toEqual({ id: posted.body.id, date: posted.body.date });
      expect(Date.parse(created.at)).toBeGreaterThan(Date.now() - 10_000);
      await s.next('sync:required');
    }
    await onboard(api, a.accessToken);
    for (const s of [phone, web]) {
      const plan = await s.next('plan:updated');
      expect(plan.data).toMatchObject({ reason: 'generated', version: 1, planId: expect.any(String) });
    }
    // A read is no change: no event for it.
    const before = phone.events().length;
    expect((await api.get('/activities', a.accessToken)).status).toBe(200);
    await sleep(300);
    expect(phone.events()).toHaveLength(before);
    expect(other.events()).toEqual([]);
  });

  it('refuses a missing, bad or foreign token with close code 4401', async () => {
    for (const query of ['', '?token=not-a-jwt', '?token=eyJhbGciOiJIUzI1NiJ9.e30.c2ln']) {
      const s = track(await openSocket(wsUrl(server.url, query)));
      expect(await s.closed).toEqual({ code: 4401, reason: 'unauthorized' });
      expect(s.frames).toEqual([]);
    }
  });

  it('takes the token as the `bearer` subprotocol and answers with `bearer` only', async () => {
    const a = await register(api);
    const s = track(await openSocket(wsUrl(server.url), { protocols: ['bearer', a.accessToken] }));
    expect(s.ws.protocol).toBe('bearer');
    await s.next('connected');
    expect((await api.patch('/me', { name: 'Sam' }, a.accessToken)).status).toBe(200);
    await s.next('sync:required');
    // A text ping (browsers cannot send ping frames) is answered.
    s.ws.send('ping');
    await s.next('pong');
  });

  it('cuts a socket that stops answering pings, and keeps one that answers', async () => {
    const a = await register(api);
    const dead = track(await openSocket(wsUrl(server.url, `?token=${a.accessToken}`), { autoPong: false }));
    const alive = track(await subscribedSocket(server.url, a.accessToken));
    await dead.next('connected');
    // Terminated (no close frame): the client sees 1006 within two heartbeats.
    expect((await dead.closed).code).toBe(1006);
    await sleep(500);
    expect(alive.ws.readyState).toBe(alive.ws.OPEN);
    expect((await api.post('/activities', run(), a.accessToken)).status).toBe(201);
    await alive.next('activity:new');
  });
});

describe('/ws graceful shutdown', () => {
  it('closes open sockets with 1001 when the server stops', async () => {
    const database = await createTestDatabase('pglite');
    const server = await startServer(database);
    try {
      const a = await register(client(`${server.url}/api/v1`));
      const s = track(await subscribedSocket(server.url, a.accessToken));
      const stopping = server.close();
      expect(await s.closed).toEqual({ code: 1001, reason: 'server shutting down' });
      await stopping;
    } finally {
      await database.drop();
    }
  }, 60_000);
});

interface Proc {
  child: ChildProcess;
  lines: string[];
  stderr: () => string;
}

async function startApi(env: Record<string, string>): Promise<Proc & { url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => lines.push(...d.split('\n').filter(Boolean)));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const until = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited: ${stderr}`);
    const url = lines
      .map((l) => /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(l)?.[1])
      .find(Boolean);
    if (url) return { child, lines, stderr: () => stderr, url };
    if (Date.now() > until) throw new Error(`API did not start: ${stderr}`);
    await sleep(100);
  }
}

async function stop(p: Proc | undefined) {
  if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 10_000);
  await once(p.child, 'exit');
  clearTimeout(timer);
}

// Two API processes on one PostgreSQL and one Redis prefix: events cross processes through Redis pub/sub.
describe('/ws across two API processes (PostgreSQL + Redis)', () => {
  if (process.env.RC_SKIP_PG === '1' || process.env.RC_SKIP_REDIS === '1') {
    return void it.skip('needs real PostgreSQL and Redis (RC_SKIP_PG / RC_SKIP_REDIS set)');
  }
  const prefix = randomPrefix();
  const procs: Proc[] = [];
  let database: TestDatabase | undefined;
  let env: Record<string, string>;
  let one: Proc & { url: string };
  let two: Proc & { url: string };
  let setupError: unknown;
  beforeAll(async () => {
    try {
      database = await createTestDatabase('postgres');
      env = {
        ...database.env,
        LOG_LEVEL: 'info',
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: prefix,
        CACHE_PREFIX: `${prefix}:cache:`,
        RATE_LIMIT_PREFIX: `${prefix}:rl:`,
        REALTIME_PREFIX: `${prefix}:rt:`,
        JWT_SECRET: 'realtime-test-secret-shared-by-both-apis',
        WORKERS: 'off',
      };
      one = await startApi(env);
      procs.push(one);
      two = await startApi(env);
      procs.push(two);
    } catch (err) {
      setupError = err;
    }
  }, 120_000);
  beforeEach(() => {
    if (setupError) throw setupError;
  });
  afterAll(async () => {
    for (const p of procs) await stop(p);
    await database?.drop();
    await deleteKeys(prefix);
  });

  it("a write on one process reaches the runner's sockets on both, and no one else's", async () => {
    const api1 = client(`${one.url}/api/v1`);
    const api2 = client(`${two.url}/api/v1`);
    const a = await register(api1);
    const b = await register(api2);
    const onOne = track(await subscribedSocket(one.url, a.accessToken));
    const onTwo = track(await subscribedSocket(two.url, a.accessToken));
    const otherOnOne = track(await subscribedSocket(one.url, b.accessToken));
    const otherOnTwo = track(await subscribedSocket(two.url, b.accessToken));

    const posted = await api2.post('/activities', run(), a.accessToken);
    expect(posted.status).toBe(201);
    for (const s of [onOne, onTwo]) {
      expect((await s.next('activity:new')).data).toMatchObject({ id: posted.body.id });
      await s.next('sync:required');
    }
    // And the other way round.
    expect((await api1.patch('/me', { name: 'Sam' }, a.accessToken)).status).toBe(200);
    for (const s of [onOne, onTwo]) await s.next('sync:required');
    await sleep(300);
    expect(otherOnOne.events()).toEqual([]);
    expect(otherOnTwo.events()).toEqual([]);
    expect(onOne.events().map((e) => e.type)).toEqual(['activity:new', 'sync:required', 'sync:required']);
  }, 60_000);

  it('a process without sockets (a worker) publishes through Redis to the API processes', async () => {
    const a = await register(client(`${one.url}/api/v1`));
    const onOne = track(await subscribedSocket(one.url, a.accessToken));
    const onTwo = track(await subscribedSocket(two.url, a.accessToken));
    // What the worker process builds from the same environment (REALTIME_PROVIDERS).
    const publisher = createRealtimeService(loadConfig(env));
    try {
      await publisher.publish(a.user.id, 'plan:updated', { reason: 'adapted', changed: 2 });
      for (const s of [onOne, onTwo])
        expect((await s.next('plan:updated')).data).toEqual({ reason: 'adapted', changed: 2 });
    } finally {
      await publisher.close();
    }
  }, 30_000);

  it('refuses a bad token on every process', async () => {
    for (const p of [one, two]) {
      const s = track(await openSocket(wsUrl(p.url, '?token=nope')));
      expect((await s.closed).code).toBe(4401);
    }
  });
});
