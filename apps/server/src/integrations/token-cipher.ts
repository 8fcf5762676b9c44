import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Thrown for a ciphertext that was altered, moved to another row, or sealed with another key. */
export class TokenTamperedError extends Error {
  constructor() {
    super('stored provider token failed authentication');
    this.name = 'TokenTamperedError';
  }
}

/**
 * AES-256-GCM for provider tokens and device secrets at rest: `v1.<iv>.<tag>.<ciphertext>` (base64url),
 * a fresh 96-bit IV each time; the context (e.g. `strava:<userId>:access`) is the additional authenticated
 * data, so a ciphertext copied into another runner's row does not decrypt.
 */
export class TokenCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('token key must be 32 bytes');
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), ct]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  open(sealed: string, context: string): string {
    const [v, iv, tag, ct] = sealed.split('.');
    if (v !== 'v1' || !iv || !tag || ct === undefined) throw new TokenTamperedError();
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new TokenTamperedError();
    }
  }
}

export const TOKEN_CIPHER = Symbol('TOKEN_CIPHER');
