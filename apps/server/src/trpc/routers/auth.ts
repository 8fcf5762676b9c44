import { LoginSchema, LogoutSchema, RefreshSchema, RegisterSchema } from '@runningcoach/contracts';
import { publicProcedure, router } from '../trpc.ts';

/** The REST auth routes as procedures, on the same AuthService. */
export const authRouter = router({
  register: publicProcedure
    .input(RegisterSchema)
    .mutation(({ ctx, input }) => ctx.services.auth.register(input)),
  login: publicProcedure.input(LoginSchema).mutation(({ ctx, input }) => ctx.services.auth.login(input)),
  refresh: publicProcedure
    .input(RefreshSchema)
    .mutation(({ ctx, input }) => ctx.services.auth.refresh(input.refreshToken)),
  logout: publicProcedure.input(LogoutSchema).mutation(async ({ ctx, input }) => {
    await ctx.services.auth.logout(input.refreshToken);
    return null;
  }),
});
