import { Inject, Injectable, type OnApplicationBootstrap, type Provider } from '@nestjs/common';
import type { AppConfig } from '../config/config.ts';
import type { JobQueue } from '../queue/job-queue.ts';
import { defineProcessor, type Processor, registerProcessors } from '../queue/processor.ts';
import { JOB_QUEUE } from '../queue/queue.module.ts';
import { IntegrationRepository } from '../repositories/integration.repository.ts';
import { NutritionRepository } from '../repositories/nutrition.repository.ts';
import { APP_CONFIG } from '../utils/tokens.ts';
import { ConnectionService } from './connection.service.ts';
import { IntegrationController } from './integration.controller.ts';
import { ProviderBreakers } from './provider-breakers.ts';
import { ProviderEventService } from './provider-event.service.ts';
import { PROVIDER_EVENT_JOB, ProviderEventPayload } from './provider-jobs.ts';
import { TOKEN_CIPHER, TokenCipher } from './token-cipher.ts';
import { TrainingPushService } from './training-push.service.ts';
import { WebhookController } from './webhook.controller.ts';
import { WebhookService } from './webhook.service.ts';

/** The provider-event queue's processor (the API process when WORKERS=inline, else `npm run start:worker`). */
export function providerEventProcessor(events: ProviderEventService): Processor {
  return defineProcessor({
    name: PROVIDER_EVENT_JOB,
    concurrency: 2,
    schema: ProviderEventPayload,
    handle: ({ userId, eventId }) => events.process(userId, eventId),
  });
}

/** Runs provider-event jobs in this process when the pipelines do (WORKERS=inline). */
@Injectable()
export class ProviderEventRunner implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(ProviderEventService) private readonly events: ProviderEventService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.queue.workers !== 'inline') return;
    registerProcessors(this.queue, [providerEventProcessor(this.events)]);
  }
}

export const INTEGRATION_CONTROLLERS = [IntegrationController, WebhookController];

/** What provider-event jobs need (also in the worker process, src/queue/worker.module.ts). */
export const INTEGRATION_JOB_PROVIDERS: Provider[] = [
  {
    provide: TOKEN_CIPHER,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => new TokenCipher(config.integrations.tokenKey),
  },
  IntegrationRepository,
  NutritionRepository,
  ProviderBreakers,
  ConnectionService,
  ProviderEventService,
];

export const INTEGRATION_PROVIDERS: Provider[] = [
  ...INTEGRATION_JOB_PROVIDERS,
  WebhookService,
  ProviderEventRunner,
  TrainingPushService,
];
