// A local MyFitnessPal stand-in answering `GET /v2/diary?entry_date=` in the partner API's shape, for the
// diaries a test sets, and checking the partner client id, user id and Bearer token.
import { type JsonServer, startJsonServer } from '../testing-http/json-server.ts';
import type { MfpDiaryItem } from './payload.ts';

export interface MyFitnessPalSimulator extends JsonServer {
  /** The diary of `user` (default: the first of `users`) on `date`. */
  setDiary(date: string, items: MfpDiaryItem[], user?: string): void;
}

export async function startMyFitnessPalSimulator(options: {
  clientId: string;
  users: Record<string, string>;
  port?: number;
}): Promise<MyFitnessPalSimulator> {
  const diaries = new Map<string, MfpDiaryItem[]>();
  const server = await startJsonServer((url, req) => {
    const user = String(req.headers['mfp-user-id'] ?? '');
    const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (req.headers['mfp-client-id'] !== options.clientId || options.users[user] !== token) {
      return {
        status: 401,
        body: { error: 'invalid_token', error_description: 'The access token is invalid' },
      };
    }
    if (url.pathname !== '/v2/diary') return { status: 404, body: { error: 'not_found' } };
    const date = url.searchParams.get('entry_date') ?? '';
    const types = (url.searchParams.get('types') ?? 'diary_meal,exercise,steps_aggregate').split(',');
    const items = (diaries.get(`${user}:${date}`) ?? []).filter((i) => types.includes(i.type));
    return { status: 200, body: { items } };
  }, options.port);
  return {
    ...server,
    setDiary: (date, items, user = Object.keys(options.users)[0]) =>
      void diaries.set(`${user}:${date}`, items),
  };
}
