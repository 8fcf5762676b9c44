import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers of a relayed body: which device secret signed it, and `sha256=<hex>` HMAC-SHA256 of the raw body. */
export const APPLE_DEVICE_HEADER = 'x-rc-device-id';
export const APPLE_SIGNATURE_HEADER = 'x-rc-signature';

export function signRelayBody(secret: string, body: string | Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Timing-safe: the comparison takes as long whichever byte differs. */
export function verifyRelayBody(
  secret: string,
  body: string | Uint8Array,
  signature: string | undefined,
): boolean {
  if (!signature) return false;
  const expected = Buffer.from(signRelayBody(secret, body));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
