import { describe, expect, it } from 'vitest';
import { signRelayBody, verifyRelayBody } from './signature.ts';

describe('Apple relay HMAC-SHA256', () => {
  const body = '{"workouts":[]}';
  it('accepts its own signature, refuses another secret, another body, a truncated or missing signature', () => {
    const sig = signRelayBody('s3cret', body);
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyRelayBody('s3cret', body, sig)).toBe(true);
    expect(verifyRelayBody('other', body, sig)).toBe(false);
    expect(verifyRelayBody('s3cret', `${body} `, sig)).toBe(false);
    expect(verifyRelayBody('s3cret', body, sig.slice(0, -1))).toBe(false);
    expect(verifyRelayBody('s3cret', body, undefined)).toBe(false);
  });
});
