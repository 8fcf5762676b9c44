import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { AppConfig } from '../config/config.ts';
import { APP_CONFIG } from '../utils/tokens.ts';
import { MemoryRealtimeBus } from './realtime-event.ts';
import { RealtimeGateway } from './realtime.gateway.ts';
import { RealtimeService } from './realtime.service.ts';
import { RedisRealtimeBus } from './redis-realtime-bus.ts';

/** Redis pub/sub when `REDIS_URL` is set (API processes and workers share it), else in-process. */
export function createRealtimeService(config: AppConfig): RealtimeService {
  return new RealtimeService(
    config.redisUrl ? new RedisRealtimeBus(config.redisUrl, config.realtime.prefix) : new MemoryRealtimeBus(),
  );
}

@Injectable()
class RealtimeShutdown implements OnApplicationShutdown {
  constructor(@Inject(RealtimeService) private readonly realtime: RealtimeService) {}

  onApplicationShutdown(): Promise<void> {
    return this.realtime.close();
  }
}

/** Publishing only: what the worker process needs (its events reach the API processes through Redis). */
export const REALTIME_PROVIDERS: Provider[] = [
  { provide: RealtimeService, inject: [APP_CONFIG], useFactory: createRealtimeService },
  RealtimeShutdown,
];

/** The API: publishing plus the `/ws` endpoint. */
export const REALTIME_API_PROVIDERS: Provider[] = [...REALTIME_PROVIDERS, RealtimeGateway];
