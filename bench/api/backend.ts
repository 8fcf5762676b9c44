import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';

/**
 * A database and a Redis key prefix of the bench's own, so it never touches (or is skewed by) other data:
 * `rc_bench_<random>` on the real PostgreSQL, keys under `rc_bench_<random>:` in Redis. `drop()` removes both.
 */
export interface BenchBackend {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  drop(): Promise<void>;
}

export async function createBenchBackend(
  adminUrl = process.env.RC_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  redisUrl = process.env.RC_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
): Promise<BenchBackend> {
  const name = `rc_bench_${randomBytes(5).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    redisUrl,
    prefix: `${name}:`,
    async drop() {
      await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await deleteKeys(redisUrl, `${name}:*`);
    },
  };
}

async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** SCAN + UNLINK: the bench's keys only, without blocking Redis the way KEYS would. */
async function deleteKeys(url: string, pattern: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
