import { DEMO_SEED, demoHistory } from '../../apps/server/src/demo/demo.history.ts';
import { seedDemo } from '../../apps/server/src/demo/demo.seed.ts';

export interface BenchRunner {
  email: string;
  token: string;
}

const PASSWORD = 'bench-runner-password';

async function post(url: string, body: unknown, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${JSON.stringify(json)}`);
  return json!;
}

/** Runs `fn` over `items` with at most `limit` at a time (registration hashes with argon2id: CPU-bound). */
async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>) {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

/**
 * `history` runners get the demo's twelve weeks (each from its own seed), the rest only register and onboard
 * (a plan, no history yet): the realistic mix of a server with a few long-time users and many new ones.
 */
export async function seedRunners(
  apiUrl: string,
  counts: { history: number; fresh: number },
  onProgress: (done: number, total: number) => void,
): Promise<{ runners: BenchRunner[]; today: string }> {
  const total = counts.history + counts.fresh;
  let done = 0;
  const tick = () => onProgress(++done, total);
  const history = await pool(
    Array.from({ length: counts.history }, (_, i) => i),
    2,
    async (i) => {
      const email = `bench-history-${i}@bench.runningcoach.local`;
      const r = await seedDemo({ apiUrl, email, password: PASSWORD, seed: DEMO_SEED + i });
      tick();
      return { email, today: r.today };
    },
  );
  const today = history[0]?.today ?? new Date().toISOString().slice(0, 10);
  const onboarding = demoHistory(today).onboarding;
  await pool(
    Array.from({ length: counts.fresh }, (_, i) => i),
    4,
    async (i) => {
      const email = `bench-fresh-${i}@bench.runningcoach.local`;
      const reg = await post(`${apiUrl}/auth/register`, { email, password: PASSWORD });
      await post(`${apiUrl}/onboarding`, onboarding, reg.accessToken as string);
      tick();
    },
  );
  // Fresh access tokens (15 minutes) for the measured part.
  const emails = [
    ...history.map((h) => h.email),
    ...Array.from({ length: counts.fresh }, (_, i) => `bench-fresh-${i}@bench.runningcoach.local`),
  ];
  const runners = await pool(emails, 4, async (email) => {
    const login = await post(`${apiUrl}/auth/login`, { email, password: PASSWORD });
    return { email, token: login.accessToken as string };
  });
  return { runners, today };
}
