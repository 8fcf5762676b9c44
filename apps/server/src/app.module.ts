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
import { ActivityRepository } from './repositories/activity.repository.ts';
import { AuthService } from './services/auth.service.ts';
import { HealthService } from './services/health.service.ts';
import { TokenService } from './services/token.service.ts';
import { UserService } from './services/user.service.ts';
import { PlanService } from './services/plan.service.ts';
import { DailyMetricsService } from './services/daily-metrics.service.ts';
import { ActivityService } from './services/activity.service.ts';
import { StatsService } from './services/stats.service.ts';
import { APP_CONFIG, DB_CONNECTION } from './utils/tokens.ts';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      controllers: [
        AuthController,
        UserController,
        HealthController,
        PlanController,
        DailyMetricsController,
        ActivityController,
        StatsController,
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
        ActivityService,
        StatsService,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
    };
  }
}
