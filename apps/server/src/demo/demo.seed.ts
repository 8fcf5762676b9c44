import { type DemoHistory, demoHistory } from './demo.history.ts';

export const DEMO_EMAIL = 'demo@runningcoach.local';
/** A demo account on a laptop; override with DEMO_PASSWORD anywhere the server is reachable by others. */
export const DEMO_PASSWORD = 'demo-runner';

export interface SeedOptions {
  /** The API root, e.g. `http://127.0.0.1:3000/api/v1`. */
  apiUrl: string;
  email?: string;
  password?: string;
  seed?: number;
  /** Called after each request of the history (done of total). */
  onProgress?: (done: number, total: number) => void;
  /** Called when the server's rate limit makes the seeder wait. */
  onWait?: (seconds: number) => void;
}

export interface SeedResult {
  email: string;
  password: string;
  userId: string;
  today: string;
  /** `created`: a new demo runner; `replaced`: the old one was deleted first; `kept`: it exists and could not be deleted. */
  outcome: 'created' | 'replaced' | 'kept';
  activities: number;
  checkIns: number;
}

export class SeedError extends Error {}

interface Reply {
  status: number;
  // The seeder reads a few known fields of the API's JSON.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/**
 * Creates the demo runner through the public API (so every derived figure is the server's own): registers,
 * onboards, then sends twelve weeks of check-ins and activities in order. Running it again replaces the
 * runner (`DELETE /account`), or keeps it untouched when the server has no such route.
 */
export async function seedDemo(opts: SeedOptions): Promise<SeedResult> {
  const email = opts.email ?? DEMO_EMAIL;
  const password = opts.password ?? DEMO_PASSWORD;
  const http = client(opts.apiUrl, opts.onWait);
  let outcome: SeedResult['outcome'] = 'created';

  const login = await http.call('POST', '/auth/login', { email, password });
  if (login.status === 200) {
    // Deleting an account is re-authenticated with its password.
    const del = await http.call('DELETE', '/account', { password }, login.body.accessToken);
    if (del.status === 404 || del.status === 405) {
      const today = (await http.ok('GET', '/dashboard/today', undefined, login.body.accessToken)).body.date;
      return {
        email,
        password,
        userId: login.body.user.id,
        today,
        outcome: 'kept',
        activities: 0,
        checkIns: 0,
      };
    }
    if (del.status >= 300) throw new SeedError(`DELETE /account answered ${del.status}: ${describe(del)}`);
    outcome = 'replaced';
  } else if (login.status !== 401) {
    throw new SeedError(`POST /auth/login answered ${login.status}: ${describe(login)}`);
  }

  const reg = await http.ok('POST', '/auth/register', { email, password, name: 'Demo Runner' });
  let token: string = reg.body.accessToken;
  // "Today" is the runner's local day as the server sees it (their time zone), not this machine's.
  const today: string = (await http.ok('GET', '/dashboard/today', undefined, token)).body.date;
  const history: DemoHistory = demoHistory(today, opts.seed);
  await http.ok('POST', '/onboarding', history.onboarding, token);

  const requests = history.days.flatMap((d) => [
    ...(d.checkIn ? [{ path: '/daily-metrics', body: d.checkIn }] : []),
    ...d.activities.map((a) => ({ path: '/activities', body: a.body })),
  ]);
  let done = 0;
  for (const r of requests) {
    let res = await http.call('POST', r.path, r.body, token);
    // Access tokens last 15 minutes; a seeder slowed down by the rate limit may outlive one.
    if (res.status === 401) {
      token = (await http.ok('POST', '/auth/login', { email, password })).body.accessToken;
      res = await http.call('POST', r.path, r.body, token);
    }
    if (res.status !== 201 && res.status !== 200) {
      throw new SeedError(
        `POST ${r.path} (${(r.body as { date: string }).date}) answered ${res.status}: ${describe(res)}`,
      );
    }
    opts.onProgress?.(++done, requests.length);
  }
  return {
    email,
    password,
    userId: reg.body.user.id,
    today,
    outcome,
    activities: requests.filter((r) => r.path === '/activities').length,
    checkIns: requests.filter((r) => r.path === '/daily-metrics').length,
  };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text; // an error page from something in front of the API
  }
}

function describe(res: Reply): string {
  return res.body?.error ? `${res.body.error.code}: ${res.body.error.message}` : JSON.stringify(res.body);
}

/** JSON over fetch; a 429 waits for Retry-After and tries again, so seeding a live server still completes. */
function client(apiUrl: string, onWait?: (seconds: number) => void) {
  async function call(method: string, path: string, json?: unknown, token?: string): Promise<Reply> {
    for (;;) {
      const headers: Record<string, string> = {};
      if (json !== undefined) headers['content-type'] = 'application/json';
      if (token) headers.authorization = `Bearer ${token}`;
      const res = await fetch(apiUrl + path, {
        method,
        headers,
        body: json === undefined ? undefined : JSON.stringify(json),
      });
      const text = await res.text();
      if (res.status === 429) {
        const seconds = Math.max(1, Number(res.headers.get('retry-after')) || 5);
        onWait?.(seconds);
        await new Promise((r) => setTimeout(r, seconds * 1000));
        continue;
      }
      return { status: res.status, body: parseJson(text) };
    }
  }
  async function ok(method: string, path: string, json?: unknown, token?: string): Promise<Reply> {
    const res = await call(method, path, json, token);
    if (res.status >= 300) throw new SeedError(`${method} ${path} answered ${res.status}: ${describe(res)}`);
    return res;
  }
  return { call, ok };
}
