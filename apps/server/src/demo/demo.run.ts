import type { AppConfig } from '../config/config.ts';
import { createLogger } from '../utils/logger.ts';
import { type SeedOptions, type SeedResult, seedDemo } from './demo.seed.ts';

export type SeedReporter = Pick<SeedOptions, 'onProgress' | 'onWait'>;

/**
 * Seeds through a private instance of the real app: same config and data, loopback on an ephemeral port, and
 * no rate limit (the history is ~150 requests of one runner, more than a minute's allowance). It waits for
 * the background jobs those requests queued before closing, since the in-process queue forgets unstarted jobs.
 */
export async function seedInProcess(config: AppConfig, report: SeedReporter = {}): Promise<SeedResult> {
  const { createApp } = await import('../app.ts');
  const app = await createApp(
    {
      ...config,
      host: '127.0.0.1',
      port: 0,
      rateLimit: { ...config.rateLimit, perMinute: 0 },
      // It runs the jobs its requests queue itself, even with Redis, where a worker process may not be up yet.
      queue: { ...config.queue, workers: 'inline' },
    },
    { logger: createLogger(config.logLevel === 'silent' ? 'silent' : 'warn') },
  );
  try {
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    const result = await seedDemo({ apiUrl: `${url}/api/v1`, ...demoCredentials(), ...report });
    await drainQueue(url);
    return result;
  } finally {
    await app.close();
  }
}

/** DEMO_EMAIL / DEMO_PASSWORD from the environment, when set. */
export function demoCredentials(env = process.env): { email?: string; password?: string } {
  return { email: env.DEMO_EMAIL || undefined, password: env.DEMO_PASSWORD || undefined };
}

/**
 * Until no job is waiting or running (delayed repeats of the schedulers don't count), 30 s at most. Read from
 * `/metrics` (`rc_queue_jobs`), so it needs nothing from the app's internals and is a no-op without a queue.
 */
export async function drainQueue(baseUrl: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const text = await (await fetch(`${baseUrl}/metrics`)).text();
    const busy = [...text.matchAll(/^rc_queue_jobs\{[^}]*state="(waiting|active)"[^}]*\} (\d+)/gm)];
    if (busy.every((m) => m[2] === '0')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}
