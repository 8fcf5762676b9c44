import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config.ts';
import type { JobQueue } from '../queue/job-queue.ts';
import { JOB_QUEUE } from '../queue/queue.module.ts';
import { TokenService } from '../services/token.service.ts';
import { installMetrics } from './metrics.ts';
import { installOpenApi } from './openapi.ts';
import { installRateLimit, MemoryRateLimitStore, RedisRateLimitStore } from './rate-limit.ts';

/** The job queue when the app has QueueModule wired, else null (resolved per scrape, not at start-up). */
function jobQueue(app: NestFastifyApplication): JobQueue | null {
  try {
    return app.get<symbol, JobQueue>(JOB_QUEUE, { strict: false });
  } catch {
    return null;
  }
}

/** Operations on the Fastify instance: `/metrics`, `/api/docs` and the per-runner rate limit. Call before listen. */
export function installOps(app: NestFastifyApplication, config: AppConfig, logger?: Logger): void {
  const fastify = app.getHttpAdapter().getInstance();
  installMetrics(fastify, {
    queueCounts: async () => (await jobQueue(app)?.counts()) ?? null,
  });
  installOpenApi(fastify);
  const { perMinute, prefix } = config.rateLimit;
  installRateLimit(fastify, {
    perMinute,
    // No Redis connection at all when the limit is off.
    store:
      config.redisUrl && perMinute > 0
        ? RedisRateLimitStore.connect(config.redisUrl, prefix)
        : new MemoryRateLimitStore(),
    tokens: () => app.get(TokenService),
    logger,
  });
}
