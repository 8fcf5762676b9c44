import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** Test helpers. The machine's real Redis, and a key prefix of one's own so test files never collide. */
export const TEST_REDIS_URL = process.env.RC_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const skipRedis = process.env.RC_SKIP_REDIS === '1';

export const randomPrefix = () => `rc-test-${randomBytes(4).toString('hex')}`;

/** One connection attempt and no reconnect loop: a test must fail, not hang, when Redis is down. */
function oneShot(url: string): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  return redis;
}

let reachable: Promise<void> | undefined;

/**
 * Call in `beforeEach`: every test then fails with this message when Redis is down (a failing
 * `beforeAll` reports its tests as skipped, and a skipped suite must not read as green).
 */
export function assertRedisReachable(url = TEST_REDIS_URL): Promise<void> {
  reachable ??= (async () => {
    const redis = oneShot(url);
    try {
      await redis.connect();
      await redis.ping();
    } catch (err) {
      throw new Error(
        `Redis is not reachable at ${url} (${(err as Error).message}). ` +
          'The queue suite runs on real Redis too; set RC_SKIP_REDIS=1 to skip those tests explicitly.',
        { cause: err },
      );
    } finally {
      redis.disconnect();
    }
  })();
  return reachable;
}

export async function deleteKeys(prefix: string, url = TEST_REDIS_URL): Promise<void> {
  const redis = oneShot(url);
  try {
    await redis.connect();
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 })) {
      if ((keys as string[]).length > 0) await redis.unlink(...(keys as string[]));
    }
  } catch {
    // Nothing to clean when Redis was never reachable; the tests already failed saying so.
  } finally {
    redis.disconnect();
  }
}

export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  ms = 5000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
