import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { TokenService } from '../services/token.service.ts';
import { installRateLimit, MemoryRateLimitStore, type RateLimitStore } from './rate-limit.ts';

const tokens = () =>
  ({ verifyAccess: () => Promise.reject(new Error('no tokens in this test')) }) as unknown as TokenService;

function appWith(store: RateLimitStore, perMinute: number, now: () => number) {
  const app = Fastify();
  installRateLimit(app, { perMinute, store, tokens, now });
  app.get('/x', async () => ({ ok: true }));
  return app;
}

describe('installRateLimit', () => {
  it('resets when the minute turns, and Retry-After counts down to it', async () => {
    let t = 60_000 * 1000 + 45_000; // 15 s before a window edge
    const app = appWith(new MemoryRateLimitStore(), 2, () => t);
    try {
      const get = () => app.inject({ method: 'GET', url: '/x' });
      expect((await get()).statusCode).toBe(200);
      expect((await get()).statusCode).toBe(200);
      const limited = await get();
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['retry-after']).toBe('15');
      t += 15_000;
      expect((await get()).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('lets requests through when the store fails, and does nothing at 0', async () => {
    const broken: RateLimitStore = {
      hit: () => Promise.reject(new Error('redis down')),
      close: () => Promise.resolve(),
    };
    for (const [store, limit] of [
      [broken, 1],
      [new MemoryRateLimitStore(), 0],
    ] as const) {
      const app = appWith(store, limit, Date.now);
      try {
        for (let i = 0; i < 3; i++)
          expect((await app.inject({ method: 'GET', url: '/x' })).statusCode).toBe(200);
      } finally {
        await app.close();
      }
    }
  });
});
