import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/connection.ts';
import {
  BACKENDS,
  createTestDatabase,
  skipBackend,
  startServer,
  type TestDatabase,
  type TestServer,
} from './helpers/backends.ts';
import { client, type Client } from './helpers/http.ts';
import { register } from './helpers/suite.ts';

const SECRET = 'supabase-test-secret-with-at-least-32-chars';
const SUPABASE_URL = 'https://project.supabase.example';
const ISSUER = `${SUPABASE_URL}/auth/v1`;

interface Claims {
  sub?: string;
  email?: string;
  aud?: string;
  iss?: string;
  exp?: number;
  iat?: number;
}

const now = () => Math.floor(Date.now() / 1000);
const hs256 = (c: Claims, secret = SECRET) =>
  new SignJWT({ email: c.email, role: 'authenticated' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(c.sub ?? randomUUID())
    .setAudience(c.aud ?? 'authenticated')
    .setIssuer(c.iss ?? ISSUER)
    .setIssuedAt(c.iat ?? now())
    .setExpirationTime(c.exp ?? now() + 3600)
    .sign(new TextEncoder().encode(secret));

describe.each(BACKENDS)('Supabase access tokens on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  let db: TestDatabase;
  let server: TestServer;
  let jwks: Server;
  let api: Client;
  let es256: (c: Claims) => Promise<string>;
  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    es256 = (c) =>
      new SignJWT({ email: c.email })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setSubject(c.sub ?? randomUUID())
        .setAudience('authenticated')
        .setIssuer(ISSUER)
        .setIssuedAt(now())
        .setExpirationTime(now() + 3600)
        .sign(privateKey);
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    db = await createTestDatabase(backend);
    Object.assign(db.env, {
      SUPABASE_JWT_SECRET: SECRET,
      SUPABASE_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/auth/v1/.well-known/jwks.json`,
      SUPABASE_URL,
    });
    server = await startServer(db);
    api = client(`${server.url}/api/v1`);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await db?.drop();
    await new Promise((r) => jwks?.close(r));
  });

  it('an HS256 token creates the runner on first sight and maps to it afterwards', async () => {
    const sub = randomUUID();
    const token = await hs256({ sub, email: 'Sb.Runner@Example.com' });
    const me = await api.get('/me', token);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: sub, email: 'sb.runner@example.com' });
    expect((await api.patch('/me', { name: 'Sam' }, token)).body.name).toBe('Sam');
    expect((await api.get('/me', await hs256({ sub, email: 'sb.runner@example.com' }))).body.name).toBe(
      'Sam',
    );
    const [row] = await queryRows<{ n: number }>(
      server.db,
      sql`select count(*)::int as n from users where id = ${sub}`,
    );
    expect(row!.n).toBe(1);
    // No password signs in to it.
    expect(
      (await api.post('/auth/login', { email: 'sb.runner@example.com', password: '!supabase' })).status,
    ).toBe(401);
  });

  it('an ES256 token from the JWKS works too', async () => {
    const sub = randomUUID();
    const me = await api.get('/me', await es256({ sub, email: `${sub.slice(0, 8)}@sb.example.com` }));
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(sub);
  });

  it('expired, wrong audience, wrong issuer, wrong secret and alg none are 401', async () => {
    const email = 'x@sb.example.com';
    const bad = [
      await hs256({ email, exp: now() - 10, iat: now() - 100 }),
      await hs256({ email, aud: 'anon' }),
      await hs256({ email, iss: 'https://evil.example/auth/v1' }),
      await hs256({ email }, 'another-secret-that-is-32-characters-long'),
      `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
        JSON.stringify({
          sub: randomUUID(),
          aud: 'authenticated',
          iss: ISSUER,
          exp: now() + 60,
          iat: now(),
          email,
        }),
      ).toString('base64url')}.`,
    ];
    for (const token of bad) expect((await api.get('/me', token)).status).toBe(401);
    const [row] = await queryRows<{ n: number }>(
      server.db,
      sql`select count(*)::int as n from users where email = ${email}`,
    );
    expect(row!.n).toBe(0);
  });

  it('a sub equal to a local runner id never reaches it; a taken email is a 409', async () => {
    const local = await register(api);
    expect(
      (await api.get('/me', await hs256({ sub: local.user.id, email: 'other@sb.example.com' }))).status,
    ).toBe(401);
    const taken = await api.get('/me', await hs256({ email: local.user.email }));
    expect(taken.status).toBe(409);
    expect(taken.body.error.details).toEqual({ field: 'email' });
    // Local tokens still work next to Supabase ones.
    expect((await api.get('/me', local.accessToken)).status).toBe(200);
  });

  it('deleting a Supabase account (no password) revokes its earlier tokens', async () => {
    const sub = randomUUID();
    const email = `${sub.slice(0, 8)}@sb.example.com`;
    const token = await hs256({ sub, email, iat: now() - 5 });
    expect((await api.get('/me', token)).status).toBe(200);
    expect((await api.request('DELETE', '/account', { json: {}, token })).status).toBe(204);
    expect((await api.get('/me', token)).status).toBe(401);
  });
});
