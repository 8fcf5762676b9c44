import { type Job, type JobsOptions, Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { deadLetterQueueName, decodeJobId, encodeJobId } from './bullmq-names.ts';
import {
  DEFAULT_JOB_DEFAULTS,
  DEFAULT_RETENTION,
  type JobDefaults,
  type ResolvedAddOptions,
  resolveAddOptions,
  type Retention,
  toJson,
  validateConcurrency,
  validateQueueName,
  validateSchedule,
} from './job-options.ts';
import {
  type AddOptions,
  type DeadLetter,
  errorMessage,
  isPermanent,
  type JobHandler,
  type JobQueue,
  JobQueueClosedError,
  type JsonValue,
  type ProcessOptions,
  type QueueCounts,
  type QueueLogger,
  type ScheduleOptions,
  silentLogger,
} from './job-queue.ts';

export interface BullMqJobQueueOptions {
  url: string;
  /** Redis key prefix (`<prefix>:<queue>:...`): one per deployment, and one per test file. */
  prefix: string;
  defaults?: JobDefaults;
  retention?: Retention;
  logger?: QueueLogger;
}

/** One BullMQ queue per job name, so each name has its own concurrency and its own counts. */
export class BullMqJobQueue implements JobQueue {
  private readonly defaults: JobDefaults;
  private readonly retention: Retention;
  private readonly logger: QueueLogger;
  private readonly producer: Redis;
  private consumer?: Redis;
  private readonly queues = new Map<string, Queue>();
  private readonly workers = new Map<string, Worker>();
  private readonly deadLetterWrites = new Set<Promise<void>>();
  private closing?: Promise<void>;

  constructor(private readonly opts: BullMqJobQueueOptions) {
    this.defaults = opts.defaults ?? DEFAULT_JOB_DEFAULTS;
    this.retention = opts.retention ?? DEFAULT_RETENTION;
    this.logger = opts.logger ?? silentLogger;
    // The producer keeps ioredis' bounded retries: once connected, losing Redis fails an add() rather than
    // stalling it. (Before the first connection BullMQ waits for Redis, however long that takes.)
    this.producer = this.connect({ connectionName: 'rc-jobs-producer' });
  }

  async add(name: string, payload: JsonValue, opts: AddOptions = {}): Promise<string> {
    this.assertOpen();
    const o = resolveAddOptions(opts, this.defaults);
    const job = await this.queue(name).add(name, toJson(payload), {
      ...this.jobOptions(o),
      jobId: o.jobId === undefined ? undefined : encodeJobId(o.jobId),
      delay: o.delayMs,
    });
    return o.jobId ?? job.id!;
  }

  process<P extends JsonValue>(name: string, handler: JobHandler<P>, opts: ProcessOptions): void {
    this.assertOpen();
    validateConcurrency(opts.concurrency);
    validateQueueName(name);
    if (this.workers.has(name)) throw new Error(`queue "${name}" already has a handler`);
    // Workers block on Redis; BullMQ requires unlimited retries on their connection.
    this.consumer ??= this.connect({ connectionName: 'rc-jobs-worker', maxRetriesPerRequest: null });
    const worker = new Worker(name, (job: Job) => this.run(job, handler as JobHandler), {
      connection: this.consumer,
      prefix: this.opts.prefix,
      concurrency: opts.concurrency,
    });
    worker.on('failed', (job, err) => {
      if (!job) return;
      const write = this.onFailed(job, err).catch((e: unknown) =>
        this.logger.error({ queue: name, jobId: job.id, err: errorMessage(e) }, 'dead letter not written'),
      );
      this.deadLetterWrites.add(write);
      void write.finally(() => this.deadLetterWrites.delete(write));
    });
    // Without a listener an 'error' event would throw and take the process down.
    worker.on('error', (err) => this.logger.error({ queue: name, err: errorMessage(err) }, 'worker error'));
    this.workers.set(name, worker);
  }

  async schedule(name: string, opts: ScheduleOptions): Promise<void> {
    this.assertOpen();
    validateSchedule(opts);
    const repeat =
      opts.everyMs !== undefined ? { every: opts.everyMs } : { pattern: opts.pattern, tz: opts.tz };
    await this.queue(name).upsertJobScheduler(encodeJobId(opts.jobId), repeat, {
      name,
      data: toJson(opts.payload ?? {}),
      opts: this.jobOptions(resolveAddOptions({}, this.defaults)),
    });
  }

  async counts(names?: readonly string[]): Promise<Record<string, QueueCounts>> {
    const list =
      names ?? [...new Set([...this.queues.keys(), ...this.workers.keys()])].filter((n) => !isDead(n));
    const entries = await Promise.all(
      list.map(async (name): Promise<[string, QueueCounts]> => {
        const [c, dead] = await Promise.all([
          this.queue(name).getJobCounts('wait', 'prioritized', 'paused', 'active', 'delayed', 'failed'),
          this.queue(deadLetterQueueName(name)).getJobCountByTypes('wait'),
        ]);
        const n = (k: string) => c[k] ?? 0;
        return [
          name,
          {
            waiting: n('wait') + n('prioritized') + n('paused'),
            active: n('active'),
            delayed: n('delayed'),
            failed: n('failed'),
            dead,
          },
        ];
      }),
    );
    return Object.fromEntries(entries);
  }

  async deadLetters(name: string, limit = 100): Promise<DeadLetter[]> {
    const jobs = await this.queue(deadLetterQueueName(name)).getJobs(['wait'], 0, limit - 1, true);
    return jobs.map((j) => j.data as DeadLetter);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      // Worker.close() without `force` lets active jobs finish and takes no new ones.
      await Promise.allSettled([...this.workers.values()].map((w) => w.close()));
      await Promise.allSettled([...this.deadLetterWrites]);
      await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
      await Promise.allSettled([this.producer, this.consumer].map((c) => c && quit(c)));
    })();
    return this.closing;
  }

  private async run(job: Job, handler: JobHandler): Promise<unknown> {
    try {
      return await handler({
        id: decodeJobId(job.id!),
        name: job.name,
        payload: job.data as JsonValue,
        attempt: job.attemptsMade + 1,
        attempts: job.opts.attempts ?? 1,
      });
    } catch (err) {
      if (isPermanent(err)) throw new UnrecoverableError(errorMessage(err));
      throw err;
    }
  }

  /** BullMQ emits 'failed' for every failed attempt; only a job that ended failed becomes a dead letter. */
  private async onFailed(job: Job, err: Error): Promise<void> {
    const log = {
      queue: job.queueName,
      jobId: decodeJobId(job.id!),
      attempt: job.attemptsMade,
      err: errorMessage(err),
    };
    if ((await job.getState()) !== 'failed') {
      this.logger.warn(log, 'job attempt failed');
      return;
    }
    const letter: DeadLetter = {
      jobId: decodeJobId(job.id!),
      name: job.queueName,
      payload: job.data as JsonValue,
      error: errorMessage(err),
      attemptsMade: job.attemptsMade,
      failedAt: Date.now(),
    };
    // Keyed by the failed job's id: a repeated event cannot write two letters.
    await this.queue(deadLetterQueueName(job.queueName)).add('dead', letter, { jobId: encodeJobId(job.id!) });
    this.logger.error(log, 'job dead-lettered');
  }

  private jobOptions(o: ResolvedAddOptions): JobsOptions {
    const keep = { age: Math.ceil(this.retention.ageMs / 1000), count: this.retention.count };
    return {
      attempts: o.attempts,
      backoff: { type: o.backoff.type, delay: o.backoff.delayMs },
      removeOnComplete: keep,
      removeOnFail: keep,
    };
  }

  private queue(name: string): Queue {
    let q = this.queues.get(name);
    if (!q) {
      validateQueueName(name);
      q = new Queue(name, { connection: this.producer, prefix: this.opts.prefix });
      q.on('error', (err) => this.logger.error({ queue: name, err: errorMessage(err) }, 'queue error'));
      this.queues.set(name, q);
    }
    return q;
  }

  private connect(extra: { connectionName: string; maxRetriesPerRequest?: null }): Redis {
    const redis = new Redis(this.opts.url, extra);
    redis.on('error', (err) => this.logger.warn({ err: errorMessage(err) }, 'redis connection error'));
    return redis;
  }

  private assertOpen(): void {
    if (this.closing) throw new JobQueueClosedError();
  }
}

const isDead = (name: string) => name.endsWith('.dead');

async function quit(redis: Redis): Promise<void> {
  if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
  else redis.disconnect();
}
