import { pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { createJobQueue, jobQueueConfigFromEnv } from './create-job-queue.ts';
import type { JobQueue, QueueLogger, ScheduleOptions } from './job-queue.ts';
import { silentLogger } from './job-queue.ts';
import { pingProcessor } from './ping.ts';
import { createPipelineProcessors, PIPELINE_SCHEDULES } from './pipelines/processors.ts';
import type { PipelineServices } from './pipelines/services.ts';
import { type Processor, registerProcessors } from './processor.ts';

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
 * `tsx src/queue/worker.ts` (`npm run start:worker`): workers as their own process, which only makes sense
 * with Redis. Pipeline processors and schedules run once `services` are passed in.
 */
export async function main({
  env = process.env,
  services,
}: { env?: NodeJS.ProcessEnv; services?: PipelineServices } = {}) {
  const logger = pino({ level: env.LOG_LEVEL || 'info' });
  const config = jobQueueConfigFromEnv(env);
  if (!config.redisUrl) {
    logger.error('REDIS_URL is not set: without Redis the API process runs the jobs itself');
    process.exitCode = 1;
    return;
  }
  const queue = createJobQueue({ ...config, logger });
  const processors = [
    pingProcessor(),
    ...(services ? createPipelineProcessors({ queue, services, logger }) : []),
  ];
  const worker = await startWorker({
    queue,
    processors,
    schedules: services ? PIPELINE_SCHEDULES : [],
    logger,
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second signal means "now": the jobs still running will be retried by another worker.
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'worker closing');
    worker.close().then(
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
