import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { AppConfig } from './config/config.ts';
import { AuthController } from './controllers/auth.controller.ts';
import { HealthController } from './controllers/health.controller.ts';
import { UserController } from './controllers/user.controller.ts';
import { openDatabase } from './db/connection.ts';
import { AuthGuard } from './middleware/auth.guard.ts';
import { ErrorFilter } from './middleware/error.filter.ts';
import { AuditRepository } from './repositories/audit.repository.ts';
import { CryptoRepository } from './repositories/crypto.repository.ts';
import { DatabaseRepository } from './repositories/database.repository.ts';
import { SessionRepository } from './repositories/session.repository.ts';
import { UserRepository } from './repositories/user.repository.ts';
import { AuthService } from './services/auth.service.ts';
import { HealthService } from './services/health.service.ts';
import { TokenService } from './services/token.service.ts';
import { UserService } from './services/user.service.ts';
import { APP_CONFIG, DB_CONNECTION } from './utils/tokens.ts';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      controllers: [AuthController, UserController, HealthController],
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
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
    };
  }
}
