import { AuthResponseSchema, UserSchema } from '@runningcoach/contracts';
import { sql } from 'drizzle-orm';
import { base64url, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { JWT_AUDIENCE, JWT_ISSUER } from '../src/services/token.service.ts';
import { BACKENDS, skipBackend } from './helpers/backends.ts';
import { snapshot, register, uniqueEmail, useServer } from './helpers/suite.ts';

describe.each(BACKENDS)('auth and /me over HTTP on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  const s = useServer(backend);

  it('register → login → me → patch me', async () => {
    const email = uniqueEmail('Journey').toUpperCase();
    const reg = await s.api.post('/auth/register', {
      email,
      password: 'correct horse',
      name: 'Ann',
      deviceId: 'phone',
    });
    expect(reg.status).toBe(201);
    const auth = AuthResponseSchema.parse(reg.body);
    expect(auth.user.email).toBe(email.toLowerCase());
    expect(auth.accessTokenExpiresIn).toBe(900);
    expect(auth.user.settings).toEqual({
      units: 'km',
      timeZone: 'UTC',
      notifications: { push: true, email: false },
    });

    const login = await s.api.post('/auth/login', { email: ` ${email} `, password: 'correct horse' });
    expect(login.status).toBe(200);
    const token = AuthResponseSchema.parse(login.body).accessToken;

    const me = await s.api.get('/me', token);
    expect(me.status).toBe(200);
    expect(UserSchema.parse(me.body)).toMatchObject({
      id: auth.user.id,
      name: 'Ann',
      profile: {},
      baselines: {},
    });

    const patch = {
      name: 'Ann Runner',
      profile: { birthDate: '1990-05-01', sex: 'female', weightKg: 58 },
      settings: { units: 'mi', notifications: { email: true } },
      baselines: { restingHr: 48, hrvRmssd: 62 },
    };
    const patched = await s.api.patch('/me', patch, token);
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: 'Ann Runner',
      profile: patch.profile,
      settings: { units: 'mi', timeZone: 'UTC', notifications: { push: true, email: true } },
      baselines: patch.baselines,
    });
    // A second patch merges into what is stored.
    const again = await s.api.patch(
      '/me',
      { profile: { heightCm: 165 }, settings: { timeZone: 'Europe/Oslo' } },
      token,
    );
    expect(again.body.profile).toEqual({ ...patch.profile, heightCm: 165 });
    expect(again.body.settings).toMatchObject({ units: 'mi', timeZone: 'Europe/Oslo' });
    expect((await s.api.get('/me', token)).body).toEqual(again.body);
  });

  it('a taken email (any case) is 409 and writes nothing', async () => {
    const { user } = await register(s.api);
    const before = await snapshot(s.server.db);
    const res = await s.api.post('/auth/register', {
      email: user.email.toUpperCase(),
      password: 'another pass',
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'EMAIL_TAKEN', details: { field: 'email' } });
    expect(await snapshot(s.server.db)).toEqual(before);
  });

  it('bad credentials are 401 whether the email exists or not', async () => {
    const { user } = await register(s.api);
    const wrongPassword = await s.api.post('/auth/login', { email: user.email, password: 'wrong horse' });
    const unknownEmail = await s.api.post('/auth/login', { email: uniqueEmail(), password: 'correct horse' });
    for (const res of [wrongPassword, unknownEmail]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        error: { code: 'INVALID_CREDENTIALS', message: 'email or password is incorrect', details: null },
      });
    }
  });

  describe('access tokens', () => {
    const sign = (claims: Record<string, unknown>, key: Uint8Array, alg = 'HS256') =>
      new SignJWT(claims).setProtectedHeader({ alg }).sign(key);
    const secret = () => new TextEncoder().encode(s.server.config.jwtSecret);
    const now = () => Math.floor(Date.now() / 1000);

    async function claimsOf() {
      const { user, accessToken } = await register(s.api);
      const payload = JSON.parse(new TextDecoder().decode(base64url.decode(accessToken.split('.')[1]!)));
      return { user, accessToken, payload: payload as Record<string, unknown> };
    }

    it('a missing or malformed Authorization header is 401', async () => {
      expect((await s.api.get('/me')).body.error.code).toBe('UNAUTHENTICATED');
      const basic = await s.api.request('GET', '/me', { headers: { authorization: 'Basic YTpi' } });
      expect(basic.body.error.code).toBe('UNAUTHENTICATED');
      expect((await s.api.get('/me', 'not-a-jwt')).body.error.code).toBe('INVALID_TOKEN');
    });

    it.each([
      [
        'expired',
        'TOKEN_EXPIRED',
        async (p: Record<string, unknown>) => sign({ ...p, iat: now() - 1000, exp: now() - 60 }, secret()),
      ],
      [
        'forged (another key)',
        'INVALID_TOKEN',
        async (p: Record<string, unknown>) => sign(p, new TextEncoder().encode('x'.repeat(43))),
      ],
      [
        'signed with HS512',
        'INVALID_TOKEN',
        async (p: Record<string, unknown>) => sign(p, secret(), 'HS512'),
      ],
      [
        'another issuer',
        'INVALID_TOKEN',
        async (p: Record<string, unknown>) => sign({ ...p, iss: 'evil' }, secret()),
      ],
      [
        'alg: none',
        'INVALID_TOKEN',
        async (p: Record<string, unknown>) =>
          `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url.encode(JSON.stringify(p))}.`,
      ],
    ])('%s → 401', async (_name, code, make) => {
      const { payload, accessToken } = await claimsOf();
      expect((await s.api.get('/me', accessToken)).status).toBe(200);
      const res = await s.api.get('/me', await make(payload));
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe(code);
    });

    it('the JWT is HS256 with our issuer and audience', async () => {
      const { payload, accessToken, user } = await claimsOf();
      expect(JSON.parse(new TextDecoder().decode(base64url.decode(accessToken.split('.')[0]!)))).toEqual({
        alg: 'HS256',
        typ: 'JWT',
      });
      expect(payload).toMatchObject({ sub: user.id, iss: JWT_ISSUER, aud: JWT_AUDIENCE });
      expect((payload.exp as number) - (payload.iat as number)).toBe(900);
    });
  });

  describe('refresh tokens', () => {
    it('rotate: each works once, and the new pair works', async () => {
      const first = await register(s.api, { deviceId: 'watch' });
      const r1 = await s.api.post('/auth/refresh', { refreshToken: first.refreshToken });
      expect(r1.status).toBe(200);
      const second = AuthResponseSchema.parse(r1.body);
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect((await s.api.get('/me', second.accessToken)).status).toBe(200);
      const r2 = await s.api.post('/auth/refresh', { refreshToken: second.refreshToken });
      expect(r2.status).toBe(200);
    });

    it('replaying a used token revokes that device, not the others', async () => {
      const email = uniqueEmail();
      const phone = await register(s.api, { email, deviceId: 'phone' });
      const laptop = (
        await s.api.post('/auth/login', { email, password: 'correct horse', deviceId: 'laptop' })
      ).body;
      const rotated = (await s.api.post('/auth/refresh', { refreshToken: phone.refreshToken })).body;

      const replay = await s.api.post('/auth/refresh', { refreshToken: phone.refreshToken });
      expect(replay.status).toBe(401);
      expect(replay.body.error.code).toBe('REFRESH_TOKEN_REUSED');
      // The thief's and the owner's latest token on that device are both dead now.
      const latest = await s.api.post('/auth/refresh', { refreshToken: rotated.refreshToken });
      expect(latest.status).toBe(401);
      expect(latest.body.error.code).toBe('INVALID_REFRESH_TOKEN');
      // The other device keeps working.
      expect((await s.api.post('/auth/refresh', { refreshToken: laptop.refreshToken })).status).toBe(200);
    });

    it('signing in again on a device replaces its old session', async () => {
      const email = uniqueEmail();
      const old = await register(s.api, { email, deviceId: 'tablet' });
      await s.api.post('/auth/login', { email, password: 'correct horse', deviceId: 'tablet' });
      expect((await s.api.post('/auth/refresh', { refreshToken: old.refreshToken })).status).toBe(401);
    });

    it('an expired or unknown token is 401', async () => {
      const { user, refreshToken } = await register(s.api);
      await s.server.db.execute(
        sql`update refresh_tokens set expires_at = now() - interval '1 second' where user_id = ${user.id}`,
      );
      const expired = await s.api.post('/auth/refresh', { refreshToken });
      expect(expired.body.error.code).toBe('INVALID_REFRESH_TOKEN');
      for (const bogus of ['nope', `${user.id}.${'A'.repeat(43)}`, refreshToken + 'x']) {
        const res = await s.api.post('/auth/refresh', { refreshToken: bogus });
        expect(res.status).toBe(401);
      }
    });

    it('logout ends the device session (204, idempotent)', async () => {
      const { refreshToken, accessToken } = await register(s.api);
      const out = await s.api.post('/auth/logout', { refreshToken });
      expect(out.status).toBe(204);
      expect(out.body).toBeNull();
      expect((await s.api.post('/auth/refresh', { refreshToken })).status).toBe(401);
      expect((await s.api.post('/auth/logout', { refreshToken })).status).toBe(204);
      expect((await s.api.post('/auth/logout', { refreshToken: 'garbage' })).status).toBe(204);
      // Access tokens are stateless and live out their 15 minutes.
      expect((await s.api.get('/me', accessToken)).status).toBe(200);
    });
  });
});
