import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { PIPELINE_SERVICES } from '../services/pipeline-services.ts';
import { APP_CONFIG } from '../utils/tokens.ts';
import type { AppConfig } from '../config/config.ts';
import type { JobQueue, QueueLogger } from './job-queue.ts';
import { JOBS } from './pipelines/jobs.ts';
import { createPipelineProcessors, PIPELINE_SCHEDULES } from './pipelines/processors.ts';
import type { PipelineServices } from './pipelines/services.ts';
import { JOB_QUEUE } from './queue.module.ts';
import { startWorker } from './worker.ts';

export const QUEUE_LOGGER = Symbol('QUEUE_LOGGER');

/**
 * Runs the pipeline processors inside the API process when `WORKERS=inline` (the default without Redis);
 * with `WORKERS=off` the API only enqueues and `npm run start:worker` does the jobs. Either way the queue
 * closes before the database does (beforeApplicationShutdown runs ahead of every onApplicationShutdown),
 * so a job in flight finishes its transaction.
 */
@Injectable()
export class PipelineRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(PIPELINE_SERVICES) private readonly services: PipelineServices,
    @Inject(QUEUE_LOGGER) private readonly logger: QueueLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Touch every pipeline queue so /metrics reports each of them from the first scrape.
    await this.queue.counts(Object.values(JOBS)).catch(() => undefined);
    if (this.config.queue.workers !== 'inline') return;
    await startWorker({
      queue: this.queue,
      processors: createPipelineProcessors({
        queue: this.queue,
        services: this.services,
        logger: this.logger,
      }),
      schedules: PIPELINE_SCHEDULES,
      logger: this.logger,
    });
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.queue.close();
  }
}
