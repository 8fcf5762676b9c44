import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeUrl, exchangeCode, pkcePair, refreshTokens } from './oauth.ts';
import { SimOAuth, SimServer } from './simulator.ts';

describe('OAuth 2.0 authorization code with PKCE against a simulator', () => {
  const oauth = new SimOAuth('cid', 'csecret');
  const sim = new SimServer((req) => oauth.token(req.body));
  const spec = () => ({
    authorizeUrl: `${sim.url}/authorize`,
    tokenUrl: `${sim.url}/token`,
    scope: 'read',
    pkce: true,
    clientId: 'cid',
    clientSecret: 'csecret',
  });
  beforeAll(() => sim.listen());
  afterAll(() => sim.close());

  it('exchanges the code with the right verifier, refuses a wrong one, refreshes', async () => {
    const { verifier, challenge } = pkcePair();
    expect(verifier.length).toBeGreaterThanOrEqual(43);
    const url = authorizeUrl(spec(), { redirectUri: 'http://app/cb', state: 'st', codeChallenge: challenge });
    expect(new URL(url).searchParams.get('code_challenge_method')).toBe('S256');
    const back = new URL(oauth.approve(url, 'u1'));
    expect(back.searchParams.get('state')).toBe('st');
    const code = back.searchParams.get('code')!;
    const now = 1_700_000_000_000;
    const tokens = await exchangeCode('sim', spec(), {
      code,
      redirectUri: 'http://app/cb',
      codeVerifier: verifier,
      now,
    });
    expect(oauth.access.get(tokens.accessToken)).toBe('u1');
    expect(tokens.expiresAt).toBe(now + oauth.expiresIn * 1000);
    const refreshed = await refreshTokens('sim', spec(), tokens.refreshToken!);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);

    const other = new URL(
      oauth.approve(
        authorizeUrl(spec(), { redirectUri: 'http://app/cb', state: 's', codeChallenge: challenge }),
        'u2',
      ),
    );
    await expect(
      exchangeCode('sim', spec(), {
        code: other.searchParams.get('code')!,
        redirectUri: 'http://app/cb',
        codeVerifier: pkcePair().verifier,
      }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
