import { z } from 'zod';
import { BullMqJobQueue } from './bullmq-job-queue.ts';
import type { Clock } from './clock.ts';
import { InProcessJobQueue } from './in-process-job-queue.ts';
import type { JobDefaults, Retention } from './job-options.ts';
import type { JobQueue, QueueLogger } from './job-queue.ts';

export interface JobQueueConfig {
  /** Unset: the in-process queue. */
  redisUrl?: string;
  prefix: string;
  defaults?: JobDefaults;
  retention?: Retention;
  logger?: QueueLogger;
  /** In-process only; BullMQ keeps Redis time. */
  clock?: Clock;
}

export const DEFAULT_QUEUE_PREFIX = 'rc:jobs';

const unsetIfEmpty = (v: unknown) => (v === '' ? undefined : v);
const EnvSchema = z.object({
  REDIS_URL: z.preprocess(unsetIfEmpty, z.url({ protocol: /^rediss?$/ }).optional()),
  QUEUE_PREFIX: z.preprocess(unsetIfEmpty, z.string().min(1).default(DEFAULT_QUEUE_PREFIX)),
});

/** `REDIS_URL` and `QUEUE_PREFIX`; empty means unset, as in config/config.ts. */
export function jobQueueConfigFromEnv(env: Record<string, string | undefined> = process.env): JobQueueConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `Invalid queue configuration: ${parsed.error.issues.map((i) => `${i.path}: ${i.message}`)}`,
    );
  }
  return { redisUrl: parsed.data.REDIS_URL, prefix: parsed.data.QUEUE_PREFIX };
}

export function createJobQueue(config: JobQueueConfig): JobQueue {
  const { redisUrl, prefix, defaults, retention, logger, clock } = config;
  return redisUrl
    ? new BullMqJobQueue({ url: redisUrl, prefix, defaults, retention, logger })
    : new InProcessJobQueue({ defaults, retention, logger, clock });
}
