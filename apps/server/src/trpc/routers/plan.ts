import { authedProcedure, router } from '../trpc.ts';

/** REST's `GET /plan/current` and `POST /plan/regenerate`, on the same PlanService. */
export const planRouter = router({
  current: authedProcedure.query(({ ctx }) => ctx.services.plans.current(ctx.auth.userId)),
  regenerate: authedProcedure.mutation(({ ctx }) => ctx.services.plans.regenerate(ctx.auth.userId)),
});
