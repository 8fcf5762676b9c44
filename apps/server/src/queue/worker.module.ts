import { type DynamicModule, Module } from '@nestjs/common';
import { DASHBOARD_CACHE_PROVIDERS } from '../cache/dashboard-cache.provider.ts';
import { REALTIME_PROVIDERS } from '../realtime/realtime.providers.ts';
import type { AppConfig } from '../config/config.ts';
import { openDatabase } from '../db/connection.ts';
import { ActivityOriginRepository } from '../repositories/activity-origin.repository.ts';
import { ActivityRepository } from '../repositories/activity.repository.ts';
import { AuditRepository } from '../repositories/audit.repository.ts';
import { DailyMetricsRepository } from '../repositories/daily-metrics.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { PlanRepository } from '../repositories/plan.repository.ts';
import { UserRepository } from '../repositories/user.repository.ts';
import { ActivityService } from '../services/activity.service.ts';
import { OBJECT_STORE_PROVIDER } from '../storage/object-store.provider.ts';
import { PIPELINE_PROVIDERS } from '../services/pipeline-services.ts';
import { DailyMetricsService } from '../services/daily-metrics.service.ts';
import { INTEGRATION_JOB_PROVIDERS } from '../integrations/integration.providers.ts';
import { APP_CONFIG, DB_CONNECTION } from '../utils/tokens.ts';
import type { QueueLogger } from './job-queue.ts';
import { QueueModule } from './queue.module.ts';

/** What `npm run start:worker` needs: the database, the domain services behind the pipelines, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, logger: QueueLogger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [QueueModule.forRoot({ redisUrl: config.redisUrl, prefix: config.queue.prefix, logger })],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DB_CONNECTION, useFactory: () => openDatabase(config.database) },
        DatabaseRepository,
        UserRepository,
        AuditRepository,
        PlanRepository,
        DailyMetricsRepository,
        ActivityRepository,
        ActivityOriginRepository,
        ActivityService,
        OBJECT_STORE_PROVIDER,
        ...PIPELINE_PROVIDERS,
        ...DASHBOARD_CACHE_PROVIDERS,
        ...REALTIME_PROVIDERS,
        // Provider webhook events (src/integrations): their daily metrics go through the check-in service.
        DailyMetricsService,
        ...INTEGRATION_JOB_PROVIDERS,
      ],
    };
  }
}
