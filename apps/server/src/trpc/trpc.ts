import { initTRPC, TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';
import type { AuthService } from '../services/auth.service.ts';
import type { AuthenticatorService } from '../services/authenticator.service.ts';
import type { PlanService } from '../services/plan.service.ts';
import type { StatsService } from '../services/stats.service.ts';
import type { SyncPullService } from '../sync/sync-pull.service.ts';
import type { SyncPushService } from '../sync/sync-push.service.ts';
import type { AccessClaims } from '../services/token.service.ts';
import type { UserService } from '../services/user.service.ts';
import type { WorkoutService } from '../services/workout.service.ts';
import { AppError, toErrorResponse, validationError } from '../utils/errors.ts';

/** The Nest services the routers call, resolved from the Nest app per request (types only here). */
export interface TrpcServices {
  auth: AuthService;
  users: UserService;
  /** The REST guard's check: our or Supabase's token, not revoked. */
  authenticator: AuthenticatorService;
  plans: PlanService;
  workouts: WorkoutService;
  stats: StatsService;
  syncPull: SyncPullService;
  syncPush: SyncPushService;
}

export interface TrpcContext {
  services: TrpcServices;
  /** The raw Authorization header, verified only by `authedProcedure`. */
  authorization?: string;
}

const TRPC_CODES: Record<number, TRPC_ERROR_CODE_KEY> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_CONTENT',
  429: 'TOO_MANY_REQUESTS',
};

/** The REST error's `{code, details}` for a tRPC error: clients see the same codes on both APIs. */
function appErrorOf(error: TRPCError): { code: string; details: unknown } {
  const cause = error.cause;
  if (cause instanceof ZodError) {
    const e = validationError(cause);
    return { code: e.code, details: e.details };
  }
  if (cause instanceof AppError) return { code: cause.code, details: cause.details };
  if (error.code === 'UNAUTHORIZED') return { code: 'UNAUTHENTICATED', details: null };
  return { code: error.code, details: null };
}

const t = initTRPC.context<TrpcContext>().create({
  // Never send stacks; internal errors keep a generic message (the cause is logged by onError).
  isDev: false,
  errorFormatter({ shape, error }) {
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    return {
      ...shape,
      message: internal ? 'Internal server error' : shape.message,
      data: { ...shape.data, app: internal ? { code: 'INTERNAL_ERROR', details: null } : appErrorOf(error) },
    };
  },
});

/** Service errors (AppError) become tRPC errors with the matching code; anything else stays a 500. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && !(result.error.cause instanceof ZodError)) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      const { status } = toErrorResponse(cause);
      throw new TRPCError({
        code: TRPC_CODES[status] ?? 'INTERNAL_SERVER_ERROR',
        message: cause.message,
        cause,
      });
    }
  }
  return result;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(mapErrors);

/** A valid Bearer access token (the same check as REST's guard), or UNAUTHORIZED; the procedures get `ctx.auth`. */
export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  let auth: AccessClaims;
  try {
    auth = await ctx.services.authenticator.authenticate(ctx.authorization);
  } catch (err) {
    const cause = err instanceof AppError ? err : new AppError(401, 'INVALID_TOKEN', 'invalid access token');
    throw new TRPCError({ code: TRPC_CODES[cause.status] ?? 'UNAUTHORIZED', message: cause.message, cause });
  }
  return next({ ctx: { auth } });
});
