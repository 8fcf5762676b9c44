import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, parseTrustProxy } from '../src/config/config.ts';
import {
  BACKENDS,
  createTestDatabase,
  skipBackend,
  startServer,
  type TestDatabase,
  type TestServer,
} from './helpers/backends.ts';

describe('TRUST_PROXY', () => {
  it('parses to Fastify trustProxy; unset is false; junk is a start-up error naming it', () => {
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8')).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(parseTrustProxy('proxy.example')).toBeNull();
    expect(loadConfig({ DATA_DIR: '/tmp/rc-x', JWT_SECRET: 'x'.repeat(32) }).trustProxy).toBe(false);
    expect(() =>
      loadConfig({ DATA_DIR: '/tmp/rc-x', JWT_SECRET: 'x'.repeat(32), TRUST_PROXY: 'maybe' }),
    ).toThrow(/TRUST_PROXY/);
  });
});

/** Three anonymous requests from one socket, claiming two client addresses; the limit is 2 a minute. */
async function statuses(url: string): Promise<number[]> {
  const out: number[] = [];
  for (const ip of ['203.0.113.7', '203.0.113.7', '198.51.100.9']) {
    out.push((await fetch(`${url}/api/v1/me`, { headers: { 'x-forwarded-for': ip } })).status);
  }
  return out;
}

describe.each(BACKENDS)('rate limit by IP behind a proxy on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  const started: { db: TestDatabase; server: TestServer }[] = [];
  const servers: Record<string, TestServer> = {};
  beforeAll(async () => {
    for (const [name, trust] of [
      ['untrusted', undefined],
      ['trusted', '127.0.0.1'],
    ] as const) {
      const db = await createTestDatabase(backend);
      db.env.RATE_LIMIT_PER_MINUTE = '2';
      if (trust) db.env.TRUST_PROXY = trust;
      const server = await startServer(db);
      started.push({ db, server });
      servers[name] = server;
    }
  }, 60_000);
  afterAll(async () => {
    for (const { db, server } of started) {
      await server.close();
      await db.drop();
    }
  });

  it('X-Forwarded-For is ignored unless the proxy is trusted', async () => {
    // Untrusted: all three come from 127.0.0.1, so the third is over the limit whatever the header says.
    expect(await statuses(servers.untrusted!.url)).toEqual([401, 401, 429]);
    // Trusted loopback proxy: the forwarded address is the client, so the second client has its own budget.
    expect(await statuses(servers.trusted!.url)).toEqual([401, 401, 401]);
    const spoof = await fetch(`${servers.trusted!.url}/api/v1/me`, {
      headers: { 'x-forwarded-for': '203.0.113.7' },
    });
    expect(spoof.status).toBe(429);
  });
});
