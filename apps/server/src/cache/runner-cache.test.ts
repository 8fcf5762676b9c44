import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  assertRedisReachable,
  deleteKeys,
  randomPrefix,
  skipRedis,
  TEST_REDIS_URL,
} from '../queue/test-helpers.ts';
import { RedisRunnerCache } from './redis-runner-cache.ts';
import { MemoryRunnerCache, type RunnerCache } from './runner-cache.ts';

const prefix = randomPrefix();
const redisCaches: RedisRunnerCache<unknown>[] = [];
const redisCache = () => {
  const c = RedisRunnerCache.connect<unknown>(TEST_REDIS_URL, `${prefix}:dash:`, 30);
  redisCaches.push(c);
  return c;
};
afterAll(async () => {
  await Promise.all(redisCaches.map((c) => c.close()));
  await deleteKeys(prefix);
});

const BACKENDS: [string, () => { a: RunnerCache<unknown>; b: RunnerCache<unknown> }][] = [
  [
    'memory',
    () => {
      const c = new MemoryRunnerCache<unknown>(30_000);
      return { a: c, b: c };
    },
  ],
  // Two instances on one prefix: two processes.
  ['redis', () => ({ a: redisCache(), b: redisCache() })],
];

describe.each(BACKENDS)('runner cache (%s)', (name, make) => {
  if (name === 'redis' && skipRedis) return void it.skip('Redis skipped (RC_SKIP_REDIS=1)');
  beforeEach(() => (name === 'redis' ? assertRedisReachable() : undefined));

  it('hits after a set, misses after an invalidation (from any process)', async () => {
    const { a, b } = make();
    const miss = await a.get('u1');
    expect(miss.value).toBeNull();
    await a.set('u1', { n: 1 }, miss.stamp);
    expect((await b.get('u1')).value).toEqual({ n: 1 });
    await b.invalidate('u1');
    expect((await a.get('u1')).value).toBeNull();
    expect((await a.get('u2')).value).toBeNull();
  });

  it('a value computed before an invalidation is never stored', async () => {
    const { a, b } = make();
    const { stamp } = await a.get('u3'); // a read starts computing...
    await b.invalidate('u3'); // ...a write commits meanwhile...
    await a.set('u3', { stale: true }, stamp); // ...and the read's result arrives late
    expect((await a.get('u3')).value).toBeNull();
    const fresh = await a.get('u3');
    await a.set('u3', { stale: false }, fresh.stamp);
    expect((await b.get('u3')).value).toEqual({ stale: false });
  });
});

describe('memory cache bounds', () => {
  it('expires after the TTL and keeps at most maxEntries runners', async () => {
    let now = 0;
    const c = new MemoryRunnerCache<number>(1000, 2, () => now);
    for (const u of ['a', 'b', 'c']) await c.set(u, 1, (await c.get(u)).stamp);
    expect((await c.get('a')).value).toBeNull(); // evicted, least recently used
    expect((await c.get('c')).value).toBe(1);
    now = 1500;
    expect((await c.get('c')).value).toBeNull();
  });
});

describe('redis cache when Redis is gone', () => {
  it('reads miss and writes are dropped instead of failing the request', async () => {
    const redis = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    redis.on('error', () => {});
    const c = new RedisRunnerCache<number>(redis, 'x:', 30);
    const got = await c.get('u');
    expect(got.value).toBeNull();
    await c.set('u', 1, got.stamp);
    await c.invalidate('u');
    redis.disconnect();
  });
});
