import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { TokenService } from '../services/token.service.ts';
import { AppError } from '../utils/errors.ts';
import { type AuthedRequest, IS_PUBLIC } from './auth.decorators.ts';

/** Global guard: a valid Bearer access token on every route not marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenService) private readonly tokens: TokenService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()])) return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1])
      throw new AppError(401, 'UNAUTHENTICATED', 'an access token is required (Authorization: Bearer)');
    req.auth = await this.tokens.verifyAccess(match[1]);
    return true;
  }
}
