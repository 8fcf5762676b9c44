import { defaultRepeatStrategy } from 'bullmq';
import { type Clock, systemClock } from './clock.ts';
import {
  backoffDelay,
  DEFAULT_JOB_DEFAULTS,
  DEFAULT_RETENTION,
  type JobDefaults,
  resolveAddOptions,
  type Retention,
  toJson,
  validateConcurrency,
  validateQueueName,
  validateSchedule,
} from './job-options.ts';
import {
  type AddOptions,
  type Backoff,
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

export interface InProcessJobQueueOptions {
  defaults?: JobDefaults;
  retention?: Retention;
  clock?: Clock;
  logger?: QueueLogger;
}

interface LocalJob {
  id: string;
  name: string;
  payload: JsonValue;
  attempts: number;
  backoff: Backoff;
  attemptsMade: number;
  state: 'waiting' | 'delayed' | 'active' | 'completed' | 'failed';
  finishedAt: number;
}

interface LocalQueue {
  /** Jobs by custom id, kept while retained: the idempotency index. */
  byId: Map<string, LocalJob>;
  waiting: LocalJob[];
  delayed: number;
  active: number;
  failed: number;
  /** Finished jobs, oldest first, for retention. */
  finished: LocalJob[];
  dead: DeadLetter[];
  handler?: JobHandler;
  concurrency: number;
}

/**
 * The queue when there is no Redis: same retry, backoff, dead-letter and idempotency rules as BullMQ, in
 * memory. Jobs still waiting or delayed at close (or crash) are lost; BullMQ would keep them in Redis.
 */
export class InProcessJobQueue implements JobQueue {
  private readonly defaults: JobDefaults;
  private readonly retention: Retention;
  private readonly clock: Clock;
  private readonly logger: QueueLogger;
  private readonly queues = new Map<string, LocalQueue>();
  private readonly schedules = new Map<string, unknown>();
  private readonly timers = new Set<unknown>();
  private readonly running = new Set<Promise<void>>();
  private nextId = 1;
  private closing?: Promise<void>;

  constructor(opts: InProcessJobQueueOptions = {}) {
    this.defaults = opts.defaults ?? DEFAULT_JOB_DEFAULTS;
    this.retention = opts.retention ?? DEFAULT_RETENTION;
    this.clock = opts.clock ?? systemClock;
    this.logger = opts.logger ?? silentLogger;
  }

  async add(name: string, payload: JsonValue, opts: AddOptions = {}): Promise<string> {
    this.assertOpen();
    const o = resolveAddOptions(opts, this.defaults);
    const q = this.queue(name);
    const data = toJson(payload);
    if (o.jobId !== undefined && q.byId.has(o.jobId)) return o.jobId;
    const id = o.jobId ?? String(this.nextId++);
    const job: LocalJob = {
      id,
      name,
      payload: data,
      attempts: o.attempts,
      backoff: o.backoff,
      attemptsMade: 0,
      state: 'waiting',
      finishedAt: 0,
    };
    if (o.jobId !== undefined) q.byId.set(id, job);
    this.enqueue(q, job, o.delayMs);
    return id;
  }

  process<P extends JsonValue>(name: string, handler: JobHandler<P>, opts: ProcessOptions): void {
    this.assertOpen();
    validateConcurrency(opts.concurrency);
    const q = this.queue(name);
    if (q.handler) throw new Error(`queue "${name}" already has a handler`);
    q.handler = handler as JobHandler;
    q.concurrency = opts.concurrency;
    this.pump(q);
  }

  async schedule(name: string, opts: ScheduleOptions): Promise<void> {
    this.assertOpen();
    validateSchedule(opts);
    this.queue(name);
    const key = `${name}\u0000${opts.jobId}`;
    this.cancel(this.schedules.get(key));
    const payload = toJson(opts.payload ?? {});
    const now = this.clock.now();
    // BullMQ's first run: `every` fires at once, a cron pattern at its next match.
    const first = opts.everyMs !== undefined ? now : this.nextCron(opts, now);
    if (first !== undefined) this.arm(key, name, opts, payload, first);
  }

  async counts(names?: readonly string[]): Promise<Record<string, QueueCounts>> {
    const result: Record<string, QueueCounts> = {};
    for (const name of names ?? [...this.queues.keys()]) {
      const q = this.queue(name);
      result[name] = {
        waiting: q.waiting.length,
        active: q.active,
        delayed: q.delayed,
        failed: q.failed,
        dead: q.dead.length,
      };
    }
    return result;
  }

  async deadLetters(name: string, limit = 100): Promise<DeadLetter[]> {
    return this.queue(name).dead.slice(0, limit);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const t of this.timers) this.clock.clearTimeout(t);
      this.timers.clear();
      while (this.running.size > 0) await Promise.allSettled([...this.running]);
      let dropped = 0;
      for (const q of this.queues.values()) dropped += q.waiting.length + q.delayed;
      if (dropped > 0) this.logger.warn({ dropped }, 'in-process queue closed with unstarted jobs');
    })();
    return this.closing;
  }

  private queue(name: string): LocalQueue {
    let q = this.queues.get(name);
    if (!q) {
      validateQueueName(name);
      q = {
        byId: new Map(),
        waiting: [],
        delayed: 0,
        active: 0,
        failed: 0,
        finished: [],
        dead: [],
        concurrency: 1,
      };
      this.queues.set(name, q);
    }
    return q;
  }

  private enqueue(q: LocalQueue, job: LocalJob, delayMs: number): void {
    if (delayMs <= 0) {
      job.state = 'waiting';
      q.waiting.push(job);
      this.pump(q);
      return;
    }
    job.state = 'delayed';
    q.delayed++;
    this.later(delayMs, () => {
      q.delayed--;
      this.enqueue(q, job, 0);
    });
  }

  private pump(q: LocalQueue): void {
    while (!this.closing && q.handler && q.active < q.concurrency && q.waiting.length > 0) {
      this.run(q, q.handler, q.waiting.shift()!);
    }
  }

  private run(q: LocalQueue, handler: JobHandler, job: LocalJob): void {
    job.state = 'active';
    q.active++;
    const done = (async () => {
      try {
        // A fresh copy per attempt, as a BullMQ worker re-reads the job from Redis.
        await handler({
          id: job.id,
          name: job.name,
          payload: toJson(job.payload),
          attempt: job.attemptsMade + 1,
          attempts: job.attempts,
        });
        job.attemptsMade++;
        this.finish(q, job, 'completed');
      } catch (err) {
        job.attemptsMade++;
        this.fail(q, job, err);
      } finally {
        q.active--;
      }
    })();
    this.running.add(done);
    void done.then(() => {
      this.running.delete(done);
      this.pump(q);
    });
  }

  private fail(q: LocalQueue, job: LocalJob, err: unknown): void {
    const log = { queue: job.name, jobId: job.id, attempt: job.attemptsMade, err: errorMessage(err) };
    if (isPermanent(err) || job.attemptsMade >= job.attempts) {
      q.dead.push({
        jobId: job.id,
        name: job.name,
        payload: job.payload,
        error: errorMessage(err),
        attemptsMade: job.attemptsMade,
        failedAt: this.clock.now(),
      });
      if (q.dead.length > this.retention.count) q.dead.shift();
      this.finish(q, job, 'failed');
      this.logger.error(log, 'job dead-lettered');
      return;
    }
    const retryInMs = backoffDelay(job.backoff, job.attemptsMade);
    this.logger.warn({ ...log, retryInMs }, 'job attempt failed');
    this.enqueue(q, job, retryInMs);
  }

  private finish(q: LocalQueue, job: LocalJob, state: 'completed' | 'failed'): void {
    job.state = state;
    job.finishedAt = this.clock.now();
    job.payload = null; // the dead letter holds its own copy
    if (state === 'failed') q.failed++;
    q.finished.push(job);
    const oldest = job.finishedAt - this.retention.ageMs;
    while (q.finished.length > this.retention.count || (q.finished[0]?.finishedAt ?? Infinity) < oldest) {
      const old = q.finished.shift()!;
      if (old.state === 'failed') q.failed--;
      if (q.byId.get(old.id) === old) q.byId.delete(old.id);
    }
  }

  private arm(key: string, name: string, opts: ScheduleOptions, payload: JsonValue, at: number): void {
    const timer = this.later(at - this.clock.now(), () => {
      // Same per-run id as a BullMQ scheduler, so a run is never enqueued twice.
      this.add(name, payload, { jobId: `repeat:${opts.jobId}:${at}` }).catch((err: unknown) =>
        this.logger.error({ queue: name, err: errorMessage(err) }, 'scheduled job not added'),
      );
      const now = this.clock.now();
      const next =
        opts.everyMs !== undefined
          ? at + opts.everyMs * Math.max(1, Math.ceil((now - at) / opts.everyMs))
          : this.nextCron(opts, Math.max(at, now));
      if (next !== undefined) this.arm(key, name, opts, payload, next);
    });
    this.schedules.set(key, timer);
  }

  private nextCron(opts: ScheduleOptions, after: number): number | undefined {
    // BullMQ's own strategy (cron-parser), so both implementations read patterns and time zones alike.
    return defaultRepeatStrategy(after, { pattern: opts.pattern, tz: opts.tz });
  }

  private later(ms: number, fn: () => void): unknown {
    // A job failing while we close would arm a retry that nothing clears; it stays counted as delayed.
    if (this.closing) return undefined;
    const timer = this.clock.setTimeout(
      () => {
        this.timers.delete(timer);
        fn();
      },
      Math.max(0, ms),
    );
    this.timers.add(timer);
    return timer;
  }

  private cancel(timer: unknown): void {
    if (timer === undefined) return;
    this.clock.clearTimeout(timer);
    this.timers.delete(timer);
  }

  private assertOpen(): void {
    if (this.closing) throw new JobQueueClosedError();
  }
}
