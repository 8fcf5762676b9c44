import { DateRangeQuerySchema } from '@runningcoach/contracts';
import { z } from 'zod';
import { authedProcedure, router } from '../trpc.ts';

/** One planned day by id (`<planId>:<date>`), or the active plan's days on a date range. */
export const workoutRouter = router({
  get: authedProcedure
    .input(z.strictObject({ id: z.string().min(1).max(100) }))
    .query(({ ctx, input }) => ctx.services.workouts.get(ctx.auth.userId, input.id)),
  list: authedProcedure
    .input(DateRangeQuerySchema)
    .query(({ ctx, input }) => ctx.services.workouts.list(ctx.auth.userId, input)),
});
