import { safeError } from '../utils/safe-error.ts';

/**
 * The server's job system. Two implementations share these semantics exactly: BullMQ on Redis when
 * `REDIS_URL` is set, an in-process queue otherwise (one process, nothing survives a restart).
 */

/** Payloads cross Redis as JSON: dates become strings, class instances lose their prototype. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface Backoff {
  /** `exponential`: delayMs * 2^(n - 1) after failed attempt n (BullMQ's formula); `fixed`: delayMs. */
  type: 'fixed' | 'exponential';
  delayMs: number;
}

export interface AddOptions {
  /** Idempotency key: while a job with this id exists or is retained (24 h by default), adding it again is a no-op. */
  jobId?: string;
  delayMs?: number;
  /** Total tries, the first included. */
  attempts?: number;
  backoff?: Backoff;
}

export interface ProcessOptions {
  concurrency: number;
}

export type ScheduleOptions = {
  /** Scheduler id: upserting the same id replaces the schedule instead of adding a second one. */
  jobId: string;
  payload?: JsonValue;
} & ({ pattern: string; tz?: string; everyMs?: never } | { everyMs: number; pattern?: never; tz?: never });

export interface JobContext<P extends JsonValue = JsonValue> {
  id: string;
  name: string;
  payload: P;
  /** 1 on the first try. */
  attempt: number;
  attempts: number;
}

export type JobHandler<P extends JsonValue = JsonValue> = (job: JobContext<P>) => Promise<unknown>;

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  /** Jobs whose last attempt failed, kept as long as finished jobs are kept. */
  failed: number;
  /** Entries in the dead-letter queue, kept until an operator removes them. */
  dead: number;
}

export interface DeadLetter {
  jobId: string;
  name: string;
  payload: JsonValue;
  error: string;
  attemptsMade: number;
  failedAt: number;
}

export interface JobQueue {
  /** Resolves to the job's id (the given `jobId`, or a generated one). */
  add(name: string, payload: JsonValue, opts?: AddOptions): Promise<string>;
  /** Starts consuming `name` in this process; at most one handler per name. */
  process<P extends JsonValue>(name: string, handler: JobHandler<P>, opts: ProcessOptions): void;
  /** Upserts a repeatable job (BullMQ job scheduler); jobs get the queue's default attempts and backoff. */
  schedule(name: string, opts: ScheduleOptions): Promise<void>;
  /** Per queue name; without names, every queue this instance has touched. */
  counts(names?: readonly string[]): Promise<Record<string, QueueCounts>>;
  deadLetters(name: string, limit?: number): Promise<DeadLetter[]>;
  /** Stops taking jobs, waits for the active ones to finish, then releases timers and connections. */
  close(): Promise<void>;
}

/** Minimal structured logger (pino's call shape). Never pass payloads: they may hold health data. */
export interface QueueLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export const silentLogger: QueueLogger = { info() {}, warn() {}, error() {} };

/** Throw from a handler to skip the remaining attempts (e.g. a payload that can never succeed). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

export class JobQueueClosedError extends Error {
  constructor() {
    super('job queue is closed');
  }
}

/** What of a job's error may be logged and kept in a dead letter (no query parameters: see safeError). */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? safeError(err).message : String(err);
}

/** Works across module copies and for errors rebuilt from another process, hence the name check. */
export function isPermanent(err: unknown): boolean {
  return err instanceof Error && (err.name === 'PermanentJobError' || err.name === 'UnrecoverableError');
}
