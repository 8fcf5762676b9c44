import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { AppConfig } from './config/config.ts';
import { AuthController } from './controllers/auth.controller.ts';
import { HealthController } from './controllers/health.controller.ts';
import { UserController } from './controllers/user.controller.ts';
import { PlanController } from './controllers/plan.controller.ts';
import { DailyMetricsController } from './controllers/daily-metrics.controller.ts';
import { ActivityController } from './controllers/activity.controller.ts';
import { StatsController } from './controllers/stats.controller.ts';
import { AccountController } from './controllers/account.controller.ts';
import { CalendarController } from './controllers/calendar.controller.ts';
import { NotificationController } from './controllers/notification.controller.ts';
import { AlertController } from './controllers/alert.controller.ts';
import { WorkoutController } from './controllers/workout.controller.ts';
import { AccountRepository } from './repositories/account.repository.ts';
import { AlertReadRepository } from './repositories/alert-read.repository.ts';
import { CalendarRepository } from './repositories/calendar.repository.ts';
import { NotificationRepository } from './repositories/notification.repository.ts';
import { RevocationRepository } from './repositories/revocation.repository.ts';
import { RunnerFilesRepository } from './repositories/runner-files.repository.ts';
import { WorkoutReadRepository } from './repositories/workout-read.repository.ts';
import { AccountService } from './services/account.service.ts';
import { AlertService } from './services/alert.service.ts';
import { AuthenticatorService } from './services/authenticator.service.ts';
import { CalendarService } from './services/calendar.service.ts';
import { NotificationService } from './services/notification.service.ts';
import { SupabaseAuthService } from './services/supabase-auth.service.ts';
import { WorkoutService } from './services/workout.service.ts';
import { openDatabase } from './db/connection.ts';
import { AuthGuard } from './middleware/auth.guard.ts';
import { ErrorFilter } from './middleware/error.filter.ts';
import { AuditRepository } from './repositories/audit.repository.ts';
import { CryptoRepository } from './repositories/crypto.repository.ts';
import { DatabaseRepository } from './repositories/database.repository.ts';
import { SessionRepository } from './repositories/session.repository.ts';
import { UserRepository } from './repositories/user.repository.ts';
import { PlanRepository } from './repositories/plan.repository.ts';
import { DailyMetricsRepository } from './repositories/daily-metrics.repository.ts';
import { ActivityOriginRepository } from './repositories/activity-origin.repository.ts';
import { ActivityRepository } from './repositories/activity.repository.ts';
import { AuthService } from './services/auth.service.ts';
import { HealthService } from './services/health.service.ts';
import { TokenService } from './services/token.service.ts';
import { UserService } from './services/user.service.ts';
import { PlanService } from './services/plan.service.ts';
import { DailyMetricsService } from './services/daily-metrics.service.ts';
import { ActivityService } from './services/activity.service.ts';
import { StatsService } from './services/stats.service.ts';
import { OBJECT_STORE_PROVIDER } from './storage/object-store.provider.ts';
import { APP_CONFIG, DB_CONNECTION } from './utils/tokens.ts';
import { DASHBOARD_CACHE_PROVIDERS } from './cache/dashboard-cache.provider.ts';
import { InvalidateDashboardOnWrite } from './cache/invalidate-on-write.ts';
import { PipelineRunner, QUEUE_LOGGER } from './queue/pipeline-runner.ts';
import { QueueModule } from './queue/queue.module.ts';
import { PIPELINE_PROVIDERS } from './services/pipeline-services.ts';
import { INTEGRATION_CONTROLLERS, INTEGRATION_PROVIDERS } from './integrations/integration.providers.ts';
import { createLogger } from './utils/logger.ts';
import { SYNC_CONTROLLERS, SYNC_PROVIDERS } from './sync/sync.providers.ts';
import { REALTIME_API_PROVIDERS } from './realtime/realtime.providers.ts';
import { CONTEXT_CONTROLLERS, CONTEXT_PROVIDERS } from './providers/context.module-parts.ts';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    // Job logs carry ids and counts only (never payloads: they may hold health data).
    const queueLogger = createLogger(config.logLevel).child({ component: 'queue' });
    return {
      module: AppModule,
      // The job queue (BullMQ on REDIS_URL, else in-process); pipelines run here when WORKERS=inline.
      imports: [
        QueueModule.forRoot({ redisUrl: config.redisUrl, prefix: config.queue.prefix, logger: queueLogger }),
      ],
      controllers: [
        AuthController,
        UserController,
        HealthController,
        PlanController,
        DailyMetricsController,
        ActivityController,
        StatsController,
        AccountController,
        CalendarController,
        NotificationController,
        AlertController,
        ...SYNC_CONTROLLERS,
        WorkoutController,
        ...CONTEXT_CONTROLLERS,
        ...INTEGRATION_CONTROLLERS,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        // Connects and migrates (under the advisory lock) before anything can serve a request.
        { provide: DB_CONNECTION, useFactory: () => openDatabase(config.database) },
        DatabaseRepository,
        UserRepository,
        SessionRepository,
        AuditRepository,
        CryptoRepository,
        TokenService,
        AuthService,
        UserService,
        HealthService,
        PlanRepository,
        PlanService,
        DailyMetricsRepository,
        DailyMetricsService,
        ActivityRepository,
        ActivityOriginRepository,
        ActivityService,
        OBJECT_STORE_PROVIDER,
        StatsService,
        // Account, calendar feed, notifications and alerts, token checks (REST guard and tRPC).
        RevocationRepository,
        SupabaseAuthService,
        AuthenticatorService,
        AccountRepository,
        RunnerFilesRepository,
        AccountService,
        CalendarRepository,
        CalendarService,
        NotificationRepository,
        NotificationService,
        AlertReadRepository,
        AlertService,
        WorkoutReadRepository,
        WorkoutService,
        // Pipelines (rolling stats, alerts, plan adaptation, missed workouts, weekly) and the dashboard cache.
        ...PIPELINE_PROVIDERS,
        ...SYNC_PROVIDERS,
        ...DASHBOARD_CACHE_PROVIDERS,
        ...REALTIME_API_PROVIDERS,
        // Race search (Ahotu), weather (OpenWeather), nutrition (MyFitnessPal, manual, CSV).
        ...CONTEXT_PROVIDERS,
        ...INTEGRATION_PROVIDERS,
        { provide: QUEUE_LOGGER, useValue: queueLogger },
        PipelineRunner,
        InvalidateDashboardOnWrite,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
    };
  }
}
