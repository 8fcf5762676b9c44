import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { describe, expect, it } from 'vitest';
import { BullMqJobQueue } from './bullmq-job-queue.ts';
import { createJobQueue, DEFAULT_QUEUE_PREFIX, jobQueueConfigFromEnv } from './create-job-queue.ts';
import { InProcessJobQueue } from './in-process-job-queue.ts';
import { type JobQueue, JobQueueClosedError } from './job-queue.ts';
import { formatQueueMetrics } from './metrics.ts';
import { JOB_QUEUE, QueueModule } from './queue.module.ts';

describe('createJobQueue', () => {
  it('picks BullMQ when REDIS_URL is set and the in-process queue when it is unset or empty', async () => {
    expect(jobQueueConfigFromEnv({})).toEqual({ redisUrl: undefined, prefix: DEFAULT_QUEUE_PREFIX });
    expect(jobQueueConfigFromEnv({ REDIS_URL: '', QUEUE_PREFIX: '' }).redisUrl).toBeUndefined();
    expect(() => jobQueueConfigFromEnv({ REDIS_URL: 'http://x' })).toThrow(/REDIS_URL/);

    const local = createJobQueue(jobQueueConfigFromEnv({}));
    // The producer dials at once; close() must release it even though nothing listens there.
    const redis = createJobQueue(
      jobQueueConfigFromEnv({ REDIS_URL: 'redis://127.0.0.1:1', QUEUE_PREFIX: 'p' }),
    );
    expect(local).toBeInstanceOf(InProcessJobQueue);
    expect(redis).toBeInstanceOf(BullMqJobQueue);
    await Promise.all([local.close(), redis.close()]);
  });

  it('QueueModule provides the queue and closes it with the app', async () => {
    const app = await NestFactory.createApplicationContext(QueueModule.forRoot({ prefix: 'p' }), {
      logger: false,
    });
    const queue = app.get<JobQueue>(JOB_QUEUE);
    expect(queue).toBeInstanceOf(InProcessJobQueue);
    await app.close();
    await expect(queue.add('q', {})).rejects.toBeInstanceOf(JobQueueClosedError);
  });

  it('formats counts for /metrics', () => {
    const text = formatQueueMetrics({
      'missed-workouts': { waiting: 3, active: 1, delayed: 0, failed: 2, dead: 2 },
    });
    expect(text).toContain('# TYPE rc_queue_jobs gauge\n');
    expect(text).toContain('rc_queue_jobs{queue="missed-workouts",state="waiting"} 3\n');
    expect(text.match(/^rc_queue_jobs\{/gm)).toHaveLength(5);
  });
});
