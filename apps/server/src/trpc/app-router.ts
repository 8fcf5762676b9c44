import { authRouter } from './routers/auth.ts';
import { dashboardRouter } from './routers/dashboard.ts';
import { planRouter } from './routers/plan.ts';
import { userRouter } from './routers/user.ts';
import { workoutRouter } from './routers/workout.ts';
import { syncRouter } from './routers/sync.ts';
import { router } from './trpc.ts';

/** Served at `/trpc`. Clients import only the type: `import type { AppRouter } from '.../app-router.ts'`. */
export const appRouter = router({
  auth: authRouter,
  user: userRouter,
  plan: planRouter,
  workout: workoutRouter,
  dashboard: dashboardRouter,
  sync: syncRouter,
});

export type AppRouter = typeof appRouter;
