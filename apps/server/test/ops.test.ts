import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BACKENDS,
  type BackendName,
  createTestDatabase,
  skipBackend,
  startServer,
  type TestDatabase,
  type TestServer,
} from './helpers/backends.ts';
import { type Client, client } from './helpers/http.ts';
import { register } from './helpers/suite.ts';

const REDIS_URL = process.env.RC_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const skipRedis = process.env.RC_SKIP_REDIS === '1';
const LIMIT = 5;

type Store = 'memory' | 'redis';

async function assertRedis(): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000 });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new Error(
      `Redis is not reachable at ${REDIS_URL} (${(err as Error).message}); set RC_SKIP_REDIS=1 to skip explicitly.`,
      { cause: err },
    );
  } finally {
    redis.disconnect();
  }
}

/** One server with a small limit (and, for `redis`, a fresh key prefix on the real Redis). */
function useLimitedServer(backend: BackendName, store: Store) {
  const s = {} as { server: TestServer; api: Client; root: Client; prefix: string };
  let database: TestDatabase | undefined;
  let setupError: unknown;
  beforeAll(async () => {
    try {
      if (store === 'redis') await assertRedis();
      database = await createTestDatabase(backend);
      s.prefix = `rc-test-${randomUUID().slice(0, 8)}:`;
      const env: Record<string, string> = { ...database.env, RATE_LIMIT_PER_MINUTE: String(LIMIT) };
      if (store === 'redis') Object.assign(env, { REDIS_URL, RATE_LIMIT_PREFIX: s.prefix });
      s.server = await startServer({ ...database, env });
    } catch (err) {
      setupError = err;
      return;
    }
    s.api = client(`${s.server.url}/api/v1`);
    s.root = client(s.server.url);
  }, 60_000);
  beforeEach(() => {
    if (setupError) throw setupError;
  });
  afterAll(async () => {
    await s.server?.close();
    await database?.drop();
  });
  return s;
}

/** Fixed windows turn on the minute: start a counting test well inside one. */
async function awayFromWindowEdge(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 8000) await new Promise((r) => setTimeout(r, left + 50));
}

const CASES = BACKENDS.flatMap((b) => (['memory', 'redis'] as const).map((st) => [b, st] as const));

describe.each(CASES)('rate limit on %s with the %s store', (backend, store) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  if (store === 'redis' && skipRedis) return void it.skip('Redis skipped (RC_SKIP_REDIS=1)');
  const s = useLimitedServer(backend, store);

  it('counts per runner, then per IP before sign-in; 429 with Retry-After and the error shape', async () => {
    await awayFromWindowEdge();
    const a = await register(s.api); // IP hit 1
    const b = await register(s.api); // IP hit 2
    for (let i = 0; i < LIMIT; i++) {
      const res = await s.api.get('/me', a.accessToken);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-remaining')).toBe(String(LIMIT - i - 1));
    }
    const limited = await s.api.get('/me', a.accessToken);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.body).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: `too many requests: at most ${LIMIT} per minute`,
        details: { limit: LIMIT, retryAfterSeconds: retryAfter },
      },
    });
    // Another runner on the same IP has a budget of its own.
    expect((await s.api.get('/me', b.accessToken)).status).toBe(200);
    // Unauthenticated requests share the IP's budget: 2 used by the registrations.
    for (let i = 0; i < LIMIT - 2; i++) {
      expect((await s.api.post('/auth/login', { email: 'x@example.com', password: 'nope' })).status).toBe(
        401,
      );
    }
    expect((await s.api.post('/auth/login', { email: 'x@example.com', password: 'nope' })).status).toBe(429);
    // Probes and scrapes are never limited.
    for (let i = 0; i < LIMIT + 2; i++) expect((await s.root.get('/healthz')).status).toBe(200);
  }, 30_000); // may first wait up to 8 s for a fresh window

  if (store === 'redis') {
    it('keeps its counters in Redis under the configured prefix', async () => {
      const redis = new Redis(REDIS_URL);
      try {
        const keys = await redis.keys(`${s.prefix}*`);
        expect(keys.length).toBeGreaterThan(0);
        expect(keys.every((k) => /^rc-test-\w+:(u:[\w-]+|ip:[\w.:]+):\d+$/.test(k))).toBe(true);
        if (keys.length) await redis.del(...keys);
      } finally {
        redis.disconnect();
      }
    });
  }
});

const SAMPLE =
  /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="[^"]*",?)*\})? -?(\d+(\.\d+)?(e[-+]?\d+)?|\+Inf|NaN)$/;

describe.each(BACKENDS)('GET /metrics on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  const s = useLimitedServer(backend, 'memory');

  it('is Prometheus text that counts requests by route template, without runners or secrets', async () => {
    const { user, accessToken } = await register(s.api);
    await s.api.get('/me', accessToken);
    await s.root.get('/healthz');
    await s.api.get('/nowhere');
    const res = await fetch(`${s.server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    const lines = text.split('\n').filter((l) => l && !l.startsWith('#'));
    for (const line of lines) expect(line).toMatch(SAMPLE);
    const value = (prefix: string) =>
      Number(
        lines
          .find((l) => l.startsWith(prefix))
          ?.split(' ')
          .at(-1) ?? Number.NaN,
      );
    expect(value('rc_http_requests_total{method="GET",route="/healthz",status="200"}')).toBe(1);
    expect(value('rc_http_requests_total{method="GET",route="/api/v1/me",status="200"}')).toBe(1);
    expect(value('rc_http_requests_total{method="POST",route="/api/v1/auth/register",status="201"}')).toBe(1);
    expect(value('rc_http_request_errors_total{method="GET",route="unmatched",status="404"}')).toBe(1);
    expect(
      value('rc_http_request_duration_seconds_count{method="GET",route="/api/v1/me",status="200"}'),
    ).toBe(1);
    for (const secret of [user.id, user.email, accessToken, s.server.config.jwtSecret])
      expect(text).not.toContain(secret);
  });
});
