import { createHash, randomBytes, randomUUID, webcrypto } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';

/** Password hashing (argon2id, the library default: m=19 MiB, t=2, p=1, OWASP's baseline) and randomness. */
@Injectable()
export class CryptoRepository {
  hashPassword(password: string): Promise<string> {
    return hash(password);
  }

  async verifyPassword(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  randomToken(bytes = 32): string {
    return randomBytes(bytes).toString('base64url');
  }

  uuid(): string {
    return randomUUID();
  }

  /** An HMAC-SHA-256 key for signing and verifying JWTs (HS256). */
  importHmacKey(secret: string): Promise<webcrypto.CryptoKey> {
    return webcrypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
  }

  sha256(value: string): string {
    return createHash('sha256').update(value).digest('hex');
  }
}
