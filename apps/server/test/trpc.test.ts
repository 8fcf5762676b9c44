import { AuthResponseSchema, UserSchema } from '@runningcoach/contracts';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import type { AppRouter } from '../src/trpc/app-router.ts';
import { BACKENDS, skipBackend } from './helpers/backends.ts';
import { onboard } from './helpers/domain.ts';
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

describe.each(BACKENDS)('tRPC plan, workout and dashboard routers on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  const s = useServer(backend);

  it('answer what REST answers, on the same services', async () => {
    const reg = await trpc(s.server.url).auth.register.mutate({
      email: uniqueEmail(),
      password: 'correct horse',
    });
    const token = reg.accessToken;
    const api = trpc(s.server.url, () => token);
    const none = await rejection(api.plan.current.query());
    expect(none.data).toMatchObject({ code: 'NOT_FOUND', httpStatus: 404 });
    expect(none.data?.app.code).toBe('NO_PLAN');
    await onboard(s.api, token);

    const current = await api.plan.current.query();
    expect(current).toEqual((await s.api.get('/plan/current', token)).body);
    const first = current.workouts[0]!;
    expect(await api.workout.get.query({ id: first.id })).toEqual(first);
    const from = current.workouts[2]!.date;
    const to = current.workouts[6]!.date;
    const range = await api.workout.list.query({ from, to });
    expect(range.workouts.map((w) => w.id)).toEqual(
      current.workouts.filter((w) => w.date >= from && w.date <= to).map((w) => w.id),
    );
    expect(await api.dashboard.today.query()).toEqual((await s.api.get('/dashboard/today', token)).body);

    const regenerated = await api.plan.regenerate.mutate();
    expect(regenerated.plan.version).toBe(2);
    expect((await s.api.get('/plan/current', token)).body.plan.id).toBe(regenerated.plan.id);
  });

  it("another runner's workout is NOT_FOUND; bad input names the field; no token is UNAUTHORIZED", async () => {
    const a = await trpc(s.server.url).auth.register.mutate({
      email: uniqueEmail(),
      password: 'correct horse',
    });
    const { plan } = await onboard(s.api, a.accessToken);
    const b = await trpc(s.server.url).auth.register.mutate({
      email: uniqueEmail(),
      password: 'correct horse',
    });
    const asB = trpc(s.server.url, () => b.accessToken);
    const stolen = await rejection(asB.workout.get.query({ id: plan.workouts[0]!.id }));
    expect(stolen.data).toMatchObject({ code: 'NOT_FOUND', httpStatus: 404 });
    const bad = await rejection(asB.workout.list.query({ from: '2026-02-30' }));
    expect(bad.data).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
    expect(JSON.stringify(bad.data?.app.details)).toContain('"path":"from"');
    for (const call of [
      () => trpc(s.server.url).plan.current.query(),
      () => trpc(s.server.url).dashboard.today.query(),
      () => trpc(s.server.url).workout.list.query({}),
    ]) {
      const e = await rejection(call());
      expect(e.data).toMatchObject({ code: 'UNAUTHORIZED', httpStatus: 401 });
    }
  });
});
