import { SyncController } from './sync.controller.ts';
import { SyncConflictsService } from './sync-conflicts.service.ts';
import { SyncSessionController } from './sync-session.controller.ts';
import { SyncSessionService } from './sync-session.service.ts';
import { SyncRepository } from './sync.repository.ts';
import { SyncPullService } from './sync-pull.service.ts';
import { SyncPushService } from './sync-push.service.ts';

/** Spread into AppModule (the sync services use its DatabaseRepository). */
export const SYNC_CONTROLLERS = [SyncController, SyncSessionController];
export const SYNC_PROVIDERS = [
  SyncRepository,
  SyncPullService,
  SyncPushService,
  SyncSessionService,
  SyncConflictsService,
];
