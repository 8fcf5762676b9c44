import { Inject, Injectable, Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { AppConfig } from '../config/config.ts';
import { APP_CONFIG } from '../utils/tokens.ts';
import { RedisRunnerCache } from './redis-runner-cache.ts';
import { DASHBOARD_CACHE, MemoryRunnerCache, NoRunnerCache, type RunnerCache } from './runner-cache.ts';

/** Redis when `REDIS_URL` is set (shared by every API and worker process), else in-process; TTL 0: none. */
export function createDashboardCache(config: AppConfig): RunnerCache<unknown> {
  const { prefix, dashboardTtlSeconds: ttl } = config.cache;
  if (ttl <= 0) return new NoRunnerCache();
  if (!config.redisUrl) return new MemoryRunnerCache(ttl * 1000);
  const logger = new Logger('DashboardCache');
  return RedisRunnerCache.connect(config.redisUrl, `${prefix}dashboard:`, ttl, {
    warn: (obj, msg) => logger.warn(`${msg} ${JSON.stringify(obj)}`),
  });
}

@Injectable()
class DashboardCacheShutdown implements OnApplicationShutdown {
  constructor(@Inject(DASHBOARD_CACHE) private readonly cache: RunnerCache<unknown>) {}

  onApplicationShutdown(): Promise<void> {
    return this.cache.close();
  }
}

export const DASHBOARD_CACHE_PROVIDERS: Provider[] = [
  { provide: DASHBOARD_CACHE, inject: [APP_CONFIG], useFactory: createDashboardCache },
  DashboardCacheShutdown,
];
