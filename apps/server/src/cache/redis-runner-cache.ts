import { Redis } from 'ioredis';
import type { RunnerCache } from './runner-cache.ts';

export interface RedisCacheLogger {
  warn(obj: object, msg: string): void;
}

/**
 * Shared by every API and worker process: `<prefix><name>:<userId>` holds `{gen, value}` (with the TTL),
 * `<prefix><name>:gen:<userId>` the runner's generation. Invalidation bumps the generation and deletes the
 * value in one MULTI, so it reaches every process at once. Redis trouble never fails a request: a read
 * becomes a miss, a failed invalidation is logged (the TTL then bounds the staleness).
 */
export class RedisRunnerCache<T> implements RunnerCache<T> {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
    private readonly logger?: RedisCacheLogger,
  ) {}

  static connect<T>(url: string, prefix: string, ttlSeconds: number, logger?: RedisCacheLogger) {
    const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 500 });
    redis.on('error', () => {});
    return new RedisRunnerCache<T>(redis, prefix, ttlSeconds, logger);
  }

  private keys(userId: string) {
    return { value: `${this.prefix}${userId}`, gen: `${this.prefix}gen:${userId}` };
  }

  async get(userId: string): Promise<{ value: T | null; stamp: string }> {
    const k = this.keys(userId);
    try {
      const [raw, gen] = await this.redis.mget(k.value, k.gen);
      const stamp = gen ?? '0';
      if (!raw) return { value: null, stamp };
      const entry = JSON.parse(raw) as { gen: string; value: T };
      return { value: entry.gen === stamp ? entry.value : null, stamp };
    } catch (err) {
      this.logger?.warn({ err: String(err) }, 'cache read failed; computing');
      // A stamp no generation can equal: nothing computed now gets stored.
      return { value: null, stamp: 'unavailable' };
    }
  }

  async set(userId: string, value: T, stamp: string): Promise<void> {
    if (stamp === 'unavailable') return;
    const k = this.keys(userId);
    try {
      // Store only while the generation is still the stamp: a write that committed meanwhile wins.
      await this.redis.eval(
        `if (redis.call('get', KEYS[2]) or '0') == ARGV[1] then
           return redis.call('set', KEYS[1], ARGV[2], 'EX', ARGV[3])
         end
         return nil`,
        2,
        k.value,
        k.gen,
        stamp,
        JSON.stringify({ gen: stamp, value }),
        this.ttlSeconds,
      );
    } catch (err) {
      this.logger?.warn({ err: String(err) }, 'cache write failed');
    }
  }

  async invalidate(userId: string): Promise<void> {
    const k = this.keys(userId);
    try {
      // The generation outlives any value stamped with it (a day vs. the value's TTL).
      await this.redis.multi().incr(k.gen).expire(k.gen, 86_400).del(k.value).exec();
    } catch (err) {
      this.logger?.warn({ err: String(err) }, 'cache invalidation failed; the TTL bounds staleness');
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
