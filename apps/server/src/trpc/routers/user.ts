import { UpdateMeSchema } from '@runningcoach/contracts';
import { authedProcedure, router } from '../trpc.ts';

export const userRouter = router({
  me: authedProcedure.query(({ ctx }) => ctx.services.users.getMe(ctx.auth.userId)),
  updateMe: authedProcedure
    .input(UpdateMeSchema)
    .mutation(({ ctx, input }) => ctx.services.users.updateMe(ctx.auth.userId, input)),
});
