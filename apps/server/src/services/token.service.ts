import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import type { AppConfig } from '../config/config.ts';
import { CryptoRepository } from '../repositories/crypto.repository.ts';
import { AppError } from '../utils/errors.ts';
import { APP_CONFIG } from '../utils/tokens.ts';

export const ACCESS_TOKEN_TTL_SEC = 15 * 60;
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;
export const JWT_ISSUER = 'runningcoach';
export const JWT_AUDIENCE = 'runningcoach:access';

export interface AccessClaims {
  userId: string;
  sessionId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

/** Access JWTs (HS256 only) and the opaque refresh tokens `<userId>.<32 random bytes>`. */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CryptoRepository) private readonly crypto: CryptoRepository,
  ) {
    this.key = new TextEncoder().encode(config.jwtSecret);
  }

  async signAccess(claims: AccessClaims, nowSec = Math.floor(Date.now() / 1000)): Promise<string> {
    return new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(JWT_ISSUER)
      .setAudience(JWT_AUDIENCE)
      .setIssuedAt(nowSec)
      .setExpirationTime(nowSec + ACCESS_TOKEN_TTL_SEC)
      .sign(this.key);
  }

  /** Throws a 401 AppError for anything but a valid, unexpired HS256 token of ours. */
  async verifyAccess(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
        requiredClaims: ['sub', 'exp', 'iat', 'sid'],
      });
      const { sub, sid } = payload;
      if (typeof sub !== 'string' || !UUID.test(sub) || typeof sid !== 'string' || !UUID.test(sid)) {
        throw new Error('bad claims');
      }
      return { userId: sub, sessionId: sid };
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_JWT_EXPIRED') {
        throw new AppError(401, 'TOKEN_EXPIRED', 'the access token has expired');
      }
      throw new AppError(401, 'INVALID_TOKEN', 'the access token is not valid');
    }
  }

  newRefreshToken(userId: string): { token: string; hash: string } {
    const token = `${userId}.${this.crypto.randomToken(32)}`;
    return { token, hash: this.crypto.sha256(token) };
  }

  /** The runner a refresh token claims to belong to (checked against its stored hash later). */
  parseRefreshToken(token: string): { userId: string; hash: string } | null {
    const [userId, secret, ...rest] = token.split('.');
    if (!userId || !secret || rest.length || !UUID.test(userId) || !SECRET.test(secret)) return null;
    return { userId, hash: this.crypto.sha256(token) };
  }
}
