import { authRouter } from './routers/auth.ts';
import { userRouter } from './routers/user.ts';
import { router } from './trpc.ts';

/** Served at `/trpc`. Clients import only the type: `import type { AppRouter } from '.../app-router.ts'`. */
export const appRouter = router({
  auth: authRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;
