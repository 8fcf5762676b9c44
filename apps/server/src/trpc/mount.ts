import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import type { Logger } from 'pino';
import { AuthService } from '../services/auth.service.ts';
import { AuthenticatorService } from '../services/authenticator.service.ts';
import { PlanService } from '../services/plan.service.ts';
import { StatsService } from '../services/stats.service.ts';
import { UserService } from '../services/user.service.ts';
import { SyncPullService } from '../sync/sync-pull.service.ts';
import { SyncPushService } from '../sync/sync-push.service.ts';
import { WorkoutService } from '../services/workout.service.ts';
import { type AppRouter, appRouter } from './app-router.ts';
import type { TrpcContext, TrpcServices } from './trpc.ts';
import { safeError } from '../utils/safe-error.ts';

/** Mounts the tRPC router at `/trpc` on the Nest app's Fastify instance; its context carries Nest's services. */
export async function mountTrpc(app: NestFastifyApplication, logger?: Logger): Promise<void> {
  let services: TrpcServices | undefined;
  const resolve = (): TrpcServices =>
    (services ??= {
      auth: app.get(AuthService),
      users: app.get(UserService),
      authenticator: app.get(AuthenticatorService),
      plans: app.get(PlanService),
      workouts: app.get(WorkoutService),
      stats: app.get(StatsService),
      syncPull: app.get(SyncPullService),
      syncPush: app.get(SyncPushService),
    });
  await app.register(fastifyTRPCPlugin<AppRouter>, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req }): TrpcContext => ({
        services: resolve(),
        authorization: typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined,
      }),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          logger?.error({ err: safeError(error.cause ?? error), path }, 'tRPC error');
      },
    },
  });
}
