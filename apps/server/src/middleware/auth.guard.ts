import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatorService } from '../services/authenticator.service.ts';
import { type AuthedRequest, IS_PUBLIC } from './auth.decorators.ts';

/** Global guard: a valid, unrevoked Bearer access token (ours, or Supabase's when configured) on every route not marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AuthenticatorService) private readonly authenticator: AuthenticatorService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()])) return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    req.auth = await this.authenticator.authenticate(req.headers.authorization);
    return true;
  }
}
