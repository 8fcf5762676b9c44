import { z } from 'zod';
import { PushBodySchema } from '../../sync/push-validation.ts';
import { authedProcedure, router } from '../trpc.ts';

const ms = z.number().int().min(0).max(8.64e15);

/** WatermelonDB sync over tRPC: the same services (and shapes) as GET/POST /api/v1/sync. */
export const syncRouter = router({
  pull: authedProcedure
    .input(
      z.strictObject({
        lastPulledAt: ms.nullable().optional(),
        schemaVersion: z.number().int().min(0).optional(),
        migration: z.unknown().optional(),
        limit: z.number().int().min(1).max(10_000).optional(),
        cursor: z.string().max(1000).optional(),
        windowDays: z.number().int().min(0).max(36_500).optional(),
      }),
    )
    .query(({ ctx, input }) =>
      ctx.services.syncPull.pull(ctx.auth.userId, {
        lastPulledAt: input.lastPulledAt ?? undefined,
        limit: input.limit,
        cursor: input.cursor,
        windowDays: input.windowDays,
      }),
    ),
  push: authedProcedure
    .input(
      PushBodySchema.extend({
        lastPulledAt: ms.nullable().optional(),
        idempotencyKey: z.string().min(1).max(200).optional(),
        deviceId: z.string().min(1).max(128).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { changes, lastPulledAt, idempotencyKey, deviceId } = input;
      const { result } = await ctx.services.syncPush.push(
        ctx.auth.userId,
        { changes },
        { lastPulledAt: lastPulledAt ?? undefined, idempotencyKey, deviceId },
      );
      return result;
    }),
});
