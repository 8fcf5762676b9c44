import { createHash, randomBytes, randomUUID } from 'node:crypto';
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

  sha256(value: string): string {
    return createHash('sha256').update(value).digest('hex');
  }
}
