import { base64url, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../config/config.ts';
import { CryptoRepository } from '../repositories/crypto.repository.ts';
import { TokenService } from './token.service.ts';

const SECRET = 'k'.repeat(43);
const tokens = new TokenService({ jwtSecret: SECRET } as AppConfig, new CryptoRepository());
const claims = {
  userId: '0b6f3c1e-8d2a-4b7e-9f10-2a3b4c5d6e7f',
  sessionId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
};

describe('TokenService', () => {
  it('round-trips an access token', async () => {
    expect(await tokens.verifyAccess(await tokens.signAccess(claims))).toEqual(claims);
  });

  it('a token verified once is still refused once it expires', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await tokens.signAccess(claims, now);
    expect(await tokens.verifyAccess(token, now + 60)).toEqual(claims);
    expect(await tokens.verifyAccess(token, now + 60)).toEqual(claims);
    await expect(tokens.verifyAccess(token, now + 15 * 60 + 1)).rejects.toMatchObject({
      code: 'TOKEN_EXPIRED',
    });
  });

  it('rejects expired, unsigned and other-algorithm tokens', async () => {
    const expired = await tokens.signAccess(claims, Math.floor(Date.now() / 1000) - 3600);
    await expect(tokens.verifyAccess(expired)).rejects.toMatchObject({ status: 401, code: 'TOKEN_EXPIRED' });
    const payload = {
      sub: claims.userId,
      sid: claims.sessionId,
      iss: 'runningcoach',
      aud: 'runningcoach:access',
    };
    const none = `${base64url.encode('{"alg":"none"}')}.${base64url.encode(JSON.stringify(payload))}.`;
    const hs384 = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'HS384' })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));
    for (const t of [none, hs384, 'a.b.c', '']) {
      await expect(tokens.verifyAccess(t)).rejects.toMatchObject({ status: 401, code: 'INVALID_TOKEN' });
    }
  });

  it('makes refresh tokens that name their runner and parses only well-formed ones', () => {
    const { token, hash } = tokens.newRefreshToken(claims.userId);
    expect(tokens.parseRefreshToken(token)).toEqual({ userId: claims.userId, hash });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    for (const bad of [
      '',
      'x.y',
      `${claims.userId}.short`,
      `${token}.extra`,
      `not-a-uuid.${'A'.repeat(43)}`,
    ]) {
      expect(tokens.parseRefreshToken(bad)).toBeNull();
    }
  });

  it('hashes passwords with argon2id', async () => {
    const crypto = new CryptoRepository();
    const hash = await crypto.hashPassword('correct horse');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await crypto.verifyPassword(hash, 'correct horse')).toBe(true);
    expect(await crypto.verifyPassword(hash, 'wrong horse')).toBe(false);
    expect(await crypto.verifyPassword('not a hash', 'x')).toBe(false);
  });
});
