import { createHash, randomBytes } from 'node:crypto';
import type { OAuthSpec, TokenSet } from '../provider.ts';
import { badPayload, providerJson } from './http.ts';

const b64url = (b: Buffer) => b.toString('base64url');

/** A fresh unguessable value for `state` (CSRF) and the PKCE verifier. */
export const randomToken = (bytes = 32) => b64url(randomBytes(bytes));

/** RFC 7636: verifier (43-128 chars) and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomToken(48);
  return { verifier, challenge: b64url(createHash('sha256').update(verifier).digest()) };
}

export function pkceChallenge(verifier: string): string {
  return b64url(createHash('sha256').update(verifier).digest());
}

/** The provider's consent page URL the runner is sent to. */
export function authorizeUrl(
  spec: OAuthSpec,
  p: { redirectUri: string; state: string; codeChallenge?: string },
): string {
  const url = new URL(spec.authorizeUrl);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', spec.clientId);
  url.searchParams.set('redirect_uri', p.redirectUri);
  url.searchParams.set('scope', spec.scope);
  url.searchParams.set('state', p.state);
  if (p.codeChallenge) {
    url.searchParams.set('code_challenge', p.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
  }
  return url.toString();
}

/** The standard token response (RFC 6749 5.1), plus Strava's `expires_at` and `athlete`, MyFitnessPal's `user_id`. */
interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  expires_in?: number;
  expires_at?: number;
  scope?: string;
  athlete?: { id: number | string };
  user_id?: number | string;
}

function toTokenSet(provider: string, r: TokenResponse, now: number): TokenSet {
  if (typeof r.access_token !== 'string' || r.access_token.length === 0) {
    throw badPayload(provider, 'token response without access_token');
  }
  const expiresAt =
    r.expires_at !== undefined
      ? r.expires_at * 1000
      : r.expires_in !== undefined
        ? now + r.expires_in * 1000
        : undefined;
  return {
    accessToken: r.access_token,
    ...(r.refresh_token && { refreshToken: r.refresh_token }),
    ...(expiresAt !== undefined && { expiresAt }),
    ...(r.scope && { scope: r.scope }),
    ...(r.athlete && { externalUserId: String(r.athlete.id) }),
    ...(r.user_id !== undefined && { externalUserId: String(r.user_id) }),
  };
}

async function tokenRequest(provider: string, spec: OAuthSpec, form: Record<string, string>, now: number) {
  const body = new URLSearchParams({ client_id: spec.clientId, client_secret: spec.clientSecret, ...form });
  const r = await providerJson<TokenResponse>(provider, spec.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body,
  });
  return toTokenSet(provider, r, now);
}

/** Authorization code → tokens (with the PKCE verifier when the provider uses PKCE). */
export function exchangeCode(
  provider: string,
  spec: OAuthSpec,
  p: { code: string; redirectUri: string; codeVerifier?: string; now?: number },
): Promise<TokenSet> {
  return tokenRequest(
    provider,
    spec,
    {
      grant_type: 'authorization_code',
      code: p.code,
      redirect_uri: p.redirectUri,
      ...(p.codeVerifier && { code_verifier: p.codeVerifier }),
    },
    p.now ?? Date.now(),
  );
}

export function refreshTokens(
  provider: string,
  spec: OAuthSpec,
  refreshToken: string,
  now = Date.now(),
): Promise<TokenSet> {
  return tokenRequest(provider, spec, { grant_type: 'refresh_token', refresh_token: refreshToken }, now);
}
