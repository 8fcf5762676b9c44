import { Inject, Injectable, Logger } from '@nestjs/common';
import { decodeJwt } from 'jose';
import { RevocationRepository } from '../repositories/revocation.repository.ts';
import { AppError } from '../utils/errors.ts';
import { SupabaseAuthService } from './supabase-auth.service.ts';
import { type AccessClaims, JWT_ISSUER, TokenService } from './token.service.ts';

const BEARER = /^Bearer\s+(\S+)$/i;
const revoked = () => new AppError(401, 'TOKEN_REVOKED', 'the access token has been revoked');

/**
 * Who is calling, for the REST guard and the tRPC middleware alike: our access token, or a Supabase one
 * when configured; either way refused once its runner's tokens are revoked (a deleted account).
 */
@Injectable()
export class AuthenticatorService {
  private readonly logger = new Logger('Auth');

  constructor(
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(SupabaseAuthService) private readonly supabase: SupabaseAuthService,
    @Inject(RevocationRepository) private readonly revocations: RevocationRepository,
  ) {}

  async authenticate(authorization: string | string[] | undefined): Promise<AccessClaims> {
    const match = typeof authorization === 'string' ? BEARER.exec(authorization) : null;
    if (!match?.[1])
      throw new AppError(401, 'UNAUTHENTICATED', 'an access token is required (Authorization: Bearer)');
    const token = match[1];
    if (this.supabase.enabled && !this.isOurs(token)) {
      const claims = await this.supabase.verifyClaims(token);
      const at = await this.revokedAt(claims.userId);
      // A Supabase id may sign up again after deleting its account; only tokens from before stay dead.
      // Checked before the runner is (re)created, so an old token cannot bring a deleted account back.
      if (at !== null && claims.issuedAt * 1000 <= at) throw revoked();
      await this.supabase.ensureRunner(claims.userId, claims.email);
      return { userId: claims.userId, sessionId: claims.sessionId };
    }
    const claims = await this.tokens.verifyAccess(token);
    // Our runner ids are never reused: any revocation covers every token of that runner.
    if ((await this.revokedAt(claims.userId)) !== null) throw revoked();
    return claims;
  }

  private isOurs(token: string): boolean {
    try {
      return decodeJwt(token).iss === JWT_ISSUER;
    } catch {
      return true; // not a JWT at all: let our verifier give the usual answer
    }
  }

  // Like the rate limit, a Redis outage must not take the API down: the check is skipped (and logged).
  private async revokedAt(userId: string): Promise<number | null> {
    try {
      return await this.revocations.revokedAt(userId);
    } catch (err) {
      this.logger.warn(`revocation check unavailable: ${String(err)}`);
      return null;
    }
  }
}
