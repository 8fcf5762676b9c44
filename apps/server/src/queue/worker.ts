import { pathToFileURL } from 'node:url';
import type { INestApplicationContext } from '@nestjs/common';
import { pino } from 'pino';
import { createJobQueue, jobQueueConfigFromEnv } from './create-job-queue.ts';
import type { JobQueue, QueueLogger, ScheduleOptions } from './job-queue.ts';
import { silentLogger } from './job-queue.ts';
import { pingProcessor } from './ping.ts';
import { createPipelineProcessors, PIPELINE_SCHEDULES } from './pipelines/processors.ts';
import type { PipelineServices } from './pipelines/services.ts';
import { type Processor, registerProcessors } from './processor.ts';
import { loggerOptions } from '../utils/logger.ts';

export interface WorkerOptions {
  queue: JobQueue;
  processors: readonly Processor[];
  schedules?: readonly { name: string; opts: ScheduleOptions }[];
  logger?: QueueLogger;
}

export interface RunningWorker {
  queues: string[];
  /** Graceful: active jobs finish, nothing new starts. */
  close(): Promise<void>;
}

/** Consumes `processors` on `queue`: in its own process (main below) or inside the API when there is no Redis. */
export async function startWorker({
  queue,
  processors,
  schedules = [],
  logger = silentLogger,
}: WorkerOptions): Promise<RunningWorker> {
  registerProcessors(queue, processors);
  for (const s of schedules) await queue.schedule(s.name, s.opts);
  const queues = processors.map((p) => p.name);
  logger.info({ queues, schedules: schedules.map((s) => s.opts.jobId) }, 'worker started');
  return { queues, close: () => queue.close() };
}

/**
 * The real pipeline services on the shared PostgreSQL (`DATABASE_URL`), as a Nest application context
 * without HTTP: the same services, repositories and dashboard cache (Redis) as the API processes.
 */
async function domainContext(
  env: NodeJS.ProcessEnv,
  logger: QueueLogger,
): Promise<{
  context: INestApplicationContext;
  queue: JobQueue;
  services: PipelineServices;
  extra: Processor[];
  extraSchedules: { name: string; opts: ScheduleOptions }[];
}> {
  const [
    { NestFactory },
    { loadConfig },
    { WorkerModule },
    { PIPELINE_SERVICES },
    { JOB_QUEUE },
    { PinoNestLogger },
    { providerProcessors, providerSchedules },
    { ProviderEventService },
    { MfpSyncService },
  ] = await Promise.all([
    import('@nestjs/core'),
    import('../config/config.ts'),
    import('./worker.module.ts'),
    import('../services/pipeline-services.ts'),
    import('./queue.module.ts'),
    import('../utils/logger.ts'),
    import('../integrations/integration.providers.ts'),
    import('../integrations/provider-event.service.ts'),
    import('../integrations/mfp-sync.service.ts'),
  ]);
  // The worker signs no tokens: a placeholder keeps loadConfig from generating a secret file here.
  const config = loadConfig({
    ...env,
    JWT_SECRET: env.JWT_SECRET || 'worker-process-signs-no-tokens-at-all',
  });
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, logger), {
    logger: new PinoNestLogger(logger as pino.Logger),
    abortOnError: false,
  });
  return {
    context,
    queue: context.get<symbol, JobQueue>(JOB_QUEUE),
    services: context.get<symbol, PipelineServices>(PIPELINE_SERVICES),
    // Provider webhook events (OAuth-fetched activities, Garmin/Apple metrics) and MyFitnessPal imports run
    // here too, with the daily MyFitnessPal schedule.
    extra: providerProcessors(context.get(ProviderEventService), context.get(MfpSyncService)),
    extraSchedules: providerSchedules(config),
  };
}

/**
 * `tsx src/queue/worker.ts` (`npm run start:worker`): workers as their own process, which only makes sense
 * with Redis. The pipelines run on the real services when `DATABASE_URL` points at the shared PostgreSQL
 * (or on `services` passed in); without it only `ping` runs (PGlite belongs to the API process).
 */
export async function main({
  env = process.env,
  services,
}: { env?: NodeJS.ProcessEnv; services?: PipelineServices } = {}) {
  // The API's logger options: the same redaction of credentials and bodies.
  const logger = pino(loggerOptions(env.LOG_LEVEL || 'info'));
  const config = jobQueueConfigFromEnv(env);
  if (!config.redisUrl) {
    logger.error('REDIS_URL is not set: without Redis the API process runs the jobs itself');
    process.exitCode = 1;
    return;
  }
  let context: INestApplicationContext | undefined;
  let queue: JobQueue;
  let extra: Processor[] = [];
  let extraSchedules: { name: string; opts: ScheduleOptions }[] = [];
  if (!services && env.DATABASE_URL) {
    ({ context, queue, services, extra, extraSchedules } = await domainContext(env, logger));
  } else {
    if (!services)
      logger.warn('DATABASE_URL is not set: no pipelines here, only ping (PGlite is the API process’s)');
    queue = createJobQueue({ ...config, logger });
  }
  const processors = [
    pingProcessor(),
    ...(services ? createPipelineProcessors({ queue, services, logger }) : []),
    ...extra,
  ];
  const worker = await startWorker({
    queue,
    processors,
    schedules: services ? [...PIPELINE_SCHEDULES, ...extraSchedules] : [],
    logger,
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second signal means "now": the jobs still running will be retried by another worker.
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'worker closing');
    worker
      .close()
      .then(() => context?.close())
      .then(
        () => logger.info({ signal }, 'worker closed'),
        (err: unknown) => {
          logger.error({ err }, 'worker close failed');
          process.exitCode = 1;
        },
      );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  logger.info({ prefix: config.prefix, queues: worker.queues }, 'worker ready');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
