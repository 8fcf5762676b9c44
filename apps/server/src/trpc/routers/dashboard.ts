import { authedProcedure, router } from '../trpc.ts';

/** REST's `GET /dashboard/today`, on the same StatsService. */
export const dashboardRouter = router({
  today: authedProcedure.query(({ ctx }) => ctx.services.stats.today(ctx.auth.userId)),
});
