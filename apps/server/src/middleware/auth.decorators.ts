import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AccessClaims } from '../services/token.service.ts';

export const IS_PUBLIC = 'runningcoach:public';

/** Marks a controller or route as reachable without an access token; everything else requires one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export interface AuthedRequest {
  headers: Record<string, string | string[] | undefined>;
  auth?: AccessClaims;
}

/** The verified caller, set by AuthGuard. */
export const Auth = createParamDecorator((_: unknown, ctx: ExecutionContext): AccessClaims => {
  const auth = ctx.switchToHttp().getRequest<AuthedRequest>().auth;
  if (!auth) throw new Error('@Auth() used on a public route');
  return auth;
});
