import { type DynamicModule, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { createJobQueue, type JobQueueConfig } from './create-job-queue.ts';
import type { JobQueue } from './job-queue.ts';

/** Inject with `@Inject(JOB_QUEUE) queue: JobQueue`. */
export const JOB_QUEUE = Symbol('JOB_QUEUE');

@Injectable()
class JobQueueShutdown implements OnApplicationShutdown {
  constructor(@Inject(JOB_QUEUE) private readonly queue: JobQueue) {}

  onApplicationShutdown(): Promise<void> {
    return this.queue.close();
  }
}

/** The framework-free queue as a global Nest provider, closed gracefully with the app. */
@Module({})
export class QueueModule {
  static forRoot(config: JobQueueConfig): DynamicModule {
    return {
      module: QueueModule,
      global: true,
      providers: [{ provide: JOB_QUEUE, useFactory: () => createJobQueue(config) }, JobQueueShutdown],
      exports: [JOB_QUEUE],
    };
  }
}
