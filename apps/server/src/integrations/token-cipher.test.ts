import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TokenCipher, TokenTamperedError } from './token-cipher.ts';

describe('TokenCipher (AES-256-GCM)', () => {
  const cipher = new TokenCipher(randomBytes(32));
  it('round-trips; the ciphertext holds no plaintext and differs every time', () => {
    const a = cipher.seal('strava-access-token-123', 'strava:u1:access');
    const b = cipher.seal('strava-access-token-123', 'strava:u1:access');
    expect(a).not.toBe(b);
    expect(a).not.toContain('strava-access-token');
    expect(a).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(cipher.open(a, 'strava:u1:access')).toBe('strava-access-token-123');
  });

  it('a flipped byte, another context or another key is refused', () => {
    const sealed = cipher.seal('secret', 'garmin:u1:refresh');
    const parts = sealed.split('.');
    const ct = Buffer.from(parts[3]!, 'base64url');
    ct[0]! ^= 1;
    const tampered = [...parts.slice(0, 3), ct.toString('base64url')].join('.');
    expect(() => cipher.open(tampered, 'garmin:u1:refresh')).toThrow(TokenTamperedError);
    expect(() => cipher.open(sealed, 'garmin:u2:refresh')).toThrow(TokenTamperedError);
    expect(() => new TokenCipher(randomBytes(32)).open(sealed, 'garmin:u1:refresh')).toThrow(
      TokenTamperedError,
    );
    expect(() => cipher.open('plaintext-token', 'x')).toThrow(TokenTamperedError);
  });
});
