// A local MyFitnessPal stand-in: the partner OAuth 2.0 token endpoint (`POST /oauth2/token`, client secret,
// `user_id` in the answer) and `GET /v2/diary?entry_date=` in the partner API's shape for the diaries a test
// sets, checking the partner client id, the user id and the user's Bearer token.
import { SimOAuth, SimServer } from '../core/simulator.ts';
import type { MfpDiaryItem } from './payload.ts';

export interface MyFitnessPalSimulator extends SimServer {
  readonly oauth: SimOAuth;
  /** The diary of `user` (default: the first of `users`) on `date`. */
  setDiary(date: string, items: MfpDiaryItem[], user?: string): void;
}

export async function startMyFitnessPalSimulator(options: {
  clientId: string;
  clientSecret?: string;
  /** Users with a token already granted: user id → access token. */
  users?: Record<string, string>;
  port?: number;
}): Promise<MyFitnessPalSimulator> {
  const oauth = new SimOAuth(options.clientId, options.clientSecret ?? 'mfp-secret');
  for (const [user, token] of Object.entries(options.users ?? {})) oauth.access.set(token, user);
  const diaries = new Map<string, MfpDiaryItem[]>();
  const sim = new SimServer(({ method, path, query, headers, body }) => {
    if (method === 'POST' && path === '/oauth2/token') {
      return oauth.token(body, (user) => ({ user_id: user }));
    }
    const user = String(headers['mfp-user-id'] ?? '');
    if (headers['mfp-client-id'] !== options.clientId || oauth.userOf(headers.authorization) !== user) {
      return {
        status: 401,
        json: { error: 'invalid_token', error_description: 'The access token is invalid' },
      };
    }
    if (path !== '/v2/diary') return { status: 404, json: { error: 'not_found' } };
    const date = query.get('entry_date') ?? '';
    const types = (query.get('types') ?? 'diary_meal,exercise,steps_aggregate').split(',');
    const items = (diaries.get(`${user}:${date}`) ?? []).filter((i) => types.includes(i.type));
    return { status: 200, json: { items } };
  });
  await sim.listen(options.port);
  return Object.assign(sim, {
    oauth,
    setDiary: (date: string, items: MfpDiaryItem[], user = Object.keys(options.users ?? {})[0] ?? '') =>
      void diaries.set(`${user}:${date}`, items),
  });
}
