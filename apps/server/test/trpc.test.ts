import { AuthResponseSchema, UserSchema } from '@runningcoach/contracts';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import type { AppRouter } from '../src/trpc/app-router.ts';
import { BACKENDS, skipBackend } from './helpers/backends.ts';
import { uniqueEmail, useServer } from './helpers/suite.ts';

function trpc(url: string, token?: () => string | undefined) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${url}/trpc`,
        fetch,
        headers: () => {
          const t = token?.();
          return t ? { authorization: `Bearer ${t}` } : {};
        },
      }),
    ],
  });
}

async function rejection(p: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCClientError) return err as TRPCClientError<AppRouter>;
    throw err;
  }
  throw new Error('expected the call to fail');
}

describe.each(BACKENDS)('tRPC at /trpc on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  const s = useServer(backend);

  it('auth.register → user.me → user.updateMe → auth.refresh → auth.logout', async () => {
    const session: { token?: string } = {};
    const api = trpc(s.server.url, () => session.token);
    const email = uniqueEmail('trpc');
    const reg = AuthResponseSchema.parse(
      await api.auth.register.mutate({ email, password: 'correct horse', name: 'Tia', deviceId: 'web' }),
    );
    const token = (session.token = reg.accessToken);
    const me = UserSchema.parse(await api.user.me.query());
    expect(me).toMatchObject({ id: reg.user.id, email, name: 'Tia' });

    const updated = await api.user.updateMe.mutate({ name: 'Tia R', settings: { units: 'mi' } });
    expect(updated).toMatchObject({ name: 'Tia R', settings: { units: 'mi', timeZone: 'UTC' } });
    // Same services as REST: the change shows on /api/v1/me.
    expect((await s.api.get('/me', token)).body).toEqual(updated);

    const login = await api.auth.login.mutate({ email, password: 'correct horse', deviceId: 'web' });
    const refreshed = await api.auth.refresh.mutate({ refreshToken: login.refreshToken });
    expect(refreshed.user.id).toBe(reg.user.id);
    expect(await api.auth.logout.mutate({ refreshToken: refreshed.refreshToken })).toBeNull();
    const replay = await rejection(api.auth.refresh.mutate({ refreshToken: refreshed.refreshToken }));
    expect(replay.data?.httpStatus).toBe(401);
  });

  it('batches several calls in one HTTP request', async () => {
    const reg = await trpc(s.server.url).auth.register.mutate({
      email: uniqueEmail(),
      password: 'correct horse',
    });
    const api = trpc(s.server.url, () => reg.accessToken);
    const [a, b] = await Promise.all([api.user.me.query(), api.user.me.query()]);
    expect(a).toEqual(b);
  });

  it('user.* without, or with a bad, access token is UNAUTHORIZED', async () => {
    const anonymous = await rejection(trpc(s.server.url).user.me.query());
    expect(anonymous.data).toMatchObject({ code: 'UNAUTHORIZED', httpStatus: 401 });
    expect(anonymous.data?.app.code).toBe('UNAUTHENTICATED');
    const forged = await rejection(trpc(s.server.url, () => 'not-a-jwt').user.me.query());
    expect(forged.data).toMatchObject({ code: 'UNAUTHORIZED', httpStatus: 401 });
    expect(forged.data?.app.code).toBe('INVALID_TOKEN');
    expect(forged.data).not.toHaveProperty('stack');
  });

  it('service errors keep their codes; bad input is BAD_REQUEST naming the field', async () => {
    const api = trpc(s.server.url);
    const email = uniqueEmail();
    await api.auth.register.mutate({ email, password: 'correct horse' });
    const taken = await rejection(api.auth.register.mutate({ email, password: 'correct horse' }));
    expect(taken.data).toMatchObject({ code: 'CONFLICT', httpStatus: 409 });
    expect(taken.data?.app).toEqual({ code: 'EMAIL_TAKEN', details: { field: 'email' } });
    const wrong = await rejection(api.auth.login.mutate({ email, password: 'wrong horse' }));
    expect(wrong.data?.app.code).toBe('INVALID_CREDENTIALS');
    const bad = await rejection(api.auth.register.mutate({ email: 'nope', password: 'short' }));
    expect(bad.data).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
    expect(bad.data?.app.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad.data?.app.details)).toContain('"path":"email"');
  });
});
