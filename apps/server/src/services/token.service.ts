import type { webcrypto } from 'node:crypto';
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
const VERIFIED_CACHE_MAX = 10_000;

/** Access JWTs (HS256 only) and the opaque refresh tokens `<userId>.<32 random bytes>`. */
@Injectable()
export class TokenService {
  // Imported once: handing jose raw bytes re-imports the HMAC key on every verification (a third of a
  // cached dashboard request's CPU in `npm run bench:api`).
  private readonly key: Promise<webcrypto.CryptoKey>;
  /** Tokens already verified, until they expire: the rate limiter and the guard both ask for each request. */
  private readonly verified = new Map<string, AccessClaims & { exp: number }>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CryptoRepository) private readonly crypto: CryptoRepository,
  ) {
    this.key = crypto.importHmacKey(config.jwtSecret);
  }

  async signAccess(claims: AccessClaims, nowSec = Math.floor(Date.now() / 1000)): Promise<string> {
    return new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(JWT_ISSUER)
      .setAudience(JWT_AUDIENCE)
      .setIssuedAt(nowSec)
      .setExpirationTime(nowSec + ACCESS_TOKEN_TTL_SEC)
      .sign(await this.key);
  }

  /** Throws a 401 AppError for anything but a valid, unexpired HS256 token of ours. */
  async verifyAccess(token: string, nowSec = Math.floor(Date.now() / 1000)): Promise<AccessClaims> {
    const known = this.verified.get(token);
    if (known && known.exp > nowSec) return { userId: known.userId, sessionId: known.sessionId };
    try {
      const { payload } = await jwtVerify(token, await this.key, {
        algorithms: ['HS256'],
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
        requiredClaims: ['sub', 'exp', 'iat', 'sid'],
        currentDate: new Date(nowSec * 1000),
      });
      const { sub, sid } = payload;
      if (typeof sub !== 'string' || !UUID.test(sub) || typeof sid !== 'string' || !UUID.test(sid)) {
        throw new Error('bad claims');
      }
      const claims = { userId: sub, sessionId: sid };
      this.remember(token, { ...claims, exp: payload.exp! });
      return claims;
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_JWT_EXPIRED') {
        throw new AppError(401, 'TOKEN_EXPIRED', 'the access token has expired');
      }
      throw new AppError(401, 'INVALID_TOKEN', 'the access token is not valid');
    }
  }

  private remember(token: string, entry: AccessClaims & { exp: number }): void {
    // Bounded: past the limit the oldest entries go (Map keeps insertion order).
    if (this.verified.size >= VERIFIED_CACHE_MAX) {
      for (const key of [...this.verified.keys()].slice(0, VERIFIED_CACHE_MAX / 10))
        this.verified.delete(key);
    }
    this.verified.set(token, entry);
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
