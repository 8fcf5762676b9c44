import { Inject, Injectable, type OnApplicationBootstrap, type Provider } from '@nestjs/common';
import type { AppConfig } from '../config/config.ts';
import type { JobQueue } from '../queue/job-queue.ts';
import { defineProcessor, type Processor, registerProcessors } from '../queue/processor.ts';
import { JOB_QUEUE } from '../queue/queue.module.ts';
import { IntegrationRepository } from '../repositories/integration.repository.ts';
import { NutritionRepository } from '../repositories/nutrition.repository.ts';
import { NutritionService } from '../services/nutrition.service.ts';
import { APP_CONFIG } from '../utils/tokens.ts';
import { ConnectionService } from './connection.service.ts';
import { IntegrationController } from './integration.controller.ts';
import { MfpSyncService } from './mfp-sync.service.ts';
import { ProviderBreakers } from './provider-breakers.ts';
import { ProviderEventService } from './provider-event.service.ts';
import {
  MFP_DAILY_JOB,
  MFP_DAILY_SCHEDULE,
  MfpDailyPayload,
  PROVIDER_EVENT_JOB,
  ProviderEventPayload,
} from './provider-jobs.ts';
import { TOKEN_CIPHER, TokenCipher } from './token-cipher.ts';
import { TrainingPushService } from './training-push.service.ts';
import { WebhookController } from './webhook.controller.ts';
import { WebhookService } from './webhook.service.ts';

/**
 * The provider queues' processors (the API process when WORKERS=inline, else `npm run start:worker`):
 * provider events (webhooks, MyFitnessPal imports) and the daily MyFitnessPal fan-out.
 */
export function providerProcessors(events: ProviderEventService, mfp: MfpSyncService): Processor[] {
  return [
    defineProcessor({
      name: PROVIDER_EVENT_JOB,
      concurrency: 2,
      schema: ProviderEventPayload,
      handle: ({ userId, eventId }) => events.process(userId, eventId),
    }),
    defineProcessor({
      name: MFP_DAILY_JOB,
      concurrency: 1,
      schema: MfpDailyPayload,
      handle: () => mfp.daily(),
    }),
  ];
}

/** The daily MyFitnessPal import, scheduled only where MyFitnessPal is configured. */
export const providerSchedules = (config: AppConfig) =>
  config.providers.myFitnessPal?.oauth ? [MFP_DAILY_SCHEDULE] : [];

/** Runs provider jobs in this process when the pipelines do (WORKERS=inline). */
@Injectable()
export class ProviderEventRunner implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(ProviderEventService) private readonly events: ProviderEventService,
    @Inject(MfpSyncService) private readonly mfp: MfpSyncService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.queue.workers !== 'inline') return;
    registerProcessors(this.queue, providerProcessors(this.events, this.mfp));
    for (const s of providerSchedules(this.config)) await this.queue.schedule(s.name, s.opts);
  }
}

export const INTEGRATION_CONTROLLERS = [IntegrationController, WebhookController];

/** What provider jobs need (also in the worker process, src/queue/worker.module.ts). */
export const INTEGRATION_JOB_PROVIDERS: Provider[] = [
  {
    provide: TOKEN_CIPHER,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => new TokenCipher(config.integrations.tokenKey),
  },
  IntegrationRepository,
  NutritionRepository,
  NutritionService,
  ProviderBreakers,
  MfpSyncService,
  ConnectionService,
  ProviderEventService,
];

export const INTEGRATION_PROVIDERS: Provider[] = [
  ...INTEGRATION_JOB_PROVIDERS,
  WebhookService,
  ProviderEventRunner,
  TrainingPushService,
];
