import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { TokenService } from '../services/token.service.ts';
import type { ErrorBody } from '../utils/errors.ts';

export const RATE_LIMIT_WINDOW_MS = 60_000;

export interface Hit {
  /** Requests counted in the current window, this one included. */
  count: number;
  /** Milliseconds until the window resets. */
  resetMs: number;
}

/** A fixed one-minute window per key (aligned to the clock, so every process agrees on it). */
export interface RateLimitStore {
  hit(key: string, now: number): Promise<Hit>;
  close(): Promise<void>;
}

const windowOf = (now: number) => Math.floor(now / RATE_LIMIT_WINDOW_MS);
const resetOf = (now: number) => (windowOf(now) + 1) * RATE_LIMIT_WINDOW_MS - now;

/** One process only: counts live in memory and are dropped whenever the window turns. */
export class MemoryRateLimitStore implements RateLimitStore {
  private window = -1;
  private counts = new Map<string, number>();

  hit(key: string, now: number): Promise<Hit> {
    const w = windowOf(now);
    if (w !== this.window) {
      this.window = w;
      this.counts = new Map();
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return Promise.resolve({ count, resetMs: resetOf(now) });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** Shared by every API process: INCR on `<prefix><key>:<window>`, expiring with the window. */
export class RedisRateLimitStore implements RateLimitStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  static connect(url: string, prefix: string): RedisRateLimitStore {
    // A dead Redis costs a request at most commandTimeout; the hook then lets it through.
    const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 500 });
    redis.on('error', () => {});
    return new RedisRateLimitStore(redis, prefix);
  }

  async hit(key: string, now: number): Promise<Hit> {
    const k = `${this.prefix}${key}:${windowOf(now)}`;
    const res = await this.redis
      .multi()
      .incr(k)
      .pexpire(k, RATE_LIMIT_WINDOW_MS + 1000)
      .exec();
    const [err, count] = res?.[0] ?? [new Error('rate limit: empty MULTI reply'), 0];
    if (err) throw err;
    return { count: Number(count), resetMs: resetOf(now) };
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

export interface RateLimitOptions {
  perMinute: number;
  store: RateLimitStore;
  tokens: () => TokenService;
  logger?: Logger;
  /** Paths (without query) that are never limited: probes and scrapes. */
  exempt?: readonly string[];
  /** Path prefixes that are never limited (provider webhooks). */
  exemptPrefixes?: readonly string[];
  now?: () => number;
}

const DEFAULT_EXEMPT = ['/healthz', '/readyz', '/metrics'];
// Providers deliver webhooks in bursts from a few IPs; each delivery is authenticated as its provider allows
// and only logs an event, so a per-IP limit would drop real events (Strava and Garmin do not resend them all).
const DEFAULT_EXEMPT_PREFIXES = ['/webhooks/'];

/** The runner of a valid Bearer access token, else the client's IP (unauthenticated routes, bad tokens). */
async function identify(req: FastifyRequest, tokens: TokenService): Promise<string> {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (match?.[1]) {
    try {
      return `u:${(await tokens.verifyAccess(match[1])).userId}`;
    } catch {
      // falls through to the IP: the route itself answers 401
    }
  }
  return `ip:${req.ip}`;
}

/** An onRequest hook answering 429 (with Retry-After and the API error shape) past `perMinute`. */
export function installRateLimit(fastify: FastifyInstance, opts: RateLimitOptions): void {
  const exempt = new Set(opts.exempt ?? DEFAULT_EXEMPT);
  const prefixes = opts.exemptPrefixes ?? DEFAULT_EXEMPT_PREFIXES;
  const now = opts.now ?? Date.now;
  fastify.addHook('onClose', () => opts.store.close());
  if (opts.perMinute <= 0) return;
  fastify.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0]!;
    if (exempt.has(path) || prefixes.some((p) => path.startsWith(p))) return;
    const key = await identify(req, opts.tokens());
    let hit: Hit;
    try {
      hit = await opts.store.hit(key, now());
    } catch (err) {
      // The limit protects the service; losing Redis must not take the API down with it.
      opts.logger?.warn({ err: String(err) }, 'rate limit store unavailable; request allowed');
      return;
    }
    const retryAfter = Math.max(1, Math.ceil(hit.resetMs / 1000));
    reply.header('x-ratelimit-limit', opts.perMinute);
    reply.header('x-ratelimit-remaining', Math.max(0, opts.perMinute - hit.count));
    if (hit.count <= opts.perMinute) return;
    const body: ErrorBody = {
      error: {
        code: 'RATE_LIMITED',
        message: `too many requests: at most ${opts.perMinute} per minute`,
        details: { limit: opts.perMinute, retryAfterSeconds: retryAfter },
      },
    };
    return reply.code(429).header('retry-after', retryAfter).send(body);
  });
}
